import { CloudMailMx, DnsTarget, MxRecords } from '../lib';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE, synth } from './harness';

test('a second construct for the same domain in the same zone is refused, naming the first', () => {
  expect(() => synth((stack) => {
    new CloudMailMx(stack, 'first', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
    new MxRecords(stack, 'second', { domain: 'EXAMPLE.com.', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }), servers: [{ hostName: 'mx.example.net', priority: 5 }] });
  })).toThrow(`domain = "EXAMPLE.com.": is already managed in zone cloudflare/${CLOUDFLARE_ZONE} by test/first. Fix: manage each domain with one construct`);
});

test('an Enterprise target of the same zone is the same zone: the claim is keyed by provider and zone, not display name', () => {
  expect(() => synth((stack) => {
    new CloudMailMx(stack, 'first', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
    new MxRecords(stack, 'second', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE, enterpriseZone: true }), servers: [{ hostName: 'mail.other.net', priority: 5 }] });
  })).toThrow(/is already managed in zone cloudflare\/023e105f4ecef8ad9ca31a8372d0c353 by test\/first/);
});

test('the same domain on two providers, or in two zones, is allowed', () => {
  expect(() => synth((stack) => {
    new CloudMailMx(stack, 'cloudflare', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
    new CloudMailMx(stack, 'route53', { domain: 'example.com', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }) });
    new CloudMailMx(stack, 'route53-private', { domain: 'example.com', target: DnsTarget.route53({ zoneId: 'Z9876543210ZYXWVUTSRQ' }) });
  })).not.toThrow();
});

test('a construct that fails validation claims nothing: a corrected retry in the same app is accepted', () => {
  expect(() => synth((stack) => {
    expect(() => new CloudMailMx(stack, 'first-try', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }), ttl: 45 })).toThrow(/ttl = 45/);
    new CloudMailMx(stack, 'second-try', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
  })).not.toThrow();
});

test('separate apps do not see each other\'s domains', () => {
  const build = () => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) }));
  build();
  expect(build).not.toThrow();
});
