import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A Cloudflare-only user: a project whose node_modules has cdktf and the
 * Cloudflare provider, but no @cdktf/provider-aws at all.
 */
const repo = resolve(__dirname, '../..');
let project: string;

const CLOUDFLARE_ONLY_APP = `
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { CloudMailMx, DnsTarget } from './lib';

const app = new App();
const stack = new TerraformStack(app, 'cloudflare-only');
new LocalBackend(stack, { path: 'terraform.tfstate' });
new CloudflareProvider(stack, 'cloudflare', {});
new CloudMailMx(stack, 'example-com', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353' }) });
app.synth();
const loaded = Object.keys(require.cache).filter((file) => file.includes('provider-aws'));
if (loaded.length > 0) throw new Error('loaded ' + loaded.join(', '));
`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'cloudflare-only-'));
  cpSync(join(repo, 'lib'), join(project, 'lib'), { recursive: true });
  mkdirSync(join(project, 'node_modules', '@cdktf'), { recursive: true });
  mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
  // The library's own dependencies, and the one provider this user chose.
  for (const pkg of ['cdktf', 'constructs', 'dns-packet', 'zod', '@cdktf/provider-cloudflare', '@types/node', '@types/dns-packet', 'typescript']) {
    symlinkSync(join(repo, 'node_modules', pkg), join(project, 'node_modules', pkg));
  }
  writeFileSync(join(project, 'main.ts'), CLOUDFLARE_ONLY_APP);
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', types: ['node'], skipLibCheck: true, noEmit: true, esModuleInterop: true },
    include: ['main.ts', 'lib/**/*.ts'],
  }));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function runInProject(script: string, outdir: string) {
  return spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
    cwd: project,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
}

test('@cdktf/provider-aws really is absent from the project', () => {
  expect(() => require.resolve('@cdktf/provider-aws/lib/route53-record', { paths: [project] })).toThrow(/Cannot (find|resolve) module/);
});

test('synthesizes a Cloudflare stack without @cdktf/provider-aws installed or loaded', () => {
  const outdir = join(project, 'out');
  const result = runInProject(`require('./main.ts')`, outdir);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'cloudflare-only', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(json.resource)).toEqual(['cloudflare_dns_record']);
});

test('type-checks a Cloudflare-only program without @cdktf/provider-aws', () => {
  expect(() => execFileSync(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' })).not.toThrow();
}, 60_000);

test('using DnsTarget.route53 without the package says what to install', () => {
  const result = runInProject(`
    const { App, TerraformStack } = require('cdktf');
    const { CloudMailMx, DnsTarget } = require('./lib');
    const stack = new TerraformStack(new App(), 's');
    new CloudMailMx(stack, 'd', { domain: 'example.org', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
  `, join(project, 'out-aws'));
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('DnsTarget.route53 needs the optional peer dependency @cdktf/provider-aws, which is not installed. Fix: npm install --save-exact @cdktf/provider-aws');
});
