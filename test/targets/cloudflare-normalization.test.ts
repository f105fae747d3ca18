import * as fc from 'fast-check';
import { DnsTarget, MxRecords, NullMx } from '../../lib';
import { CloudflareMxAttributes, normalizeCloudflareMx } from '../../lib/targets/cloudflare-normalization';
import { servers, userWrittenName } from '../arbitraries';
import { CLOUDFLARE_ZONE, resourcesOfType, synth } from '../harness';

const target = DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE });
const base: CloudflareMxAttributes = { name: 'example.com', type: 'MX', content: 'mx1.cloudaccess.net', priority: 10, ttl: 300 };

describe('the Cloudflare read-back model', () => {
  test.each([
    ['a trailing dot on content', { content: 'mx1.cloudaccess.net.' }],
    ['upper case content', { content: 'MX1.cloudaccess.net' }],
    ['"@" as name', { name: '@' }],
    ['a trailing dot on name', { name: 'example.com.' }],
    ['lower-case type', { type: 'mx' }],
  ])('%s would drift', (_case, change) => {
    const emitted = { ...base, ...change };
    expect(normalizeCloudflareMx(emitted)).not.toEqual(emitted);
  });

  test('a null MX "." is returned as "."', () => {
    expect(normalizeCloudflareMx({ ...base, content: '.', priority: 0 }).content).toBe('.');
  });
});

function emittedRecords(build: Parameters<typeof synth>[0]): CloudflareMxAttributes[] {
  return Object.values(resourcesOfType(synth(build), 'cloudflare_dns_record')).map(({ zone_id: _zone, ...attributes }) => attributes as unknown as CloudflareMxAttributes);
}

test('every value emitted for Cloudflare is a fixed point of what the provider returns', () => {
  fc.assert(
    fc.property(userWrittenName, servers, fc.oneof(fc.constant(1), fc.integer({ min: 60, max: 86400 })), (domain, mxServers, ttl) => {
      const emitted = emittedRecords((stack) => new MxRecords(stack, 'd', { domain, target, servers: mxServers, ttl }));
      expect(emitted).toHaveLength(mxServers.length);
      for (const attributes of emitted) expect(normalizeCloudflareMx(attributes)).toEqual(attributes);
    }),
    { numRuns: 200 },
  );
});

test('a null MX emitted for Cloudflare is a fixed point too', () => {
  fc.assert(
    fc.property(userWrittenName, (domain) => {
      const [attributes] = emittedRecords((stack) => new NullMx(stack, 'n', { domain, target }));
      expect(normalizeCloudflareMx(attributes)).toEqual(attributes);
    }),
    { numRuns: 50 },
  );
});
