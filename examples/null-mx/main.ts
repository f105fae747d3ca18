import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { DnsTarget, MxRecords, NullMx } from '../../lib'; // in your project: 'cloudmail-mx'

const app = new App();
const stack = new TerraformStack(app, 'no-mail');
new LocalBackend(stack, { path: 'terraform.no-mail.tfstate' });
new CloudflareProvider(stack, 'cloudflare', {});
new AwsProvider(stack, 'aws', { region: 'us-east-1' });

// Domains that must never receive mail say so (RFC 7505), on either provider.
new NullMx(stack, 'static-example-com', {
  domain: 'static.example.com',
  target: DnsTarget.cloudflare({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353' }),
});
new NullMx(stack, 'assets-example-org', {
  domain: 'assets.example.org',
  target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
  ttl: 86400,
});

// Any other mail host: the same validation, without CloudMail's rules.
new MxRecords(stack, 'lists-example-org', {
  domain: 'lists.example.org',
  target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
  servers: [
    { hostName: 'mx-a.mailhost.example', priority: 10 },
    { hostName: 'mx-b.mailhost.example', priority: 10 },
  ],
});

app.synth();
