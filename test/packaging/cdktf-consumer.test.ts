import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsumerProject } from './consumer-project';
import { builtPackages } from './packages';

/**
 * The cloudmail-mx tarball installed into a project laid out like
 * `cdktf init --template=typescript` (ts-node, type-checking on, TypeScript
 * 5.9, constructs 10.8.1), with only the Cloudflare provider package, and
 * used from TypeScript, plain CommonJS, ESM, a strict tsconfig and the CLI.
 */
const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

const MAIN_TS = `import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { CloudMail, CloudMailMx, DnsTarget } from 'cloudmail-mx';

const app = new App();
const stack = new TerraformStack(app, 'mail-dns');
new LocalBackend(stack, { path: 'terraform.mail-dns.tfstate' });
new CloudflareProvider(stack, 'cloudflare', {});
new CloudMailMx(stack, 'example-com', {
  domain: 'example.com',
  target: DnsTarget.cloudflare({ zoneId: '${ZONE}' }),
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
});
app.synth();
`;

/** No provider package at all: the library requires the providers itself. */
const MAIN_JS = `const { App, TerraformStack } = require('cdktf');
const { CloudMailMx, DnsTarget } = require('cloudmail-mx');

const app = new App({ outdir: 'js.out' });
const stack = new TerraformStack(app, 'plain-js');
new CloudMailMx(stack, 'example-com', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: '${ZONE}' }) });
new CloudMailMx(stack, 'example-org', { domain: 'example.org', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
app.synth();
`;

const ESM = `import { CloudMailMx, DnsTarget, RolloutStage } from 'cloudmail-mx';
import { checkDomains } from 'cloudmail-mx/tools';
console.log([typeof CloudMailMx, typeof DnsTarget.cloudflare, RolloutStage.CUTOVER, typeof checkDomains].join(' '));
`;

/** The tsconfig cdktf init --template=typescript writes (ts-node type-checks against it). */
const TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true, declaration: true, experimentalDecorators: true, inlineSourceMap: true, inlineSources: true, lib: ['es2018'], module: 'CommonJS',
    noEmitOnError: true, noFallthroughCasesInSwitch: true, noImplicitAny: true, noImplicitReturns: true, noImplicitThis: true, noUnusedLocals: true,
    noUnusedParameters: true, resolveJsonModule: true, strict: true, strictNullChecks: true, strictPropertyInitialization: true, stripInternal: true,
    target: 'ES2018', incremental: true, skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

/** The strictest options users turn on; the library's declarations are checked too (skipLibCheck off). */
const TSCONFIG_STRICT = {
  compilerOptions: { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, module: 'commonjs', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
  files: ['main.ts'],
};

let project: ConsumerProject;
beforeAll(() => {
  project = new ConsumerProject({
    'package.json': JSON.stringify({
      name: 'mail-dns',
      private: true,
      dependencies: { 'cloudmail-mx': `file:${builtPackages().tarballs.cdktf}`, cdktf: '0.21.0', constructs: '10.8.1', '@cdktf/provider-cloudflare': '13.9.1' },
      devDependencies: { 'cdktf-cli': '0.21.0', typescript: '5.9.3', 'ts-node': '10.9.2', '@types/node': '20.19.43' },
    }),
    'cdktf.json': JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', projectId: 'consumer', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }),
    'tsconfig.json': JSON.stringify(TSCONFIG),
    'tsconfig.strict.json': JSON.stringify(TSCONFIG_STRICT),
    'main.ts': MAIN_TS,
    'main.js': MAIN_JS,
    'esm.mjs': ESM,
  });
  project.install();
}, 600_000);
afterAll(() => project?.remove());

const stackOf = (outdir: string, stack: string) => JSON.parse(readFileSync(join(project.dir, outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));

test('npx cdktf synth (ts-node, type-checked) writes the Cloudflare records through the user\'s provider', () => {
  const result = project.run('npx', ['cdktf', 'synth']);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.status).toBe(0);
  const stack = stackOf('cdktf.out', 'mail-dns');
  expect(Object.values(stack.resource.cloudflare_dns_record).map((r) => [(r as { content: string }).content, (r as { priority: number }).priority]).sort()).toEqual([['backup1.example.net', 20], ['mx1.cloudaccess.net', 10]]);
  expect(stack.terraform.required_providers).toEqual({ cloudflare: { source: 'cloudflare/cloudflare', version: '5.14.0' } });
}, 120_000);

test('the project has only the Cloudflare provider package: no AWS package was pulled in', () => {
  expect(existsSync(join(project.dir, 'node_modules', '@cdktf', 'provider-cloudflare'))).toBe(true);
  expect(existsSync(join(project.dir, 'node_modules', '@cdktf', 'provider-aws'))).toBe(false);
});

test('a plain CommonJS consumer run with node synthesizes Cloudflare and Route53 without any provider package', () => {
  const result = project.run(process.execPath, ['main.js']);
  expect(result).toMatchObject({ status: 0, stderr: '' });
  const stack = stackOf('js.out', 'plain-js');
  expect(stack.terraform.required_providers).toEqual({ cloudflare: { source: 'cloudflare/cloudflare', version: '~> 5.14' }, aws: { source: 'hashicorp/aws', version: '~> 6.0' } });
  expect(Object.values(stack.resource.aws_route53_record)).toEqual([expect.objectContaining({ records: ['10 mx1.cloudaccess.net.'] })]);
});

test('an ESM consumer imports the constructs and the tools entry', () => {
  expect(project.run(process.execPath, ['esm.mjs'])).toMatchObject({ status: 0, stdout: 'function function CUTOVER function\n' });
});

test('tsc --noEmit passes under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes, the library\'s declarations included', () => {
  const result = project.run('npx', ['tsc', '-p', 'tsconfig.strict.json']);
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('the installed CLI answers --help and --version, and summarizes the synth', () => {
  expect(project.run('npx', ['cloudmail-mx', '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: cloudmail-mx check') });
  expect(project.run('npx', ['cloudmail-mx', '--version'])).toMatchObject({ status: 0, stdout: 'cloudmail-mx 0.1.0\n' });
  project.run('npx', ['cdktf', 'synth']);
  expect(project.run('npx', ['cloudmail-mx', 'summary', 'cdktf.out'])).toMatchObject({ status: 0, stdout: expect.stringContaining('`example.com` · Cloudflare') });
}, 120_000);
