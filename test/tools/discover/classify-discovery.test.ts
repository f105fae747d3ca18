import { ServedMxRecord, ServerObservation } from '../../../tools/check/observation';
import { classifyDiscovery, DiscoveryInput } from '../../../tools/discover/classify-discovery';

const mx = (priority: number, hostName: string, ttl: number): ServedMxRecord => ({ hostName, priority, ttl });
const served = (server: string, ...records: ServedMxRecord[]): ServerObservation => ({ server, outcome: { kind: 'records', records } });
const classify = (input: Partial<DiscoveryInput>) => classifyDiscovery({ domain: 'example.test', nameServers: ['a.ns.cloudflare.com'], observations: [], authoritative: true, ...input });

describe('classifyDiscovery', () => {
  test('previousTtl is never below what the resolver still reports (its cache predates a lowered TTL)', () => {
    const result = classify({ observations: [served('ns1', mx(10, 'mail.example.test', 300))], resolver: served('resolver', mx(10, 'mail.example.test', 41234)) });
    expect(result).toMatchObject({ state: 'legacy', previousTtl: 41234, findings: [] });
  });

  test('a host served at two priorities is listed once, at the lower one, and the disagreement is a finding', () => {
    const result = classify({ observations: [served('ns1', mx(20, 'mail.example.test', 300)), served('ns2', mx(10, 'mail.example.test', 300))] });
    expect(result.legacy).toEqual([{ hostName: 'mail.example.test', priority: 10 }]);
    expect(result.findings.map((f) => f.code)).toEqual(['SERVERS_DISAGREE']);
  });

  test('resolvers are compared on their sets only: a cache counts the TTL down', () => {
    const result = classify({ authoritative: false, observations: [served('r1', mx(10, 'mail.example.test', 3600)), served('r2', mx(10, 'mail.example.test', 1200))] });
    expect(result.findings.map((f) => f.code)).toEqual(['TTL_FROM_RESOLVER']);
    expect(result.previousTtl).toBe(3600);
  });
});
