import { DnsTarget, NullMx } from '../lib';
import { normalizeCloudflareMx } from '../lib/targets/cloudflare-normalization';
import { CLOUDFLARE_ZONE, resourcesByPath, ROUTE53_ZONE, synth } from './harness';

test('Cloudflare gets content "." at priority 0, which the API returns unchanged', () => {
  const out = synth((stack) => new NullMx(stack, 'static', { domain: 'static.example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) }));
  const records = resourcesByPath(out, 'cloudflare_dns_record');
  expect(records).toEqual({
    'static/null_mx': { zone_id: CLOUDFLARE_ZONE, name: 'static.example.com', type: 'MX', content: '.', priority: 0, ttl: 3600 },
  });
  const { zone_id: _zone, ...attributes } = records['static/null_mx'] as { zone_id: string; name: string; type: string; content: string; priority: number; ttl: number };
  expect(normalizeCloudflareMx(attributes)).toEqual(attributes);
});

test('Route53 gets the single record "0 ." (never "0 ..")', () => {
  const out = synth((stack) => new NullMx(stack, 'static', { domain: 'static.example.com', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }), ttl: 86400 }));
  expect(resourcesByPath(out, 'aws_route53_record')['static/mx']).toMatchObject({ records: ['0 .'], ttl: 86400 });
});
