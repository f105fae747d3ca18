import * as fc from 'fast-check';
import { DnsTarget, MxRecords, NullMx } from '../../lib';
import { normalizeRoute53Mx, Route53MxAttributes } from '../../lib/targets/route53-normalization';
import { servers, userWrittenName } from '../arbitraries';
import { resourcesOfType, ROUTE53_ZONE, synth } from '../harness';

const target = DnsTarget.route53({ zoneId: `/hostedzone/${ROUTE53_ZONE}` });
const base: Route53MxAttributes = { zone_id: ROUTE53_ZONE, name: 'example.org', type: 'MX', ttl: 300, records: ['10 mx1.cloudaccess.net.', '20 b.example.net.'] };

describe('the Route53 read-back model', () => {
  test.each([
    ['an undotted host', { records: ['10 mx1.cloudaccess.net', '20 b.example.net.'] }],
    ['an upper-case host', { records: ['10 MX1.cloudaccess.net.', '20 b.example.net.'] }],
    ['a duplicate value', { records: ['10 mx1.cloudaccess.net.', '10 mx1.cloudaccess.net.', '20 b.example.net.'] }],
    ['a dotted name', { name: 'example.org.' }],
    ['a /hostedzone/ zone ID', { zone_id: `/hostedzone/${ROUTE53_ZONE}` }],
  ])('%s would drift', (_case, change) => {
    const emitted = { ...base, ...change };
    expect(normalizeRoute53Mx(emitted)).not.toEqual(emitted);
  });

  test('"0 ." stays "0 ."', () => {
    expect(normalizeRoute53Mx({ ...base, records: ['0 .'] }).records).toEqual(['0 .']);
  });
});

function emittedRecordSets(build: Parameters<typeof synth>[0]): Route53MxAttributes[] {
  return Object.values(resourcesOfType(synth(build), 'aws_route53_record')) as unknown as Route53MxAttributes[];
}

test('every value emitted for Route53 is a fixed point of what the provider returns', () => {
  fc.assert(
    fc.property(userWrittenName, servers, fc.integer({ min: 0, max: 2147483647 }), (domain, mxServers, ttl) => {
      const [attributes] = emittedRecordSets((stack) => new MxRecords(stack, 'd', { domain, target, servers: mxServers, ttl }));
      expect(attributes.records).toHaveLength(mxServers.length);
      expect(normalizeRoute53Mx(attributes)).toEqual(attributes);
    }),
    { numRuns: 200 },
  );
});

test('a null MX emitted for Route53 is a fixed point too', () => {
  const [attributes] = emittedRecordSets((stack) => new NullMx(stack, 'n', { domain: 'Static.Example.ORG.', target }));
  expect(normalizeRoute53Mx(attributes)).toEqual(attributes);
});
