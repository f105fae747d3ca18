import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudMail, CloudMailMx, DnsTarget } from '../../lib';
import { PRIMARY_ZONES } from './check/fixture-zones';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from './check/nsd-harness';
import { synthToTempDir } from './synth/synth-to-temp-dir';

const BIN = join(__dirname, '..', '..', 'bin', 'cloudmail-mx');

const REPO = join(__dirname, '..', '..');

function runBin(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BIN, [...args], { cwd: join(__dirname, '..') }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

const run = nsdAvailable() ? describe : describe.skip;

run('./bin/cloudmail-mx check against NSD', () => {
  let nsd: RunningNsd;
  let outdir: string;
  // NSD is the resolver and the fallback: nothing may be asked outside this machine.
  const viaNsd = (): string[] => ['--resolver', nsd.address, '--fallback-resolver', nsd.address];
  beforeAll(async () => {
    nsd = await startNsd('127.0.0.1', await findFreePort(), PRIMARY_ZONES);
    outdir = synthToTempDir((stack) => {
      new CloudMailMx(stack, 'synth', { domain: 'synth.test', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }), servers: CloudMail.servers({ backups: ['backup.ok.test'] }), ttl: 300 });
      new CloudMailMx(stack, 'ok', { domain: 'ok.test', target: DnsTarget.cloudflare({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353' }), servers: CloudMail.servers({ backups: ['backup.ok.test'] }), ttl: 300 });
    });
  });
  afterAll(async () => {
    await nsd?.stop();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  test('--json prints the fixed shape and exits 0 when every domain is ok or warn', async () => {
    const { code, stdout } = await runBin(['check', 'ok.test', 'demoted.test', ...viaNsd(), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.domains.map((d: { domain: string; status: string }) => [d.domain, d.status])).toEqual([['ok.test', 'ok'], ['demoted.test', 'warn']]);
    expect(report.domains[1].findings[0]).toEqual({ code: 'LEGACY_DEMOTED', severity: 'warn', message: expect.stringContaining('Fix: ') });
  });

  test('exits 1 when a domain fails, and the human report shows the records and the fix', async () => {
    const { code, stdout } = await runBin(['check', 'legacy.test', ...viaNsd()]);
    expect(code).toBe(1);
    expect(stdout).toContain('legacy.test  FAIL');
    expect(stdout).toMatch(/127\.0\.0\.1:\d+\s+10\s+mail\.legacy\.test\s+3600/);
    expect(stdout).toContain('FAIL LEGACY_PRESENT');
    expect(stdout).toContain('Fix: delete it');
    expect(stdout).not.toContain('\x1b[');
  });

  test('exits 2 when a domain cannot be checked', async () => {
    const { code, stdout } = await runBin(['check', 'missing.ok.test', ...viaNsd()]);
    expect(code).toBe(2);
    expect(stdout).toContain('ERROR NXDOMAIN');
  });

  test('exits 2 with a clear message on a usage error', async () => {
    const { code, stderr } = await runBin(['check', 'ok.test', '--concurrency', 'many']);
    expect(code).toBe(2);
    expect(stderr).toContain('--concurrency many is not a positive whole number. Fix:');
  });

  test('--from-synth checks every domain of the synthesized stacks against its own expected set', async () => {
    const { code, stdout } = await runBin(['check', '--from-synth', outdir, ...viaNsd(), '--json']);
    const report = JSON.parse(stdout);
    expect(report.domains.map((d: { domain: string; status: string }) => [d.domain, d.status])).toEqual([['ok.test', 'fail'], ['synth.test', 'ok']]);
    expect(report.domains[0].findings.map((f: { code: string }) => f.code)).toEqual(['MISSING_BACKUP']);
    expect(code).toBe(1);
  });

  test('--file: a bad line is an error entry (exit 2), every other domain is checked', async () => {
    const list = join(outdir, 'mixed.txt');
    writeFileSync(list, 'ok.test\nexa mple.test\ndemoted.test\n');
    const { code, stdout } = await runBin(['check', '--file', list, ...viaNsd(), '--json']);
    const report = JSON.parse(stdout);
    expect(report.domains.map((d: { domain: string; status: string }) => [d.domain, d.status])).toEqual([['ok.test', 'ok'], ['exa mple.test', 'error'], ['demoted.test', 'warn']]);
    expect(report.domains[1].findings[0].message).toContain(`${list} line 2: "exa mple.test"`);
    expect(code).toBe(2);
  });

  test('a reader that closes the pipe early (| head -1) ends the output quietly, with the verdict\'s exit code', () => {
    const list = join(outdir, 'many.txt');
    writeFileSync(list, 'ok.test\n'.repeat(400)); // about 100 kB of JSON: more than a pipe holds
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${BIN}" check --file "${list}" ${viaNsd().join(' ')} --json | head -1`], { cwd: REPO, encoding: 'utf8' });
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('the check command loads nothing from cdktf or the providers, even with --from-synth', () => {
    const script = `require('tsx/cjs');
      const { runCli } = require('./tools/cli.ts');
      const quiet = { write: () => true };
      runCli(['check', '--from-synth', ${JSON.stringify(outdir)}, ${viaNsd().map((a) => JSON.stringify(a)).join(', ')}], { stdout: quiet, stderr: quiet }).then((code) => {
        const loaded = Object.keys(require.cache).filter((path) => /node_modules[\\/](cdktf|@cdktf|constructs)[\\/]/.test(path));
        process.stdout.write(JSON.stringify({ code, loaded }));
      });`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ code: 1, loaded: [] });
  });

  test('--file adds domains and --expect-file sets the expected set', async () => {
    const list = join(outdir, 'domains.txt');
    const expected = join(outdir, 'servers.json');
    writeFileSync(list, '# domains\nsynth.test\n\n');
    writeFileSync(expected, JSON.stringify([{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup.ok.test', priority: 20 }]));
    const { code, stdout } = await runBin(['check', '--file', list, '--expect-file', expected, ...viaNsd(), '--json']);
    expect(JSON.parse(stdout).domains.map((d: { domain: string; status: string }) => [d.domain, d.status])).toEqual([['synth.test', 'ok']]);
    expect(code).toBe(0);
  });
});

describe('./bin/cloudmail-mx without a command', () => {
  test('--help prints every command\'s usage on stdout and exits 0', async () => {
    const { code, stdout } = await runBin(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: cloudmail-mx check');
    expect(stdout).toContain('Usage: cloudmail-mx summary');
  });

  test('--version prints the package name and version and exits 0', async () => {
    const { name, version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await runBin(['--version'])).toEqual({ code: 0, stdout: `${name} ${version}\n`, stderr: '' });
  });

  test('no command or an unknown one exits 2 with the usage on stderr', async () => {
    for (const args of [[], ['deploy']]) {
      const { code, stderr } = await runBin(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/cloudmail-mx: (No command given|Unknown command "deploy")\. Fix: use one of the commands below/);
    }
  });
});
