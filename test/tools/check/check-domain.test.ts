import { createSocket } from 'node:dgram';
import { checkDomain, DomainReport } from '../../../tools/check/check-domain';
import { FindingCode } from '../../../tools/check/finding';
import { PRIMARY_ZONES, SECONDARY_ZONES } from './fixture-zones';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from './nsd-harness';

const run = nsdAvailable() ? describe : describe.skip;

run('checkDomain against real NSD servers', () => {
  let primary: RunningNsd;
  let secondary: RunningNsd;
  const now = new Date('2026-01-01T00:00:00.000Z');
  const check = (domain: string, extra: Parameters<typeof checkDomain>[1] = {}): Promise<DomainReport> =>
    // The fallback is NSD too: nothing may be asked outside this machine.
    checkDomain(domain, { resolvers: [primary.address], fallbackResolvers: [primary.address], timeoutMs: 500, attempts: 2, now, ...extra });
  const codes = (report: DomainReport): string[] => report.findings.map((f) => f.code).sort();

  beforeAll(async () => {
    const port = await findFreePort();
    [primary, secondary] = await Promise.all([startNsd('127.0.0.1', port, PRIMARY_ZONES), startNsd('127.0.0.2', port, SECONDARY_ZONES)]);
  });
  afterAll(async () => {
    await Promise.all([primary?.stop(), secondary?.stop()]);
  });

  test('a domain with mx1.cloudaccess.net alone is ok, with the served records and TTL', async () => {
    const report = await check('ok.test');
    expect(report).toEqual({ domain: 'ok.test', status: 'ok', servers: [{ server: primary.address, records: [{ hostName: 'mx1.cloudaccess.net', priority: 10, ttl: 300 }] }], findings: [] });
  });

  test.each([
    ['nomx.test', [FindingCode.NO_MX], 'fail', {}],
    ['nullmx.test', [FindingCode.NULL_MX], 'fail', {}],
    ['legacy.test', [FindingCode.LEGACY_PRESENT, FindingCode.PRIMARY_NOT_TOP, FindingCode.TTL_HIGH], 'fail', {}],
    ['demoted.test', [FindingCode.LEGACY_DEMOTED], 'warn', {}],
    ['noprimary.test', [FindingCode.LEGACY_PRESENT, FindingCode.MISSING_PRIMARY], 'fail', {}],
    ['ok.test', [FindingCode.MISSING_BACKUP], 'fail', { expected: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup.ok.test', priority: 20 }] }],
    ['ip.test', [FindingCode.LEGACY_DEMOTED, FindingCode.TARGET_IS_IP], 'fail', {}],
    ['cname.test', [FindingCode.LEGACY_DEMOTED, FindingCode.TARGET_IS_CNAME], 'fail', {}],
    ['noaddress.test', [FindingCode.LEGACY_DEMOTED, FindingCode.TARGET_NO_ADDRESS], 'fail', {}],
    ['missing.ok.test', [FindingCode.NXDOMAIN], 'error', {}],
    ['not-served.example', [FindingCode.SERVFAIL], 'error', {}],
  ] as const)('%s gives %j (%s)', async (domain, expectedCodes, status, options) => {
    const report = await check(domain, options);
    expect(codes(report)).toEqual([...expectedCodes].sort());
    expect(report.status).toBe(status);
    for (const f of report.findings) expect(f.message).toMatch(/\. Fix: \S/);
  });

  test('TTL_HIGH says when caches expire, in UTC', async () => {
    const report = await check('legacy.test');
    expect(report.findings.find((f) => f.code === FindingCode.TTL_HIGH)?.message).toContain('until 2026-01-01T01:00:00.000Z');
  });

  test('two resolvers that disagree are INCONSISTENT too', async () => {
    const report = await check('split.test', { resolvers: [primary.address, secondary.address] });
    expect(codes(report)).toContain(FindingCode.INCONSISTENT);
  });

  test('a server that never answers gives TIMEOUT after the retries', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((bound) => silent.bind(0, '127.0.0.1', bound));
    try {
      const report = await check('ok.test', { resolvers: [`127.0.0.1:${silent.address().port}`], timeoutMs: 100, attempts: 2 });
      expect(report.status).toBe('error');
      expect(report.findings.map((f) => f.code)).toEqual([FindingCode.TIMEOUT]);
      expect(report.findings[0].message).toContain('2 attempt(s) of 100 ms');
    } finally {
      silent.close();
    }
  });

  test('a port where nothing listens is UNREACHABLE at once, not a timeout', async () => {
    const closedPort = await findFreePort();
    const report = await check('ok.test', { resolvers: [`127.0.0.1:${closedPort}`], timeoutMs: 5000, attempts: 3 });
    expect(report.findings.map((f) => f.code)).toEqual([FindingCode.UNREACHABLE]);
    expect(report.findings[0].message).toContain('the connection was refused: nothing listens there (ECONNREFUSED)');
  });

  test('an answer too large for UDP is fetched again over TCP', async () => {
    const report = await check('big.test', { ednsUdpSize: 0, expected: [{ hostName: 'mail-server-number-0.a-rather-long-provider-name.example', priority: 10 }] });
    expect(report.servers[0].records).toHaveLength(40);
  });
});
