import { TerraformStack } from 'cdktf';
import { CloudMail, CloudMailMx, DnsTarget, IDnsTarget, LegacyPolicy, LegacyServer, MaintenanceWindow, RolloutStage } from '../../lib';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE, synth, SynthesizedStack } from '../harness';

export const LEGACY: LegacyServer[] = [
  { hostName: 'mail.oldhost.net', priority: 10, importId: `${CLOUDFLARE_ZONE}/372e67954025e0ba6aaa6d586b9e0b59` },
  { hostName: 'mail2.oldhost.net', priority: 20, importId: `${CLOUDFLARE_ZONE}/8f1b6e5dd1a54c3c9a0e4d5b6c7a8b9c` },
];

export const TARGETS: Record<string, () => IDnsTarget> = {
  cloudflare: () => DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }),
  route53: () => DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
};

/** What may vary between the synthesized stages of the tests. */
export interface StageOptions {
  readonly policy?: LegacyPolicy;
  readonly previousTtl?: number;
  readonly soak?: number;
  readonly rolloutTtl?: number;
  readonly window?: MaintenanceWindow;
  /** The legacy records; LEGACY by default. */
  readonly legacy?: LegacyServer[];
  /** Adds more constructs to the stack. */
  readonly build?: (stack: TerraformStack) => void;
}

/** Synthesizes example.com at one rollout stage. */
export function synthStage(target: string, stage: RolloutStage, options: StageOptions = {}): SynthesizedStack {
  return synth((stack) => {
    new CloudMailMx(stack, 'example-com', {
      domain: 'example.com',
      target: TARGETS[target](),
      servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
      legacy: { servers: options.legacy ?? LEGACY, policy: options.policy ?? LegacyPolicy.DELETE },
      rollout: { stage, previousTtl: options.previousTtl ?? 86400, soak: options.soak, rolloutTtl: options.rolloutTtl, window: options.window },
    });
    options.build?.(stack);
  });
}
