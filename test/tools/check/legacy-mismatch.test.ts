import { rmSync } from 'node:fs';
import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../../lib';
import { MxServer } from '../../../lib/model/mx-server';
import { CheckReport } from '../../../tools/check/check-domain';
import { ExitCode, runCheckCommand } from '../../../tools/check/run-check-command';
import { synthToTempDir } from '../synth/synth-to-temp-dir';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from './nsd-harness';

const run = nsdAvailable() ? describe : describe.skip;

/** moving.test serves two old hosts at TTL 86400: the state before its LOWER_TTL pull request is applied. */
const MOVING_ZONE = { name: 'moving.test', lines: ['@ NS ns1', 'ns1 A 127.0.0.1', '@ 86400 MX 10 mail', '@ 86400 MX 20 mail2', 'mail A 192.0.2.10', 'mail2 A 192.0.2.11'] };

run('check --from-synth on a LOWER_TTL stage: DNS must serve exactly the declared legacy list', () => {
  let nsd: RunningNsd;
  const outdirs: string[] = [];
  beforeAll(async () => {
    nsd = await startNsd('127.0.0.1', await findFreePort(), [MOVING_ZONE]);
  });
  afterAll(async () => {
    await nsd?.stop();
    outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  async function checkLowerTtl(legacy: MxServer[]): Promise<{ code: ExitCode; report: CheckReport }> {
    const outdir = synthToTempDir((stack) => {
      new CloudMailMx(stack, 'moving', {
        domain: 'moving.test',
        target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
        legacy: { servers: legacy, policy: LegacyPolicy.DELETE },
        rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 },
      });
    });
    outdirs.push(outdir);
    let stdout = '';
    const code = await runCheckCommand(['--from-synth', outdir, '--resolver', nsd.address, '--json'], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } });
    return { code, report: JSON.parse(stdout) };
  }

  test('a declared list that lacks a live record fails with LEGACY_MISMATCH, naming both sides', async () => {
    const { code, report } = await checkLowerTtl([{ hostName: 'mail.moving.test', priority: 10 }]);
    const [domain] = report.domains;
    expect(domain.findings.map((f) => [f.code, f.severity])).toEqual([['LEGACY_MISMATCH', 'fail']]);
    expect(domain.findings[0].message).toContain('declares the legacy records 10 mail.moving.test, but DNS serves 10 mail.moving.test, 20 mail2.moving.test (served, not declared: 20 mail2.moving.test; declared, not served: none)');
    expect(code).toBe(ExitCode.FAIL);
  });

  test('a declared list equal to what DNS serves passes, whatever the TTL still is', async () => {
    const { code, report } = await checkLowerTtl([{ hostName: 'mail.moving.test', priority: 10 }, { hostName: 'mail2.moving.test', priority: 20 }]);
    expect(report.domains[0]).toMatchObject({ status: 'ok', findings: [] });
    expect(report.domains[0].servers[0].records.map((r) => r.ttl)).toEqual([86400, 86400]);
    expect(code).toBe(ExitCode.OK);
  });
});
