import { CloudMail, CloudMailMx, DnsTarget } from '../../lib';
import { MxValidationError } from '../../lib/model/mx-validation-error';
import { TerraformVariable } from 'cdktf';
import { CLOUDFLARE_ZONE, resourcesByPath, resourcesOfType, synth } from '../harness';

const target = DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE });

test('writes one cloudflare_dns_record per server, keyed by host', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'Example.COM.',
    target,
    servers: CloudMail.servers({ backups: ['Backup1.Example.NET.'] }),
  }));
  expect(resourcesByPath(out, 'cloudflare_dns_record')).toEqual({
    'example-com/mx1_cloudaccess_net': { zone_id: CLOUDFLARE_ZONE, name: 'example.com', type: 'MX', content: 'mx1.cloudaccess.net', priority: 10, ttl: 3600 },
    'example-com/backup1_example_net': { zone_id: CLOUDFLARE_ZONE, name: 'example.com', type: 'MX', content: 'backup1.example.net', priority: 20, ttl: 3600 },
  });
});

test('priority is a top-level attribute, never in data', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target }));
  const [record] = Object.values(resourcesOfType(out, 'cloudflare_dns_record'));
  expect(record.priority).toBe(10);
  expect(record).not.toHaveProperty('data');
});

test.each([1, 60, 300, 86400])('accepts TTL %i', (ttl) => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }));
  expect(Object.values(resourcesOfType(out, 'cloudflare_dns_record'))[0].ttl).toBe(ttl);
});

test.each([0, 2, 30, 59, 86401, 300.5])('refuses TTL %p', (ttl) => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }))).toThrow(
    /ttl = .*: is not a TTL Cloudflare accepts\. Fix: use a whole number of seconds: 1, or 60-86400/,
  );
});

test('an Enterprise zone also allows 30 s', () => {
  const enterprise = DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE, enterpriseZone: true });
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: enterprise, ttl: 30 }));
  expect(Object.values(resourcesOfType(out, 'cloudflare_dns_record'))[0].ttl).toBe(30);
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: enterprise, ttl: 29 }))).toThrow(/1, or 30-86400/);
});

test('a zone ID that is not 32 hex characters is refused', () => {
  const bad = DnsTarget.cloudflare({ zoneId: 'example.com' });
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: bad }))).toThrow(
    /target\.zoneId = "example\.com": is not a Cloudflare zone ID/,
  );
});

test('a zone ID token is passed through unvalidated', () => {
  const out = synth((stack) => {
    const zoneId = new TerraformVariable(stack, 'zone_id', { type: 'string' }).stringValue;
    new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId }) });
  });
  expect(Object.values(resourcesOfType(out, 'cloudflare_dns_record'))[0].zone_id).toBe('${var.zone_id}');
});

test('validation errors are MxValidationError instances', () => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl: 5 }))).toThrow(MxValidationError);
});
