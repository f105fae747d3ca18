import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { CloudflareDnsRecordClass } from '../../lib/targets/cloudflare';
import { loadOptionalPeer } from '../../lib/targets/optional-peer';
import { Route53RecordClass } from '../../lib/targets/route53';

// These assignments are the check: tsc --noEmit fails if the adapters' own
// declarations of the bindings drift from the generated provider classes.
const cloudflareBinding: CloudflareDnsRecordClass = DnsRecord;
const route53Binding: Route53RecordClass = Route53Record;

test('the lazily loaded bindings are the generated provider classes', () => {
  expect(loadOptionalPeer<{ DnsRecord: unknown }>('@cdktf/provider-cloudflare/lib/dns-record', '@cdktf/provider-cloudflare', 'test').DnsRecord).toBe(cloudflareBinding);
  expect(loadOptionalPeer<{ Route53Record: unknown }>('@cdktf/provider-aws/lib/route53-record', '@cdktf/provider-aws', 'test').Route53Record).toBe(route53Binding);
});

test('errors other than a missing package are passed through', () => {
  expect(() => loadOptionalPeer('@cdktf/provider-cloudflare/lib/no-such-resource', '@cdktf/provider-aws', 'test')).toThrow(/Cannot find module/);
});
