import { UsageError } from '../../../tools/check/check-args';
import { discoverDomains, DiscoverOptions } from '../../../tools/discover/discover-domains';
import { DomainDiscovery } from '../../../tools/discover/domain-discovery';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from '../check/nsd-harness';
import { CloudflareStandIn, startCloudflareStandIn } from './cloudflare-api-stand-in';
import { FIRST_SERVER_ZONES, SECOND_SERVER_ZONES } from './discovery-zones';

const run = nsdAvailable() ? describe : describe.skip;

run('discoverDomains against real NSD servers', () => {
  let first: RunningNsd;
  let second: RunningNsd;
  const discover = async (domain: string, options: DiscoverOptions = {}): Promise<DomainDiscovery> =>
    (await discoverDomains([domain], { resolvers: [first.address], fallbackResolvers: [first.address], timeoutMs: 300, ...options })).domains[0];
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
    // Each of the zone's two servers says so.
    expect(codes(result)).toEqual(['NXDOMAIN', 'NXDOMAIN']);
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining(`127.0.0.1:${first.port} says`), expect.stringContaining(`127.0.0.2:${first.port} says`)]);
  });

  test('an unreachable name server makes the picture incomplete: error, even though the other one answered', async () => {
    const result = await authoritative('one-dead-ns.test');
    expect(result.servers).toEqual([{ server: `127.0.0.1:${first.port}`, records: [{ hostName: 'mail.one-dead-ns.test', priority: 10, ttl: 300 }] }, { server: `127.0.0.3:${first.port}`, records: [] }]);
    expect(result).toMatchObject({ state: 'error', status: 'error', legacy: [] });
    // Nothing listens there: the closed port is reported at once, not after the retries.
    expect(codes(result)).toEqual(['UNREACHABLE']);
    expect(result.findings[0].message).toContain(`127.0.0.3:${first.port} could not be asked about one-dead-ns.test`);
  });

  describe('with --cloudflare-zone, against a local stand-in for the Cloudflare API', () => {
    const TOKEN = 'cf-token-4f9a2c1e-never-printed';
    const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
    const FORBIDDEN_ZONE = 'ffffffffffffffffffffffffffffffff';
    const OTHER_ZONE = '11111111111111111111111111111111';
    const DRIFTED_ZONE = '22222222222222222222222222222222';
    const mx = (id: string, name: string, content: string, priority: number) => ({ id, type: 'MX', name, content, priority, ttl: 86400 });
    let api: CloudflareStandIn;
    const viaApi = (domain: string, zoneId: string) => discover(domain, { authoritative: true, cloudflare: { zoneId, token: TOKEN, baseUrl: api.baseUrl } });

    beforeAll(async () => {
      api = await startCloudflareStandIn(TOKEN, {
        [ZONE]: { records: [
          mx('372e67954025e0ba6aaa6d586b9e0b59', 'legacy-mail.test', 'mail.legacy-mail.test', 10),
          { id: '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', type: 'A', name: 'legacy-mail.test', content: '192.0.2.10', priority: 0, ttl: 1 },
          mx('8f1b6e5dd1a54c3c9a0e4d5b6c7a8b9c', 'legacy-mail.test', 'mail2.legacy-mail.test', 20),
        ] },
        [FORBIDDEN_ZONE]: { status: 403, errors: [{ code: 10000, message: 'Authentication error' }] },
        [OTHER_ZONE]: { records: [mx('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', 'other.test', 'mail.other.test', 10)] },
        [DRIFTED_ZONE]: { records: [mx('b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', 'legacy-mail.test', 'mail.legacy-mail.test', 10), mx('c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3', 'legacy-mail.test', 'mail3.legacy-mail.test', 30)] },
      });
    });
    afterAll(() => api?.close());
    beforeEach(() => api.requests.splice(0));

    test('lists every page of the MX records with the token, and fills importId as <zone>/<record>', async () => {
      const result = await viaApi('legacy-mail.test', ZONE);
      expect(result).toMatchObject({ status: 'ok', findings: [] });
      expect(result.legacy).toEqual([
        { hostName: 'mail.legacy-mail.test', priority: 10, importId: `${ZONE}/372e67954025e0ba6aaa6d586b9e0b59` },
        { hostName: 'mail2.legacy-mail.test', priority: 20, importId: `${ZONE}/8f1b6e5dd1a54c3c9a0e4d5b6c7a8b9c` },
      ]);
      expect(result.cloudflare?.records).toHaveLength(2);
      expect(api.requests.map(({ url, authorization }) => [url.pathname, Object.fromEntries(url.searchParams), authorization])).toEqual([1, 2].map((page) =>
        [`/client/v4/zones/${ZONE}/dns_records`, { type: 'MX', name: 'legacy-mail.test', page: String(page), per_page: '100' }, `Bearer ${TOKEN}`]));
    });

    test('a 403 is an error naming the status, the API\'s error and the permission to grant', async () => {
      const result = await viaApi('legacy-mail.test', FORBIDDEN_ZONE);
      expect(result).toMatchObject({ status: 'error', legacy: [{ hostName: 'mail.legacy-mail.test', priority: 10 }, { hostName: 'mail2.legacy-mail.test', priority: 20 }] });
      expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['CLOUDFLARE_API_ERROR', 'error']]);
      expect(result.findings[0].message).toContain('HTTP 403 (10000 Authentication error)');
      expect(result.findings[0].message).toContain(`Fix: give CLOUDFLARE_API_TOKEN the permission Zone > DNS > Read on zone ${FORBIDDEN_ZONE}`);
    });

    test('a zone that does not hold the domain is an error: no importId can be known', async () => {
      const result = await viaApi('legacy-mail.test', OTHER_ZONE);
      expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['CLOUDFLARE_ZONE_MISMATCH', 'error']]);
      expect(result.findings[0].message).toContain(`Cloudflare zone ${OTHER_ZONE} lists no MX record named legacy-mail.test, while DNS serves 10 mail.legacy-mail.test, 20 mail2.legacy-mail.test`);
      expect(result.legacy.every((record) => record.importId === undefined)).toBe(true);
    });

    test('records the API and DNS disagree on need attention; only the matching one gets an importId', async () => {
      const result = await viaApi('legacy-mail.test', DRIFTED_ZONE);
      expect(result.status).toBe('fail');
      expect(result.findings.map((f) => f.code)).toEqual(['CLOUDFLARE_DNS_MISMATCH']);
      expect(result.findings[0].message).toContain('only the API lists 30 mail3.legacy-mail.test; only DNS serves 20 mail2.legacy-mail.test');
      expect(result.legacy).toEqual([
        { hostName: 'mail.legacy-mail.test', priority: 10, importId: `${DRIFTED_ZONE}/b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2` },
        { hostName: 'mail2.legacy-mail.test', priority: 20 },
      ]);
    });

    test('a missing token is refused before any request', async () => {
      await expect(discover('legacy-mail.test', { cloudflare: { zoneId: ZONE, token: '', baseUrl: api.baseUrl } })).rejects.toThrow(UsageError);
      await expect(discover('legacy-mail.test', { cloudflare: { zoneId: ZONE, token: '', baseUrl: api.baseUrl } })).rejects.toThrow(/CLOUDFLARE_API_TOKEN, which is not set\. Fix: export CLOUDFLARE_API_TOKEN/);
      expect(api.requests).toEqual([]);
    });
  });
});
