import { discoverDomains, DiscoverOptions } from '../../../tools/discover/discover-domains';
import { DomainDiscovery } from '../../../tools/discover/domain-discovery';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from '../check/nsd-harness';
import { FIRST_SERVER_ZONES, SECOND_SERVER_ZONES } from './discovery-zones';

const run = nsdAvailable() ? describe : describe.skip;

run('discoverDomains against real NSD servers', () => {
  let first: RunningNsd;
  let second: RunningNsd;
  const discover = async (domain: string, options: DiscoverOptions = {}): Promise<DomainDiscovery> =>
    (await discoverDomains([domain], { resolvers: [first.address], timeoutMs: 300, ...options })).domains[0];
  const authoritative = (domain: string) => discover(domain, { authoritative: true });
  const codes = (discovery: DomainDiscovery) => discovery.findings.map((f) => f.code);

  beforeAll(async () => {
    const port = await findFreePort();
    [first, second] = await Promise.all([startNsd('127.0.0.1', port, FIRST_SERVER_ZONES), startNsd('127.0.0.2', port, SECOND_SERVER_ZONES)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  test('a legacy domain: both authoritative servers asked, its two hosts, previousTtl 86400, provider from the NS names', async () => {
    const result = await authoritative('legacy-mail.test');
    const records = [{ hostName: 'mail.legacy-mail.test', priority: 10, ttl: 86400 }, { hostName: 'mail2.legacy-mail.test', priority: 20, ttl: 86400 }];
    expect(result).toEqual({
      domain: 'legacy-mail.test',
      state: 'legacy',
      status: 'ok',
      provider: 'cloudflare',
      nameServers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
      servers: [{ server: `127.0.0.1:${first.port}`, records }, { server: `127.0.0.2:${first.port}`, records }],
      resolver: { server: first.address, records },
      legacy: [{ hostName: 'mail.legacy-mail.test', priority: 10 }, { hostName: 'mail2.legacy-mail.test', priority: 20 }],
      previousTtl: 86400,
      findings: [],
    });
  });

  test('through a resolver only, the TTL is flagged as possibly counted down', async () => {
    const result = await discover('legacy-mail.test');
    expect(result.servers.map((s) => s.server)).toEqual([first.address]);
    expect(result.resolver).toBeUndefined();
    expect(result.findings).toEqual([expect.objectContaining({ code: 'TTL_FROM_RESOLVER', severity: 'warn' })]);
    expect(result.findings[0].message).toContain('previousTtl 86400 s is the TTL');
    expect(result.findings[0].message).toContain('Fix: run discover with --authoritative');
  });

  test.each([
    ['on-cloudmail.test', 'cloudmail', 'ok', [], []],
    ['half-moved.test', 'partial', 'fail', ['PARTIAL'], [{ hostName: 'mail.half-moved.test', priority: 20 }]],
    ['null-mail.test', 'null-mx', 'fail', ['NULL_MX'], []],
    ['no-mail.test', 'no-mx', 'ok', [], []],
  ] as const)('%s is %s (%s)', async (domain, state, status, findingCodes, legacy) => {
    const result = await authoritative(domain);
    expect(result).toMatchObject({ state, status, provider: 'cloudflare', legacy });
    expect(codes(result)).toEqual(findingCodes);
    for (const f of result.findings) expect(f.message).toMatch(/\. Fix: \S/);
  });

  test('servers that disagree on the set and the TTL: a finding naming both, the union, and the highest TTL', async () => {
    const result = await authoritative('split-view.test');
    expect(result).toMatchObject({
      state: 'legacy',
      status: 'fail',
      provider: 'unknown',
      legacy: [{ hostName: 'mail.split-view.test', priority: 10 }, { hostName: 'mail2.split-view.test', priority: 20 }],
      previousTtl: 86400,
    });
    expect(codes(result)).toEqual(['SERVERS_DISAGREE', 'PROVIDER_UNKNOWN']);
    expect(result.findings[0].message).toContain(`127.0.0.1:${first.port} serves 10 mail.split-view.test, 20 mail2.split-view.test at TTL 3600; 127.0.0.2:${first.port} serves 10 mail.split-view.test at TTL 86400`);
  });

  test('Route53 name servers give provider route53', async () => {
    expect(await authoritative('r53-mail.test')).toMatchObject({ provider: 'route53', state: 'legacy', previousTtl: 3600, nameServers: ['ns-1234.awsdns-01.org', 'ns-567.awsdns-01.org'] });
  });

  test('a domain that does not exist could not be read: error, and no legacy list', async () => {
    const result = await authoritative('gone.legacy-mail.test');
    expect(result).toMatchObject({ state: 'error', status: 'error', legacy: [] });
    expect(result.previousTtl).toBeUndefined();
    expect(codes(result)).toEqual(['NXDOMAIN']);
  });

  test('an unreachable name server makes the picture incomplete: error, even though the other one answered', async () => {
    const result = await authoritative('one-dead-ns.test');
    expect(result.servers).toEqual([{ server: `127.0.0.1:${first.port}`, records: [{ hostName: 'mail.one-dead-ns.test', priority: 10, ttl: 300 }] }, { server: `127.0.0.3:${first.port}`, records: [] }]);
    expect(result).toMatchObject({ state: 'error', status: 'error', legacy: [] });
    expect(codes(result)).toEqual(['TIMEOUT']);
    expect(result.findings[0].message).toContain(`127.0.0.3:${first.port} did not answer for one-dead-ns.test`);
  });
});
