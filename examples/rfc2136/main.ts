import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, NullMx, RolloutStage } from '../../lib'; // in your project: 'cloudmail-mx'

const app = new App();
const stack = new TerraformStack(app, 'rfc2136-mail');
new LocalBackend(stack, { path: 'terraform.rfc2136-mail.tfstate' });
// No provider construct needed: the dns provider reads DNS_UPDATE_SERVER, DNS_UPDATE_KEYNAME,
// DNS_UPDATE_KEYALGORITHM and DNS_UPDATE_KEYSECRET from the environment.

const zone = DnsTarget.rfc2136({ zone: 'example.com.' });

// A live domain on a BIND or Knot server, moving in stages. The provider replaces a set whose TTL
// changes (deleting every MX record first), so the rollout keeps one TTL: ttl equals rolloutTtl,
// and the live TTL is lowered to it in one UPDATE message before LOWER_TTL (see README.md).
new CloudMailMx(stack, 'example-com', {
  domain: 'example.com',
  target: zone,
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
  ttl: 300,
  legacy: { servers: [{ hostName: 'mail.example.com', priority: 10 }], policy: LegacyPolicy.DEMOTE },
  rollout: { stage: RolloutStage.CUTOVER, previousTtl: 86400, rolloutTtl: 300 },
});

// A name in the same zone that sends but never receives mail.
new NullMx(stack, 'static-example-com', { domain: 'static.example.com', target: zone });

app.synth();
