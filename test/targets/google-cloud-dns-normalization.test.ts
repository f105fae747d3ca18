import * as fc from 'fast-check';
import { DnsTarget, MxRecords, NullMx } from '../../lib';
import { GoogleMxAttributes, normalizeGoogleMx } from '../../lib/targets/google-cloud-dns-normalization';
import { servers, userWrittenName } from '../arbitraries';
import { resourcesOfType, synth } from '../harness';

const target = DnsTarget.googleCloudDns({ managedZone: 'example-com', project: 'mail-project' });
const base: GoogleMxAttributes = { managed_zone: 'example-com', project: 'mail-project', name: 'example.com.', type: 'MX', ttl: 300, rrdatas: ['10 mx1.cloudaccess.net.', '20 b.example.net.'] };

describe('the Google read-back model', () => {
  test.each([
    ['an undotted exchange', { rrdatas: ['10 mx1.cloudaccess.net', '20 b.example.net.'] }],
    ['an upper-case exchange (provider #862)', { rrdatas: ['10 MX1.cloudaccess.net.', '20 b.example.net.'] }],
    ['a duplicate value', { rrdatas: ['10 mx1.cloudaccess.net.', '10 mx1.cloudaccess.net.', '20 b.example.net.'] }],
    ['a zero-padded preference', { rrdatas: ['010 mx1.cloudaccess.net.', '20 b.example.net.'] }],
    ['an undotted name', { name: 'example.com' }],
    ['lower-case type', { type: 'mx' }],
  ])('%s would drift', (_case, change) => {
    const emitted = { ...base, ...change };
    expect(normalizeGoogleMx(emitted)).not.toEqual(emitted);
  });

  test('"0 ." stays "0 ."', () => {
    expect(normalizeGoogleMx({ ...base, rrdatas: ['0 .'] }).rrdatas).toEqual(['0 .']);
  });
});

function emittedSets(build: Parameters<typeof synth>[0]): GoogleMxAttributes[] {
  return Object.values(resourcesOfType(synth(build), 'google_dns_record_set')) as unknown as GoogleMxAttributes[];
}

test('every value emitted for Google Cloud DNS is a fixed point of what the provider returns', () => {
  fc.assert(
    fc.property(userWrittenName, servers, fc.integer({ min: 1, max: 2147483647 }), (domain, mxServers, ttl) => {
      const [attributes] = emittedSets((stack) => new MxRecords(stack, 'd', { domain, target, servers: mxServers, ttl }));
      expect(attributes.rrdatas).toHaveLength(mxServers.length);
      expect(normalizeGoogleMx(attributes)).toEqual(attributes);
    }),
    { numRuns: 200 },
  );
});

test('a null MX emitted for Google Cloud DNS is a fixed point too', () => {
  const [attributes] = emittedSets((stack) => new NullMx(stack, 'n', { domain: 'Static.Example.COM.', target }));
  expect(normalizeGoogleMx(attributes)).toEqual(attributes);
});
