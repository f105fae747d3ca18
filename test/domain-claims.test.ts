import { CloudMailMx, DnsTarget, MxRecords } from '../lib';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE, synth } from './harness';

test('a second construct for the same domain on the same provider is refused, naming the first', () => {
  expect(() => synth((stack) => {
    new CloudMailMx(stack, 'first', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
    new MxRecords(stack, 'second', { domain: 'EXAMPLE.com.', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }), servers: [{ hostName: 'mx.example.net', priority: 5 }] });
  })).toThrow('domain = "EXAMPLE.com.": is already managed on Cloudflare by test/first. Fix: manage each domain with one construct');
});

test('the same domain on two providers is allowed', () => {
  expect(() => synth((stack) => {
    new CloudMailMx(stack, 'cloudflare', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
    new CloudMailMx(stack, 'route53', { domain: 'example.com', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }) });
  })).not.toThrow();
});

test('separate apps do not see each other\'s domains', () => {
  const build = () => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) }));
  build();
  expect(build).not.toThrow();
});
