import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudMail, CloudMailMx, DnsTarget } from '../../lib'; // in your project: 'cloudmail-mx'

const app = new App();
const stack = new TerraformStack(app, 'route53-mail');
new LocalBackend(stack, { path: 'terraform.route53-mail.tfstate' });
new AwsProvider(stack, 'aws', { region: 'us-east-1' }); // credentials from the AWS_* environment

new CloudMailMx(stack, 'example-org', {
  domain: 'example.org',
  target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
  servers: CloudMail.servers({ backups: ['backup1.example.net', 'backup2.example.net'] }),
  ttl: 3600,
});

app.synth();
