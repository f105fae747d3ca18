import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy, NullMx, RolloutStage } from '../lib';
import { readMxManifest } from '../tools';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE } from './harness';

test('constructs with legacy records or a rollout record what they meant in the stack\'s "//" object, which Terraform ignores', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'manifest-'));
  try {
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, 'mail');
    new CloudMailMx(stack, 'example-com', {
      domain: 'example.com',
      target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
      legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }], policy: LegacyPolicy.DEMOTE },
      rollout: { stage: RolloutStage.CUTOVER, previousTtl: 86400 },
    });
    new NullMx(stack, 'static', { domain: 'static.example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) });
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
    expect(readMxManifest(json)).toEqual([
      {
        path: 'mail/example-com',
        domain: 'example.com',
        legacy: { policy: 'DEMOTE', records: ['10 mail.oldhost.net'] },
        rollout: { stage: 'CUTOVER', previousTtl: 86400, rolloutTtl: 300, soak: 259200, gated: true, waitSeconds: { CUTOVER: 86400, COMPLETE: 259200 } },
      },
    ]);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

test('a stack without MX constructs has an empty manifest', () => {
  expect(readMxManifest({ '//': { metadata: {} } })).toEqual([]);
});
