import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cdktfSynth } from './cdktf-checkout';

/**
 * Every app's cdktf.json runs it with the repository's runner
 * (register-typescript.js: esbuild, no source maps), which npm run bench
 * measures against compiled code. The apps run here as cdktf would run
 * them, in their folders, through the core the test project maps to.
 */
const repo = resolve(__dirname, '..');
const apps = [repo, ...readdirSync(join(repo, 'examples'), { withFileTypes: true }).filter((entry) => existsSync(join(repo, 'examples', entry.name, 'cdktf.json'))).map((entry) => join(repo, 'examples', entry.name))];
const appOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app: string }).app;
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('main.ts and every example with an app use the same runner', () => {
  expect(apps.map((dir) => dir.slice(repo.length) || '/')).toEqual(['/', '/examples/azure-dns', '/examples/cloudflare', '/examples/fleet', '/examples/google-cloud-dns', '/examples/null-mx', '/examples/rfc2136', '/examples/route53', '/examples/staged-rollout']);
  for (const dir of apps) expect(appOf(dir)).toMatch(/^node --require (\.\.\/\.\.|\.)\/register-typescript\.js [\w-]+\.ts$/);
});

test.each(apps.map((dir) => [dir.slice(repo.length) || '/', dir]))('the app of %s synthesizes through its runner', (_name, dir) => {
  const outdir = mkdtempSync(join(tmpdir(), 'runner-'));
  outdirs.push(outdir);
  const result = spawnSync('sh', ['-c', appOf(dir)], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CDKTF_OUTDIR: outdir, NODE_OPTIONS: `--require ${require.resolve('./require-core.js')}` },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(readdirSync(join(outdir, 'stacks')).length).toBeGreaterThan(0);
}, 30_000);

test('the example fleet synthesizes through npx cdktf synth in a few seconds', async () => {
  const result = await cdktfSynth(join(repo, 'examples', 'fleet'), ['--output', mkdtempSync(join(tmpdir(), 'fleet-synth-'))]);
  expect(result).toMatchObject({ status: 0, output: expect.stringContaining('Generated Terraform code for the stacks: mail-cloudflare-0') });
}, 60_000);
