import { TerraformVariable } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy, MxRecords, NullMx, RolloutStage } from '../../lib';
import { resourcesByPath, synth } from '../harness';
import { importsOf, LIVE_RECORDS, onlyRrset, synthRrsetStage } from './rrset-staging';

const SUBSCRIPTION = '6f1c2b7e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const target = DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.com', subscriptionId: SUBSCRIPTION });

test('writes the whole set as one azurerm_dns_mx_record: "@" at the apex, string preferences, lowercase exchanges without a dot', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'Example.COM.',
    target,
    servers: [{ hostName: 'Backup1.Example.NET.', priority: 20 }, { hostName: 'mx1.cloudaccess.net', priority: 10 }],
    ttl: 900,
  }));
  expect(resourcesByPath(out, 'azurerm_dns_mx_record')).toEqual({
    'example-com/mx': {
      name: '@',
      resource_group_name: 'dns-rg',
      zone_name: 'example.com',
      ttl: 900,
      record: [{ preference: '10', exchange: 'mx1.cloudaccess.net' }, { preference: '20', exchange: 'backup1.example.net' }],
    },
  });
});

test('a domain below the zone gets its name relative to the zone', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'lists.mail.example.com', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'Example.com.' }) }));
  expect(onlyRrset(out, 'azurerm_dns_mx_record')[1]).toMatchObject({ name: 'lists.mail', zone_name: 'example.com' });
});

test('a domain outside the zone is refused: its relative name would be wrong', () => {
  const outside = DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' });
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: outside }))).toThrow(
    /target\.zoneName = "example\.org": does not hold the domain example\.com\. Fix: give the zone that example\.com is in/,
  );
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'notexample.com', target }))).toThrow(/does not hold the domain notexample\.com/);
});

test('a zone name token is refused: the record name is derived from the zone', () => {
  expect(() => synth((stack) => {
    const zoneName = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
    new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName }) });
  })).toThrow(/target\.zoneName = .*: is a token that is only known at deploy time/);
});

test.each([1, 300, 2147483647])('accepts TTL %i', (ttl) => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }));
  expect(onlyRrset(out, 'azurerm_dns_mx_record')[1].ttl).toBe(ttl);
});

test.each([0, 2147483648])('refuses TTL %i', (ttl) => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }))).toThrow(
    /is not a TTL Azure DNS accepts\. Fix: use a whole number of seconds: 1-2147483647/,
  );
});

test('a resource group and a subscription ID of the wrong form are refused with the fix', () => {
  const bad = DnsTarget.azureDns({ resourceGroupName: 'dns rg.', zoneName: 'example.com', subscriptionId: 'my-subscription' });
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: bad }))).toThrow(
    /target\.resourceGroupName = "dns rg\.": is not an Azure resource group name[^\n]*\n\s+- target\.subscriptionId = "my-subscription": is not an Azure subscription ID \(a GUID\)\. Fix: give the ID from `az account show --query id -o tsv`/,
  );
});

test('MxRecords and NullMx write one set too; a null MX exchange is "."', () => {
  const out = synth((stack) => {
    new MxRecords(stack, 'mail', { domain: 'example.com', target, servers: [{ hostName: 'mx.example.net', priority: 5 }] });
    new NullMx(stack, 'none', { domain: 'static.example.com', target });
  });
  expect(Object.fromEntries(Object.entries(resourcesByPath(out, 'azurerm_dns_mx_record')).map(([path, r]) => [path, [r.name, r.record]]))).toEqual({
    'mail/mx': ['@', [{ preference: '5', exchange: 'mx.example.net' }]],
    'none/mx': ['static', [{ preference: '0', exchange: '.' }]],
  });
});

describe('taking over the live set', () => {
  test('imports the set by its ARM ID, spelled as the provider\'s case-sensitive parser wants it', () => {
    const out = synthRrsetStage(target, RolloutStage.LOWER_TTL);
    expect(importsOf(out)).toEqual([{
      id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/dns-rg/providers/Microsoft.Network/dnsZones/example.com/MX/@`,
      to: expect.stringMatching(/^azurerm_dns_mx_record\.example-com_mx_\w+$/),
    }]);
  });

  test('without subscriptionId, legacy records are refused with what to set', () => {
    const noSubscription = DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.com' });
    expect(() => synthRrsetStage(noSubscription, RolloutStage.LOWER_TTL)).toThrow(
      /legacy = 2: Azure DNS targets cannot take over existing records\. Fix: set the target's subscriptionId: Azure DNS imports the existing record set by its ARM resource ID/,
    );
  });

  test.each([
    [LegacyPolicy.DELETE, RolloutStage.CUTOVER, 300, [['10', 'mx1.cloudaccess.net'], ['20', 'backup1.example.net'], ['30', 'mail.oldhost.net'], ['40', 'mail2.oldhost.net']]],
    [LegacyPolicy.DELETE, RolloutStage.COMPLETE, 3600, [['10', 'mx1.cloudaccess.net'], ['20', 'backup1.example.net']]],
    [LegacyPolicy.DEMOTE, RolloutStage.COMPLETE, 3600, [['10', 'mx1.cloudaccess.net'], ['20', 'backup1.example.net'], ['30', 'mail.oldhost.net'], ['40', 'mail2.oldhost.net']]],
  ])('policy %s, stage %s: the same resource, TTL %i, records %j', (policy, stage, ttl, records) => {
    const [path, rrset] = onlyRrset(synthRrsetStage(target, stage, { policy }), 'azurerm_dns_mx_record');
    expect(path).toBe('example-com/mx');
    expect(rrset).toMatchObject({ ttl, record: records.map(([preference, exchange]) => ({ preference, exchange })) });
  });

  test('the live records are declared as they are, so LOWER_TTL changes only their TTL', () => {
    const [, rrset] = onlyRrset(synthRrsetStage(target, RolloutStage.LOWER_TTL), 'azurerm_dns_mx_record');
    expect(rrset.record).toEqual(LIVE_RECORDS.map((record) => ({ preference: String(record.priority), exchange: record.hostName })));
  });
});
