import * as fc from 'fast-check';
import { DnsTarget, MxRecords, NullMx } from '../../lib';
import { normalizeRfc2136Mx, Rfc2136MxAttributes } from '../../lib/targets/rfc2136-normalization';
import { nameInExampleCom, servers } from '../arbitraries';
import { resourcesOfType, synth } from '../harness';

const target = DnsTarget.rfc2136({ zone: 'example.com.' });
const base: Rfc2136MxAttributes = { zone: 'example.com.', ttl: 300, mx: [{ preference: 10, exchange: 'mx1.cloudaccess.net.' }, { preference: 20, exchange: 'b.example.net.' }] };

describe('the RFC 2136 read-back model', () => {
  test.each([
    ['an upper-case exchange (Knot lowercases it)', { mx: [{ preference: 10, exchange: 'MX1.cloudaccess.net.' }] }],
    ['an undotted exchange (miekg/dns returns absolute names)', { mx: [{ preference: 10, exchange: 'mx1.cloudaccess.net' }] }],
    ['a duplicate block', { mx: [...base.mx, { preference: 10, exchange: 'mx1.cloudaccess.net.' }] }],
  ])('%s would drift', (_case, change) => {
    const emitted = { ...base, ...change };
    expect(normalizeRfc2136Mx(emitted)).not.toEqual(emitted);
  });
});

function emittedSets(build: Parameters<typeof synth>[0]): Rfc2136MxAttributes[] {
  return Object.values(resourcesOfType(synth(build), 'dns_mx_record_set')).map(({ lifecycle: _lifecycle, ...attributes }) => attributes as unknown as Rfc2136MxAttributes);
}

test('every value emitted for RFC 2136 is a fixed point of what the provider returns', () => {
  fc.assert(
    fc.property(nameInExampleCom, servers, fc.integer({ min: 0, max: 2147483647 }), (domain, mxServers, ttl) => {
      const [attributes] = emittedSets((stack) => new MxRecords(stack, 'd', { domain, target, servers: mxServers, ttl }));
      expect(attributes.mx).toHaveLength(mxServers.length);
      expect(normalizeRfc2136Mx(attributes)).toEqual(attributes);
    }),
    { numRuns: 200 },
  );
});

test('a null MX emitted for RFC 2136 is a fixed point too', () => {
  const [attributes] = emittedSets((stack) => new NullMx(stack, 'n', { domain: 'Static.Example.COM.', target }));
  expect(normalizeRfc2136Mx(attributes)).toEqual(attributes);
});
