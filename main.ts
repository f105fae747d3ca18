import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudMail, CloudMailMx, DnsTarget } from './lib';

// Credentials come from the environment (CLOUDFLARE_API_TOKEN, AWS_*), never from code. No Cloudflare
// provider construct is needed: the library requires cloudflare/cloudflare itself.
const app = new App();
const stack = new TerraformStack(app, 'mail-dns');
// A relative state path keeps cdk.tf.json identical in every checkout.
new LocalBackend(stack, { path: 'terraform.mail-dns.tfstate' });
new AwsProvider(stack, 'aws', { region: 'us-east-1' });

new CloudMailMx(stack, 'example-com', {
  domain: 'example.com',
  target: DnsTarget.cloudflare({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353' }),
});

new CloudMailMx(stack, 'example-org', {
  domain: 'example.org',
  target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
  ttl: 3600,
});

app.synth();
