import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FleetFile } from '../../../lib/fleet/fleet-file';
import { LegacyPolicy, RolloutStage } from '../../../lib/rollout/rollout-stage';
import { ExitCode, runCheckCommand } from '../../../tools/check/run-check-command';
import { runDiscoverCommand } from '../../../tools/discover/run-discover-command';
import { cdktfSynth, checkout, removeCheckouts } from '../../cdktf-checkout';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from '../check/nsd-harness';
import { CloudflareStandIn, startCloudflareStandIn } from './cloudflare-api-stand-in';
import { FIRST_SERVER_ZONES, SECOND_SERVER_ZONES } from './discovery-zones';

const run = nsdAvailable() ? describe : describe.skip;
const REPO = resolve(__dirname, '../../..');
const TOKEN = 'cf-token-7d3b-must-never-be-printed';
const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
const ECHO_ZONE = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const IDS = ['372e67954025e0ba6aaa6d586b9e0b59', '8f1b6e5dd1a54c3c9a0e4d5b6c7a8b9c'];

/** The app a user pastes the ts output into: a stack named `stack` and the imports the header names. */
const app = (blocks: string) => `import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '${'./lib'}';

const app = new App();
const stack = new TerraformStack(app, 'discovered');
new LocalBackend(stack, { path: 'terraform.discovered.tfstate' });
new CloudflareProvider(stack, 'cloudflare', {});
new AwsProvider(stack, 'aws', { region: 'us-east-1' });
${blocks}
app.synth();
`;

run('cloudmail-mx discover: formats, exit codes and the Cloudflare token', () => {
  let first: RunningNsd;
  let second: RunningNsd;
  let api: CloudflareStandIn;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const port = await findFreePort();
    [first, second, api] = await Promise.all([
      startNsd('127.0.0.1', port, FIRST_SERVER_ZONES),
      startNsd('127.0.0.2', port, SECOND_SERVER_ZONES),
      startCloudflareStandIn(TOKEN, {
        [ZONE]: { records: [
          { id: IDS[0], type: 'MX', name: 'legacy-mail.test', content: 'mail.legacy-mail.test', priority: 10, ttl: 86400 },
          { id: IDS[1], type: 'MX', name: 'legacy-mail.test', content: 'mail2.legacy-mail.test', priority: 20, ttl: 86400 },
        ] },
        // A hostile or broken proxy that echoes the token back.
        [ECHO_ZONE]: { status: 403, errors: [{ code: 10000, message: `Authentication error for Bearer ${TOKEN}` }] },
      }),
    ]);
    env = { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: api.baseUrl };
  });
  afterAll(async () => {
    removeCheckouts();
    await Promise.all([first?.stop(), second?.stop(), api?.close()]);
  });

  async function discover(args: readonly string[], environment: NodeJS.ProcessEnv = env): Promise<{ code: ExitCode; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runDiscoverCommand([...args, '--resolver', first.address, '--fallback-resolver', first.address, '--timeout', '300'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } }, environment);
    return { code, stdout, stderr };
  }

  test('the ts output compiles against the library, synthesizes with the cdktf CLI, and its LOWER_TTL stage passes check --from-synth', async () => {
    const { code, stdout, stderr } = await discover(['legacy-mail.test', 'no-mail.test', '--authoritative', '--cloudflare-zone', ZONE]);
    expect([code, stderr]).toEqual([ExitCode.OK, '']);
    expect(stdout).not.toContain(TOKEN);
    expect(stdout).toContain(`{ hostName: 'mail.legacy-mail.test', priority: 10, importId: '${ZONE}/${IDS[0]}' },`);
    expect(stdout).toContain('rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 },');
    const dir = checkout(app(stdout));
    const [typeCheck, synth] = await Promise.all([typeCheckCheckout(dir), cdktfSynth(dir)]);
    expect(typeCheck).toEqual({ status: 0, output: '' });
    expect(synth.status).toBe(0);
    const outdir = join(dir, 'cdktf.out');
    const stack = JSON.parse(readFileSync(join(outdir, 'stacks', 'discovered', 'cdk.tf.json'), 'utf8'));
    const records = Object.values(stack.resource.cloudflare_dns_record as Record<string, { name: string; content: string; priority: number; ttl: number }>);
    expect(records.map((r) => [r.name, r.priority, r.content, r.ttl]).sort()).toEqual([
      ['legacy-mail.test', 10, 'mail.legacy-mail.test', 300],
      ['legacy-mail.test', 20, 'mail2.legacy-mail.test', 300],
      ['no-mail.test', 10, 'mx1.cloudaccess.net', 3600],
    ]);
    expect(stack.import.map((block: { id: string }) => block.id).sort()).toEqual(IDS.map((id) => `${ZONE}/${id}`));
    let checked = '';
    const checkCode = await runCheckCommand(['legacy-mail.test', '--from-synth', outdir, '--authoritative', '--resolver', first.address, '--fallback-resolver', first.address, '--json'], { stdout: { write: (t: string) => (checked += t) }, stderr: { write: () => true } });
    expect(JSON.parse(checked).domains[0]).toMatchObject({ domain: 'legacy-mail.test', status: 'ok', findings: [] });
    expect(checkCode).toBe(ExitCode.OK);
  }, 120_000);

  test('a block whose zone and record IDs are unknown compiles, but refuses to synthesize until they are filled in', async () => {
    const { stdout } = await discover(['legacy-mail.test', '--authoritative']);
    expect(stdout).toContain("target: DnsTarget.cloudflare({ zoneId: '<zone id>' }),");
    expect(stdout).toContain("{ hostName: 'mail2.legacy-mail.test', priority: 20 }, // importId unknown: run discover with --cloudflare-zone <zone id>");
    const dir = checkout(app(stdout));
    expect(await typeCheckCheckout(dir)).toEqual({ status: 0, output: '' });
    const synth = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), 'main.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: join(dir, 'out') } });
    expect(synth.status).not.toBe(0);
    expect(synth.stderr).toContain('target.zoneId = "<zone id>": is not a Cloudflare zone ID');
    expect(synth.stderr).toContain('legacy.servers[1].importId = undefined: is required by Cloudflare');
  }, 60_000);

  test('the fleet output loads with FleetFile as it stands; the domains it cannot move are named on stderr', async () => {
    const { code, stdout, stderr } = await discover(['legacy-mail.test', 'r53-mail.test', 'no-mail.test', 'on-cloudmail.test', 'gone.legacy-mail.test', '--authoritative', '--cloudflare-zone', ZONE, '--format', 'fleet']);
    expect(code).toBe(ExitCode.USAGE_OR_ERROR);
    const dir = mkdtempSync(join(tmpdir(), 'discover-fleet-'));
    writeFileSync(join(dir, 'mail-domains.json'), JSON.stringify({ shards: 4, domains: JSON.parse(stdout) }));
    const fleet = FleetFile.load(join(dir, 'mail-domains.json'));
    rmSync(dir, { recursive: true, force: true });
    expect(fleet.domains.map(({ domain, provider, zoneId, legacy, rollout }) => ({ domain, provider, zoneId, legacy, rollout }))).toEqual([
      { domain: 'legacy-mail.test', provider: 'cloudflare', zoneId: ZONE, legacy: { policy: LegacyPolicy.DELETE, servers: [
        { hostName: 'mail.legacy-mail.test', priority: 10, importId: `${ZONE}/${IDS[0]}` },
        { hostName: 'mail2.legacy-mail.test', priority: 20, importId: `${ZONE}/${IDS[1]}` },
      ] }, rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 } },
      { domain: 'r53-mail.test', provider: 'route53', zoneId: '<hosted zone id>', legacy: { policy: LegacyPolicy.DELETE, servers: [{ hostName: 'mail.r53-mail.test', priority: 10 }] }, rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 3600 } },
      { domain: 'no-mail.test', provider: 'cloudflare', zoneId: ZONE, legacy: undefined, rollout: undefined },
    ]);
    expect(stderr).toContain('cloudmail-mx discover: on-cloudmail.test: no fleet entry, it is already on CloudMail');
    expect(stderr).toContain('cloudmail-mx discover: gone.legacy-mail.test: ERROR NXDOMAIN:');
    expect(stderr).toContain('cloudmail-mx discover: gone.legacy-mail.test: no fleet entry, it could not be read');
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  test.each([
    [['legacy-mail.test', '--authoritative'], ExitCode.OK],
    [['split-view.test', '--authoritative'], ExitCode.FAIL],
    [['legacy-mail.test', 'gone.legacy-mail.test', '--authoritative'], ExitCode.USAGE_OR_ERROR],
  ] as const)('--format json %j exits %d', async (args, expected) => {
    const { code, stdout } = await discover([...args, '--format', 'json']);
    expect(code).toBe(expected);
    expect(JSON.parse(stdout).domains.map((d: { domain: string }) => d.domain)).toEqual(args.filter((a) => !a.startsWith('--')));
  });

  test.each(['ts', 'fleet', 'json'])('the token is never printed, even when the API echoes it (--format %s)', async (format) => {
    const { code, stdout, stderr } = await discover(['legacy-mail.test', '--cloudflare-zone', ECHO_ZONE, '--format', format]);
    expect(code).toBe(ExitCode.USAGE_OR_ERROR);
    expect(stdout + stderr).toContain('[token]');
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  test.each([
    [['legacy-mail.test', '--format', 'yaml'], '--format yaml is not known. Fix:', undefined],
    [['--format', 'json'], 'No domain to discover. Fix:', undefined],
    [['legacy-mail.test', '--cloudflare-zone', 'example.com'], '--cloudflare-zone example.com is not a Cloudflare zone ID', undefined],
    [['legacy-mail.test', '--cloudflare-zone', ZONE], 'CLOUDFLARE_API_TOKEN, which is not set. Fix:', { CLOUDFLARE_API_BASE_URL: 'http://127.0.0.1:9/never-called' }],
    [['not a domain!'], 'domains[0] = "not a domain!"', undefined],
  ] as const)('%j is a usage error: exit 2, nothing on stdout', async (args, message, environment) => {
    const { code, stdout, stderr } = await discover(args, environment ?? env);
    expect([code, stdout]).toEqual([ExitCode.USAGE_OR_ERROR, '']);
    expect(stderr).toContain(message);
  });

  test('./bin/cloudmail-mx discover reads the token and the API base URL from the environment', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(join(REPO, 'bin', 'cloudmail-mx'), ['discover', 'legacy-mail.test', '--resolver', first.address, '--fallback-resolver', first.address, '--cloudflare-zone', ZONE, '--format', 'json'], { env: { ...process.env, ...env } },
        (error, out, err) => done({ code: error === null ? 0 : Number(error.code), stdout: out, stderr: err }));
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).domains[0].legacy.map((r: { importId?: string }) => r.importId)).toEqual(IDS.map((id) => `${ZONE}/${id}`));
    expect(stdout + stderr).not.toContain(TOKEN);
  });
});

function typeCheckCheckout(dir: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, '--noEmit'], (error, stdout, stderr) =>
      done({ status: error === null ? 0 : (error.code as number), output: stdout + stderr }));
  });
}
