import { TerraformStack, Testing } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy } from '../../lib';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE } from '../harness';

/** A one-step takeover: Cloudflare imports the legacy record by ID, Route53 the whole RRset. */
function takeoverStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'mail');
  const legacy = { servers: [{ hostName: 'mail.oldhost.net', priority: 10, importId: `${CLOUDFLARE_ZONE}/${'a'.repeat(32)}` }], policy: LegacyPolicy.DEMOTE };
  new CloudMailMx(stack, 'example-com', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }), legacy });
  new CloudMailMx(stack, 'example-org', { domain: 'example.org', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }), legacy: { servers: [{ hostName: 'mx.old.example', priority: 5 }] } });
  return stack;
}

test('import blocks name the resource address and the provider ID, in cdk.tf.json', () => {
  const json = JSON.parse(Testing.synth(takeoverStack()));
  const [record] = Object.keys(json.resource.cloudflare_dns_record).filter((key) => key.includes('oldhost'));
  const [rrset] = Object.keys(json.resource.aws_route53_record);
  expect(json.import).toEqual([
    { id: `${CLOUDFLARE_ZONE}/${'a'.repeat(32)}`, to: `cloudflare_dns_record.${record}` },
    { id: `${ROUTE53_ZONE}_example.org_MX`, to: `aws_route53_record.${rrset}` },
  ]);
});

test('import blocks and every attribute are written in --hcl synth too', () => {
  const hcl: string = Testing.synthHcl(takeoverStack());
  expect(hcl).toMatch(/import \{\s*to = cloudflare_dns_record\.example-com_mail_oldhost_net_\w+\s*id = "023e105f4ecef8ad9ca31a8372d0c353\/a{32}"\s*\}/);
  expect(hcl).toMatch(/import \{\s*to = aws_route53_record\.example-org_mx_\w+\s*id = "Z0123456789ABCDEFGHIJ_example\.org_MX"\s*\}/);
  expect(hcl).toMatch(/resource "cloudflare_dns_record" "example-com_mail_oldhost_net_\w+" \{\s*zone_id = "023e105f4ecef8ad9ca31a8372d0c353"\s*name = "example\.com"\s*type = "MX"\s*content = "mail\.oldhost\.net"\s*priority = 20\s*ttl = 3600\s*\}/);
  expect(hcl).toMatch(/resource "aws_route53_record" "example-org_mx_\w+" \{\s*zone_id = "Z0123456789ABCDEFGHIJ"\s*name = "example\.org"\s*type = "MX"\s*ttl = 3600\s*records = \[\s*"10 mx1\.cloudaccess\.net\."\s*\]\s*\}/);
});
