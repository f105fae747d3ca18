import { compareMxRecords, MxRecord } from '../model/mx-server';
import { TakeoverMode } from '../targets/dns-target-capabilities';
import { demoteLegacyRecords } from './legacy-demotion';
import { LegacyPolicy, RolloutStage } from './rollout-stage';

/** Everything that decides which records a stage publishes. */
export interface RolloutPlanInput {
  readonly cloudMail: readonly MxRecord[];
  readonly legacy: readonly MxRecord[];
  readonly policy: LegacyPolicy;
  /** Undefined when the legacy records are taken over in one step, without a rollout. */
  readonly stage?: RolloutStage;
  readonly ttl: number;
  readonly rolloutTtl: number;
  readonly takeover?: TakeoverMode;
}

/** The records one stage publishes, and why, in words for a cdktf warning. */
export interface RolloutPlan {
  readonly records: MxRecord[];
  readonly ttl: number;
  /** Whether existing records are imported (the legacy records exist outside Terraform). */
  readonly takesOverExisting: boolean;
  /** Whether stage order and waiting times are enforced by Terraform. */
  readonly gated: boolean;
  readonly warnings: readonly string[];
}

/**
 * The record set of each stage. Every stage keeps at least one MX record
 * and the same host always keeps its record, so moving between stages only
 * ever updates records in place, adds CloudMail's or deletes legacy ones.
 */
export function planRollout(input: RolloutPlanInput): RolloutPlan {
  const { cloudMail, legacy, stage } = input;
  if (legacy.length === 0) {
    return {
      records: [...cloudMail],
      ttl: stage === RolloutStage.COMPLETE || stage === undefined ? input.ttl : input.rolloutTtl,
      takesOverExisting: false,
      gated: false,
      warnings: stage === undefined ? [] : [`rollout has no legacy records, so there is no old TTL to wait for: every stage publishes the CloudMail records, at rolloutTtl (${input.rolloutTtl} s) until COMPLETE sets ttl (${input.ttl} s), and no stage is gated.`],
    };
  }
  if (stage === undefined) return planOneStepTakeover(input);
  const demoted = demoteLegacyRecords(legacy, cloudMail);
  const byStage: Record<RolloutStage, { records: MxRecord[]; ttl: number }> = {
    [RolloutStage.LOWER_TTL]: { records: [...legacy], ttl: input.rolloutTtl },
    [RolloutStage.CUTOVER]: { records: [...cloudMail, ...demoted], ttl: input.rolloutTtl },
    [RolloutStage.COMPLETE]: { records: input.policy === LegacyPolicy.DEMOTE ? [...cloudMail, ...demoted] : [...cloudMail], ttl: input.ttl },
  };
  const { records, ttl } = byStage[stage];
  return { records: records.sort(compareMxRecords), ttl, takesOverExisting: true, gated: true, warnings: [] };
}

/**
 * Without a rollout the legacy records are taken over and demoted or deleted
 * in one apply. Terraform cannot import and delete a record in the same run,
 * so record-by-record targets delete by rewriting: each CloudMail record
 * takes over one legacy record's ID and is updated in place.
 */
function planOneStepTakeover(input: RolloutPlanInput): RolloutPlan {
  const { cloudMail, legacy, policy } = input;
  const notLowered = `legacy records (${legacy.map((r) => r.hostName).join(', ')}) are taken over without lowering their TTL first: resolvers may keep using them until their old TTL expires. Set rollout to move the domain in stages.`;
  const base = { ttl: input.ttl, takesOverExisting: true, gated: false };
  const demoted = demoteLegacyRecords(legacy, cloudMail);
  if (policy === LegacyPolicy.DEMOTE) {
    return { ...base, records: [...cloudMail, ...demoted].sort(compareMxRecords), warnings: [notLowered] };
  }
  if (input.takeover !== TakeoverMode.IMPORT_EACH_RECORD) {
    return { ...base, records: [...cloudMail], warnings: [notLowered] };
  }
  const rewritten = cloudMail.map((record, index) => (index < legacy.length ? { ...record, importId: legacy[index].importId } : record));
  const surplus = demoted.slice(cloudMail.length);
  const warnings = surplus.length === 0 ? [notLowered] : [
    notLowered,
    `${surplus.map((r) => r.hostName).join(', ')} cannot be deleted in the same apply that takes ${surplus.length === 1 ? 'it' : 'them'} over, so ${surplus.length === 1 ? 'it is' : 'they are'} kept demoted; remove ${surplus.length === 1 ? 'it' : 'them'} from legacy.servers after this apply to delete ${surplus.length === 1 ? 'it' : 'them'}.`,
  ];
  return { ...base, records: [...rewritten, ...surplus].sort(compareMxRecords), warnings };
}
