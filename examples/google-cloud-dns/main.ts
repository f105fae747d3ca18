import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib'; // in your project: 'cloudmail-mx'

const app = new App();
const stack = new TerraformStack(app, 'google-mail');
new LocalBackend(stack, { path: 'terraform.google-mail.tfstate' });
// No provider construct needed: the google provider reads GOOGLE_PROJECT and its credentials from the environment.

// A new domain: one google_dns_record_set holds the whole MX set.
new CloudMailMx(stack, 'example-com', {
  domain: 'example.com',
  target: DnsTarget.googleCloudDns({ managedZone: 'example-com', project: 'mail-project' }),
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
});

// A live domain moving in stages: its set is imported, so the plan shows what is rewritten.
new CloudMailMx(stack, 'example-org', {
  domain: 'example.org',
  target: DnsTarget.googleCloudDns({ managedZone: 'example-org', project: 'mail-project' }),
  legacy: {
    // exactly what the name serves today: Cloud DNS replaces the whole set, so a record left out is deleted
    servers: [{ hostName: 'mail.oldhost.net', priority: 10 }, { hostName: 'mail2.oldhost.net', priority: 20 }],
    policy: LegacyPolicy.DELETE,
  },
  rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 },
});

app.synth();
