import { checkDomain, CheckOptions, DomainReport } from '../../../tools/check/check-domain';
import { FindingCode } from '../../../tools/check/finding';
import { dnsWorldAvailable, DnsWorld, startDnsWorld } from './dns-world';

const run = dnsWorldAvailable() ? describe : describe.skip;

/** Issue 13's wrong verdicts, each against the real servers of the DNS world (see dns-world.ts). */
run('check in a DNS world of NSD, Knot and Unbound', () => {
  let world: DnsWorld;
  const now = new Date('2026-01-01T00:00:00.000Z');
  const check = (domain: string, extra: CheckOptions = {}): Promise<DomainReport> =>
    // The fallback is the world's resolver too: nothing may be asked outside this machine.
    checkDomain(domain, { resolvers: [world.resolver], fallbackResolvers: [world.resolver], timeoutMs: 1000, attempts: 2, now, ...extra });
  const codes = (report: DomainReport): string[] => report.findings.map((f) => f.code).sort();
  const messageOf = (report: DomainReport, code: FindingCode): string => report.findings.find((f) => f.code === code)?.message ?? '';

  beforeAll(async () => {
    world = await startDnsWorld();
  }, 30_000);
  afterAll(async () => {
    await world?.stop();
  });

  test('a healthy zone is ok, through the resolver and on each of its servers (NSD and Knot)', async () => {
    expect((await check('good.test')).status).toBe('ok');
    const report = await check('good.test', { authoritative: true });
    expect(report).toMatchObject({ status: 'ok', zone: 'good.test', findings: [] });
    expect(report.servers.map((s) => [s.server, s.nameServer])).toEqual([[world.child, 'ns1.good.test'], [world.knot, 'ns2.good.test']]);
  });

  describe('1. a referral is not "no MX records"', () => {
    test('a lame name server (authoritative only for the parent) is LAME_DELEGATION, an error naming it', async () => {
      const report = await check('lame.test', { authoritative: true });
      expect(codes(report)).toEqual([FindingCode.LAME_DELEGATION]);
      expect(report.status).toBe('error');
      expect(messageOf(report, FindingCode.LAME_DELEGATION)).toContain(`${world.parent} (ns1.test) is listed as a name server of lame.test's zone, but it answered with a referral`);
    });

    test('a root or TLD server given as --resolver gives REFERRAL, not NO_MX', async () => {
      const report = await check('good.test', { resolvers: [world.parent] });
      expect(codes(report)).toEqual([FindingCode.REFERRAL]);
      expect(messageOf(report, FindingCode.REFERRAL)).toContain('referral to the name servers of good.test (ns1.good.test, ns2.good.test)');
    });
  });

  test('2. an IPv6-only name server is asked on its AAAA address, and its old set is seen', async () => {
    const report = await check('v6.test', { authoritative: true });
    expect(report.servers.map((s) => [s.server, s.nameServer])).toEqual([[world.child, 'ns4.v6.test'], [world.knot6, 'ns6.v6.test']]);
    expect(codes(report)).toEqual([FindingCode.INCONSISTENT, FindingCode.LEGACY_PRESENT, FindingCode.MISSING_PRIMARY, FindingCode.TARGET_NO_ADDRESS, FindingCode.TTL_HIGH]);
    expect(messageOf(report, FindingCode.MISSING_PRIMARY)).toMatch(/^On \[::1\]:\d+ \(ns6\.v6\.test\): /);
  });

  describe('3. no name server is dropped silently', () => {
    test('a name server whose name does not resolve is NS_NO_ADDRESS', async () => {
      const report = await check('deadns.test', { authoritative: true });
      expect(codes(report)).toEqual([FindingCode.NS_NO_ADDRESS]);
      expect(report.status).toBe('warn');
      expect(messageOf(report, FindingCode.NS_NO_ADDRESS)).toContain('ns.gone.test has no A or AAAA record');
    });

    test('a name server only in the parent\'s delegation is asked too (through its glue), and its old set is seen', async () => {
      const report = await check('stale.test', { authoritative: true });
      expect(report.servers.map((s) => [s.server, s.nameServer])).toEqual([[world.child, 'ns1.good.test'], [world.staleServer, 'old.stale.test']]);
      expect(codes(report)).toEqual([FindingCode.DELEGATION_MISMATCH, FindingCode.INCONSISTENT, FindingCode.LEGACY_PRESENT, FindingCode.MISSING_PRIMARY, FindingCode.TARGET_NO_ADDRESS, FindingCode.TTL_HIGH]);
      expect(messageOf(report, FindingCode.DELEGATION_MISMATCH)).toContain("only the parent's delegation lists old.stale.test");
    });
  });

  describe('4. a domain that is a CNAME is judged by the MX set mail follows', () => {
    test('through the resolver: DOMAIN_IS_CNAME (warn) and the target\'s records', async () => {
      const report = await check('alias.test');
      expect(codes(report)).toEqual([FindingCode.DOMAIN_IS_CNAME]);
      expect(report.status).toBe('warn');
      expect(report.servers).toEqual([{ server: world.resolver, canonicalName: 'good.test', records: [{ hostName: 'mx1.cloudaccess.net', priority: 10, ttl: 300 }] }]);
    });

    test('--authoritative finds the zone of a CNAME directly under the top-level domain and follows it to the target\'s servers', async () => {
      const report = await check('alias.test', { authoritative: true });
      expect(report).toMatchObject({ status: 'warn', zone: 'test' });
      expect(codes(report)).toEqual([FindingCode.DOMAIN_IS_CNAME]);
      expect(report.servers.map((s) => [s.server, s.canonicalName])).toEqual([[world.child, 'good.test'], [world.knot, 'good.test']]);
    });
  });

  test('6. an IPv6 resolver written in full, or an IPv4-mapped address, is the same server', async () => {
    for (const resolver of [`[0:0:0:0:0:0:0:1]:${world.port}`, `[::FFFF:127.0.0.3]:${world.port}`]) {
      const report = await check('good.test', { resolvers: [resolver] });
      expect([resolver, report.status]).toEqual([resolver, 'ok']);
    }
  });

  test('7. an authoritative server given as --resolver: targets are looked up through the fallback resolver, and the MX verdict stands', async () => {
    const report = await check('good.test', { resolvers: [world.knot] });
    expect(report).toMatchObject({ status: 'ok', findings: [] });
  });

  describe('11. what happened is said', () => {
    test('a truncated answer followed by a refused TCP connection says so', async () => {
      const report = await check('big.test', { resolvers: [world.udpOnlyResolver], ednsUdpSize: 0 });
      expect(codes(report)).toEqual([FindingCode.UNREACHABLE]);
      expect(messageOf(report, FindingCode.UNREACHABLE)).toContain('the UDP answer was truncated, and over TCP the connection was refused');
    });

    test('--authoritative with several resolvers uses the next when one cannot answer', async () => {
      const report = await check('good.test', { authoritative: true, resolvers: [world.parent, world.resolver] });
      expect(report).toMatchObject({ status: 'ok', zone: 'good.test' });
    });
  });
});
