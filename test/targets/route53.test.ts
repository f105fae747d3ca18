import { CloudMail, CloudMailMx, DnsTarget, MxRecords } from '../../lib';
import { resourcesByPath, resourcesOfType, ROUTE53_ZONE, synth } from '../harness';

const target = DnsTarget.route53({ zoneId: ROUTE53_ZONE });

test('writes the whole RRset as one aws_route53_record, sorted, lowercase, dotted', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'example-org', {
    domain: 'EXAMPLE.org.',
    target,
    servers: [
      { hostName: 'Backup2.Example.NET', priority: 30 },
      { hostName: 'mx1.cloudaccess.net.', priority: 10 },
      { hostName: 'backup1.example.net', priority: 30 },
    ],
    ttl: 900,
  }));
  expect(resourcesByPath(out, 'aws_route53_record')).toEqual({
    'example-org/mx': {
      zone_id: ROUTE53_ZONE,
      name: 'example.org',
      type: 'MX',
      ttl: 900,
      records: ['10 mx1.cloudaccess.net.', '30 backup1.example.net.', '30 backup2.example.net.'],
    },
  });
});

test('records sort numerically, not as strings', () => {
  const out = synth((stack) => new MxRecords(stack, 'd', {
    domain: 'example.org',
    target,
    servers: [{ hostName: 'b.example.net', priority: 100 }, { hostName: 'a.example.net', priority: 9 }],
  }));
  expect(Object.values(resourcesOfType(out, 'aws_route53_record'))[0].records).toEqual(['9 a.example.net.', '100 b.example.net.']);
});

test('a /hostedzone/ prefix is dropped from the zone ID', () => {
  const prefixed = DnsTarget.route53({ zoneId: `/hostedzone/${ROUTE53_ZONE}` });
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.org', target: prefixed }));
  expect(Object.values(resourcesOfType(out, 'aws_route53_record'))[0].zone_id).toBe(ROUTE53_ZONE);
});

test('a malformed zone ID is refused', () => {
  const bad = DnsTarget.route53({ zoneId: 'example.org' });
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.org', target: bad }))).toThrow(
    /target\.zoneId = "example\.org": is not a Route53 hosted zone ID/,
  );
});

test.each([0, 60, 2147483647])('accepts Route53 TTL %i', (ttl) => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.org', target, ttl }))).not.toThrow();
});

test.each([-1, 2147483648])('refuses Route53 TTL %i', (ttl) => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.org', target, ttl }))).toThrow(
    /is not a TTL Route53 accepts\. Fix: use a whole number of seconds: 0-2147483647/,
  );
});

test('backups from CloudMail.servers() follow mx1', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.org', target, servers: CloudMail.servers({ backups: ['b.example.net'] }) }));
  expect(Object.values(resourcesOfType(out, 'aws_route53_record'))[0].records).toEqual(['10 mx1.cloudaccess.net.', '20 b.example.net.']);
});
