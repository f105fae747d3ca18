import * as fc from 'fast-check';
import { DnsTarget, MxRecords, NullMx } from '../../lib';
import { AzureMxAttributes, normalizeAzureMx } from '../../lib/targets/azure-dns-normalization';
import { nameInExampleCom, servers } from '../arbitraries';
import { resourcesOfType, synth } from '../harness';

const target = DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.com' });
const base: AzureMxAttributes = {
  name: '@', resource_group_name: 'dns-rg', zone_name: 'example.com', ttl: 300,
  record: [{ preference: '10', exchange: 'mx1.cloudaccess.net' }, { preference: '20', exchange: 'b.example.net' }],
};

describe('the Azure read-back model', () => {
  test.each([
    ['a zero-padded preference (read back through strconv.Itoa)', { record: [{ preference: '010', exchange: 'mx1.cloudaccess.net' }, { preference: '20', exchange: 'b.example.net' }] }],
    ['a duplicate block (the set hashes "preference-exchange")', { record: [...base.record, { preference: '10', exchange: 'mx1.cloudaccess.net' }] }],
  ])('%s would drift', (_case, change) => {
    const emitted = { ...base, ...change };
    expect(normalizeAzureMx(emitted)).not.toEqual(emitted);
  });

  test('the exchange comes back as it was given', () => {
    const dotted = { ...base, record: [{ preference: '10', exchange: 'mx1.cloudaccess.net.' }] };
    expect(normalizeAzureMx(dotted)).toEqual(dotted);
  });
});

function emittedSets(build: Parameters<typeof synth>[0]): AzureMxAttributes[] {
  return Object.values(resourcesOfType(synth(build), 'azurerm_dns_mx_record')) as unknown as AzureMxAttributes[];
}

test('every value emitted for Azure DNS is a fixed point of what the provider returns', () => {
  fc.assert(
    fc.property(nameInExampleCom, servers, fc.integer({ min: 1, max: 2147483647 }), (domain, mxServers, ttl) => {
      const [attributes] = emittedSets((stack) => new MxRecords(stack, 'd', { domain, target, servers: mxServers, ttl }));
      expect(attributes.record).toHaveLength(mxServers.length);
      expect(normalizeAzureMx(attributes)).toEqual(attributes);
    }),
    { numRuns: 200 },
  );
});

test('a null MX emitted for Azure DNS is a fixed point too', () => {
  const [attributes] = emittedSets((stack) => new NullMx(stack, 'n', { domain: 'Static.Example.COM.', target }));
  expect(normalizeAzureMx(attributes)).toEqual(attributes);
});
