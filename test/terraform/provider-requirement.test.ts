import { App, TerraformStack, Testing } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudMailMx, DnsTarget } from '../../lib';
import { ProviderConfiguration } from '../../lib/terraform/provider-configuration';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE } from '../harness';

function stackWith(build: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'mail');
  build(stack);
  return stack;
}

const requiredProviders = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)).terraform?.required_providers;
const cloudflareDomain = (stack: TerraformStack, id = 'example-com') => new CloudMailMx(stack, id, { domain: `${id}.test`, target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });

test('without a provider construct, the stack requires the provider whose schema the records follow', () => {
  const stack = stackWith((s) => {
    cloudflareDomain(s);
    new CloudMailMx(s, 'example-org', { domain: 'example.org', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }) });
  });
  expect(requiredProviders(stack)).toEqual({
    cloudflare: { source: 'cloudflare/cloudflare', version: '~> 5.14' },
    aws: { source: 'hashicorp/aws', version: '~> 6.0' },
  });
  expect(JSON.parse(Testing.synth(stack)).provider).toBeUndefined();
});

test('one requirement per provider and stack, however many domains', () => {
  const stack = stackWith((s) => ['a', 'b', 'c'].forEach((id) => cloudflareDomain(s, id)));
  expect(stack.node.children.map((child) => child.node.id).filter((id) => id.startsWith('cloudmail-mx-requires'))).toEqual(['cloudmail-mx-requires-cloudflare']);
});

test('a provider construct the user already has writes the requirement, created before or after the records', () => {
  const before = stackWith((s) => {
    new CloudflareProvider(s, 'cloudflare', {});
    cloudflareDomain(s);
  });
  const after = stackWith((s) => {
    cloudflareDomain(s);
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    new CloudMailMx(s, 'example-org', { domain: 'example.org', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }) });
  });
  expect(requiredProviders(before)).toEqual({ cloudflare: { source: 'cloudflare/cloudflare', version: '5.14.0' } });
  expect(requiredProviders(after)).toEqual({
    cloudflare: { source: 'cloudflare/cloudflare', version: '~> 5.14' },
    aws: { source: 'aws', version: '6.25.0' },
  });
});

test('a Cloudflare provider construct of another major version is refused at synth: its schema has no cloudflare_dns_record', () => {
  const stack = stackWith((s) => {
    const provider = new CloudflareProvider(s, 'cloudflare', {});
    Object.assign(provider, { terraformGeneratorMetadata: { providerName: 'cloudflare', providerVersion: '4.52.0' } });
    cloudflareDomain(s);
  });
  expect(() => Testing.synth(stack, true)).toThrow(/provider construct mail\/cloudflare is for cloudflare 4\.52\.0, but cloudmail-mx writes the cloudflare ~> 5\.14 schema\. Fix: use a cloudflare provider binding for 5\.x/);
});

test('the requirement is written in --hcl synth too', () => {
  const stack = stackWith((s) => cloudflareDomain(s));
  expect(Testing.synthHcl(stack)).toMatch(/required_providers \{\s*cloudflare = \{\s*source = "cloudflare\/cloudflare"\s*version = "~> 5\.14"/);
});

test('constructs from two apps never share a requirement', () => {
  const stacks = [new App(), new App()].map((app) => new TerraformStack(app, 'mail'));
  stacks.forEach((stack) => cloudflareDomain(stack));
  for (const stack of stacks) expect(stack.node.tryFindChild('cloudmail-mx-requires-cloudflare')).toBeDefined();
});

test('azurerm gets a provider block with the features block its configuration requires, in JSON and --hcl', () => {
  const stack = stackWith((s) => new CloudMailMx(s, 'example-org', { domain: 'example.org', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' }) }));
  const json = JSON.parse(Testing.synth(stack));
  expect(json.terraform.required_providers).toEqual({ azurerm: { source: 'hashicorp/azurerm', version: '>= 4.0, < 6.0' } });
  expect(json.provider).toEqual({ azurerm: [{ features: [{}] }] });
  expect(Testing.synthHcl(stack)).toMatch(/provider "azurerm" \{\s*features \{\s*\}\s*\}/);
});

test('an azurerm provider construct of the user\'s brings its own features block: the library adds none', () => {
  const stack = stackWith((s) => {
    new ProviderConfiguration(s, 'azurerm', { name: 'azurerm', source: 'hashicorp/azurerm', versionConstraint: '4.55.0' });
    new CloudMailMx(s, 'example-org', { domain: 'example.org', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' }) });
  });
  expect(JSON.parse(Testing.synth(stack)).provider).toEqual({ azurerm: [{}] });
});

test('Google and RFC 2136 need no provider block: they are configured from the environment', () => {
  const stack = stackWith((s) => {
    new CloudMailMx(s, 'example-com', { domain: 'example.com', target: DnsTarget.googleCloudDns({ managedZone: 'example-com' }) });
    new CloudMailMx(s, 'example-net', { domain: 'example.net', target: DnsTarget.rfc2136({ zone: 'example.net.' }) });
  });
  expect(requiredProviders(stack)).toEqual({
    google: { source: 'hashicorp/google', version: '>= 4.0, < 8.0' },
    dns: { source: 'hashicorp/dns', version: '~> 3.0' },
  });
  expect(JSON.parse(Testing.synth(stack)).provider).toBeUndefined();
});
