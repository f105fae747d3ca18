import { spawnSync } from 'node:child_process';
import { TerraformStack, Testing } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy } from '../../lib';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE } from '../harness';
import { describeWithTerraform } from '../real-terraform';

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

/** Azure and RFC 2136 sets: their records are nested blocks. */
function blockStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'mail');
  const servers = [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup1.example.net', priority: 20 }];
  new CloudMailMx(stack, 'azure', { domain: 'example.org', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' }), servers });
  new CloudMailMx(stack, 'rfc2136', { domain: 'example.net', target: DnsTarget.rfc2136({ zone: 'example.net.' }), servers });
  return stack;
}

test('nested blocks are a list of objects in cdk.tf.json, as generated bindings write them', () => {
  const json = JSON.parse(Testing.synth(blockStack()));
  expect(Object.values(json.resource.azurerm_dns_mx_record).map((r: any) => r.record)).toEqual([[{ preference: '10', exchange: 'mx1.cloudaccess.net' }, { preference: '20', exchange: 'backup1.example.net' }]]);
  expect(Object.values(json.resource.dns_mx_record_set).map((r: any) => r.mx)).toEqual([[{ preference: 10, exchange: 'mx1.cloudaccess.net.' }, { preference: 20, exchange: 'backup1.example.net.' }]]);
});

test('nested blocks are written once per element in --hcl synth, with their attributes typed', () => {
  const hcl: string = Testing.synthHcl(blockStack());
  expect(hcl).toMatch(/ttl = 3600\s*record \{\s*preference = "10"\s*exchange = "mx1\.cloudaccess\.net"\s*\}\s*record \{\s*preference = "20"\s*exchange = "backup1\.example\.net"\s*\}/);
  expect(hcl).toMatch(/ttl = 3600\s*mx \{\s*preference = 10\s*exchange = "mx1\.cloudaccess\.net\."\s*\}\s*mx \{\s*preference = 20\s*exchange = "backup1\.example\.net\."\s*\}\s*lifecycle \{\s*prevent_destroy = true\s*\}/);
});

describeWithTerraform('the --hcl synth of nested blocks', () => {
  test('is HCL that terraform fmt parses', () => {
    const result = spawnSync('terraform', ['fmt', '-'], { input: Testing.synthHcl(blockStack()), encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, expect.not.stringContaining('Error')]);
    expect(result.stdout).toMatch(/record \{\n\s+preference = "10"\n\s+exchange\s+= "mx1\.cloudaccess\.net"\n\s+\}/);
  });
});
