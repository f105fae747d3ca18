import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage, Weekday } from '../../lib'; // in your project: 'cloudmail-mx'

const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

/** The whole mail stack; each stage file differs only in the stage it passes. */
export function buildMailStack(app: App, stage: RolloutStage): TerraformStack {
  const stack = new TerraformStack(app, 'mail-rollout');
  new LocalBackend(stack, { path: 'terraform.mail-rollout.tfstate' });
  new CloudflareProvider(stack, 'cloudflare', {});
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });

  // Cloudflare: two old records, deleted at the end; the switch only on weekend nights.
  new CloudMailMx(stack, 'example-com', {
    domain: 'example.com',
    target: DnsTarget.cloudflare({ zoneId: ZONE }),
    servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
    legacy: {
      servers: [
        { hostName: 'mail.oldhost.net', priority: 10, importId: `${ZONE}/372e67954025e0ba6aaa6d586b9e0b59` },
        { hostName: 'mail2.oldhost.net', priority: 20, importId: `${ZONE}/8f1b6e5dd1a54c3c9a0e4d5b6c7a8b9c` },
      ],
      policy: LegacyPolicy.DELETE,
    },
    rollout: { stage, previousTtl: 86400, window: { days: [Weekday.FRIDAY, Weekday.SATURDAY], startUtc: '20:00', endUtc: '06:00' } },
  });

  // Route53: the old host stays as a demoted backup.
  new CloudMailMx(stack, 'example-org', {
    domain: 'example.org',
    target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
    legacy: { servers: [{ hostName: 'mx.oldmail.example', priority: 5 }], policy: LegacyPolicy.DEMOTE },
    rollout: { stage, previousTtl: 3600, soak: 24 * 3600 },
  });
  return stack;
}
