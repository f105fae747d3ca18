import { CloudMail, CloudMailMx, IDnsTarget, LegacyPolicy, LegacyServer, RolloutStage } from '../../lib';
import { resourcesByPath, synth, SynthesizedStack } from '../harness';

/** The live records of example.com before its move, as the targets that import a whole set declare them. */
export const LIVE_RECORDS: LegacyServer[] = [
  { hostName: 'mail.oldhost.net', priority: 10 },
  { hostName: 'mail2.oldhost.net', priority: 20 },
];

/** Every stage the library knows, in declaration order. */
export const ALL_STAGES = Object.values(RolloutStage);

/** What may vary between the synthesized stages. */
export interface RrsetStageOptions {
  readonly policy?: LegacyPolicy;
  readonly ttl?: number;
  readonly rolloutTtl?: number;
}

/** Synthesizes example.com (mx1 and one backup) moving off LIVE_RECORDS at `stage`. */
export function synthRrsetStage(target: IDnsTarget, stage: RolloutStage, options: RrsetStageOptions = {}): SynthesizedStack {
  return synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'example.com',
    target,
    servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
    ttl: options.ttl,
    legacy: { servers: LIVE_RECORDS, policy: options.policy ?? LegacyPolicy.DELETE },
    rollout: { stage, previousTtl: 86400, rolloutTtl: options.rolloutTtl },
  }));
}

/** The one MX set resource of `type` a synthesized stack holds, by construct path. */
export function onlyRrset(out: SynthesizedStack, type: string): [string, Record<string, unknown>] {
  const entries = Object.entries(resourcesByPath(out, type));
  expect(entries).toHaveLength(1);
  return entries[0];
}

/** The import blocks of a synthesized stack. */
export function importsOf(out: SynthesizedStack): { id: string; to: string }[] {
  return JSON.parse(out.json).import ?? [];
}
