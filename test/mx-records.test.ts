import { DnsTarget, MxRecords } from '../lib';
import { CLOUDFLARE_ZONE, resourcesByPath, ROUTE53_ZONE, synth } from './harness';

test('any mail host is accepted, without CloudMail rules', () => {
  const out = synth((stack) => new MxRecords(stack, 'google', {
    domain: 'example.com',
    target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }),
    servers: [{ hostName: 'aspmx.l.google.com', priority: 1 }, { hostName: 'alt1.aspmx.l.google.com', priority: 5 }],
  }));
  expect(resourcesByPath(out, 'cloudflare_dns_record')).toEqual({
    'google/aspmx_l_google_com': expect.objectContaining({ content: 'aspmx.l.google.com', priority: 1, ttl: 3600 }),
    'google/alt1_aspmx_l_google_com': expect.objectContaining({ content: 'alt1.aspmx.l.google.com', priority: 5 }),
  });
});

test('a tie at the top is fine for generic mail hosts', () => {
  const out = synth((stack) => new MxRecords(stack, 'd', {
    domain: 'example.com',
    target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
    servers: [{ hostName: 'a.example.net', priority: 10 }, { hostName: 'b.example.net', priority: 10 }],
  }));
  expect(resourcesByPath(out, 'aws_route53_record')['d/mx'].records).toEqual(['10 a.example.net.', '10 b.example.net.']);
});

test('generic MX records still refuse IP targets', () => {
  expect(() => synth((stack) => new MxRecords(stack, 'd', {
    domain: 'example.com',
    target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
    servers: [{ hostName: '198.51.100.7', priority: 10 }],
  }))).toThrow(/servers\[0\]\.hostName = "198\.51\.100\.7": is an IP address/);
});
