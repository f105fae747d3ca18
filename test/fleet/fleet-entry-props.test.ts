import { LegacyPolicy, RolloutStage } from '../../lib';
import { CloudflareTarget } from '../../lib/targets/cloudflare';
import { fleetEntryProps, fleetProperty } from '../../lib/fleet/fleet-entry-props';
import { Route53Target } from '../../lib/targets/route53';
import { cloudflareEntry, definitionOf, route53Entry } from './fixtures';

test('turns an entry into CloudMailMx props: mx1 first, then the backups', () => {
  const [cloudflare, route53] = definitionOf([
    cloudflareEntry('example.com', { backups: ['backup1.example.net'], ttl: 300, enterpriseZone: true }),
    route53Entry('example.org'),
  ]).domains.map(fleetEntryProps);
  expect(cloudflare).toMatchObject({ domain: 'example.com', ttl: 300, servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup1.example.net', priority: 20 }] });
  expect(cloudflare.target).toBeInstanceOf(CloudflareTarget);
  expect(cloudflare.target.capabilities.ttl.min).toBe(30);
  expect(route53).toMatchObject({ domain: 'example.org', ttl: undefined });
  expect(route53.target).toBeInstanceOf(Route53Target);
});

test('names the fleet-file field of a CloudMailMx reason', () => {
  expect(['servers[1].hostName', 'servers[3].priority', 'servers', 'target.zoneId', 'ttl', 'domain'].map(fleetProperty)).toEqual([
    'backups[0]', 'backups[2].priority', 'backups', 'zoneId', 'ttl', 'domain',
  ]);
});

test('passes legacy records and the rollout stage on to CloudMailMx', () => {
  const importId = `${'a'.repeat(32)}/${'b'.repeat(32)}`;
  const [props] = definitionOf([cloudflareEntry('example.com', {
    legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10, importId }], policy: 'demote' },
    rollout: { stage: 'cutover', previousTtl: 86400, soak: 3600 },
  })]).domains.map(fleetEntryProps);
  expect(props.legacy).toEqual({ servers: [{ hostName: 'mail.oldhost.net', priority: 10, importId }], policy: LegacyPolicy.DEMOTE });
  expect(props.rollout).toEqual({ stage: RolloutStage.CUTOVER, previousTtl: 86400, soak: 3600 });
});
