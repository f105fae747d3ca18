import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { CloudMail, CloudMailMx, DnsTarget } from '../../lib'; // in your project: 'cloudmail-mx'

const app = new App();
const stack = new TerraformStack(app, 'cloudflare-mail');
new LocalBackend(stack, { path: 'terraform.cloudflare-mail.tfstate' });
new CloudflareProvider(stack, 'cloudflare', {}); // reads CLOUDFLARE_API_TOKEN

const zoneId = '023e105f4ecef8ad9ca31a8372d0c353';

// mx1.cloudaccess.net alone, TTL 3600.
new CloudMailMx(stack, 'example-com', {
  domain: 'example.com',
  target: DnsTarget.cloudflare({ zoneId }),
});

// With a backup of your own and a short TTL on an Enterprise zone.
new CloudMailMx(stack, 'shop-example-com', {
  domain: 'shop.example.com',
  target: DnsTarget.cloudflare({ zoneId, enterpriseZone: true }),
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
  ttl: 30,
});

app.synth();
