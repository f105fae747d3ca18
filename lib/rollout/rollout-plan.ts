import { compareMxRecords, MxRecord, NULL_MX_HOST } from '../model/mx-server';
import { TakeoverMode } from '../targets/dns-target-capabilities';
import { demoteRecords } from './demote-records';
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
  /** The CloudMail records exist already and are imported (each with its own importId on record-by-record targets). */
  readonly adopt?: boolean;
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
 * ever updates records in place, adds records or deletes them.
 *
 * A legacy null MX (`0 .`, "no mail") is published as it is until the
 * cutover and never demoted: RFC 7505 allows it only alone, so CUTOVER and
 * COMPLETE drop it, and ROLLBACK brings it back alone.
 */
export function planRollout(input: RolloutPlanInput): RolloutPlan {
  const { cloudMail, legacy, stage } = input;
  if (legacy.length === 0) {
    return {
      records: [...cloudMail],
      ttl: stage === RolloutStage.COMPLETE || stage === undefined ? input.ttl : input.rolloutTtl,
      takesOverExisting: input.adopt === true,
      gated: false,
      warnings: stage === undefined ? [] : [`rollout has no legacy records, so there is no old TTL to wait for: every stage publishes the CloudMail records, at rolloutTtl (${input.rolloutTtl} s) until COMPLETE sets ttl (${input.ttl} s), and no stage is gated.`],
    };
  }
  if (stage === undefined) return planOneStepTakeover(input);
  const demoted = demoteRecords(withoutNullMx(legacy), cloudMail);
  const byStage: Record<RolloutStage, { records: MxRecord[]; ttl: number }> = {
    [RolloutStage.LOWER_TTL]: { records: [...legacy], ttl: input.rolloutTtl },
    [RolloutStage.CUTOVER]: { records: [...cloudMail, ...demoted], ttl: input.rolloutTtl },
    [RolloutStage.COMPLETE]: { records: input.policy === LegacyPolicy.DEMOTE ? [...cloudMail, ...demoted] : [...cloudMail], ttl: input.ttl },
    [RolloutStage.ROLLBACK]: { records: rollbackRecords(legacy, cloudMail), ttl: input.rolloutTtl },
  };
  const { records, ttl } = byStage[stage];
  // ROLLBACK never imports: what Terraform deleted (COMPLETE with DELETE) is created again, and what it holds is in state already.
  const takesOverExisting = stage !== RolloutStage.ROLLBACK;
  return { records: records.sort(compareMxRecords), ttl, takesOverExisting, gated: true, warnings: [] };
}

/** The legacy records exactly as declared, on top; CloudMail's kept below them so mail still has a way in if the old server fails. */
function rollbackRecords(legacy: readonly MxRecord[], cloudMail: readonly MxRecord[]): MxRecord[] {
  const declared = legacy.map(withoutImportId);
  if (legacy.some(isNullMx)) return declared;
  return [...declared, ...demoteRecords(cloudMail, legacy).map(withoutImportId)];
}

function withoutImportId(record: MxRecord): MxRecord {
  return { hostName: record.hostName, priority: record.priority };
}

/**
 * Without a rollout the legacy records are taken over and demoted or deleted
 * in one apply. Terraform cannot import and delete a record in the same run,
 * so record-by-record targets delete by rewriting: each CloudMail record
 * takes over one legacy record's ID and is updated in place. Adopted
 * CloudMail records bring their own IDs, so nothing is rewritten then.
 */
function planOneStepTakeover(input: RolloutPlanInput): RolloutPlan {
  const { cloudMail, legacy, policy } = input;
  const notLowered = `legacy records (${legacy.map((r) => r.hostName).join(', ')}) are taken over without lowering their TTL first: resolvers may keep using them until their old TTL expires. Set rollout to move the domain in stages.`;
  const base = { ttl: input.ttl, takesOverExisting: true, gated: false };
  const demoted = demoteRecords(withoutNullMx(legacy), cloudMail);
  if (policy === LegacyPolicy.DEMOTE && !legacy.some(isNullMx)) {
    return { ...base, records: [...cloudMail, ...demoted].sort(compareMxRecords), warnings: [notLowered] };
  }
  if (input.takeover !== TakeoverMode.IMPORT_EACH_RECORD) {
    return { ...base, records: [...cloudMail], warnings: [notLowered] };
  }
  const rewritten = input.adopt ? [...cloudMail] : cloudMail.map((record, index) => (index < legacy.length ? { ...record, importId: legacy[index].importId } : record));
  const surplus = demoted.slice(input.adopt ? 0 : cloudMail.length);
  const warnings = surplus.length === 0 ? [notLowered] : [
    notLowered,
    `${surplus.map((r) => r.hostName).join(', ')} cannot be deleted in the same apply that takes ${surplus.length === 1 ? 'it' : 'them'} over, so ${surplus.length === 1 ? 'it is' : 'they are'} kept demoted; remove ${surplus.length === 1 ? 'it' : 'them'} from legacy.servers after this apply to delete ${surplus.length === 1 ? 'it' : 'them'}.`,
  ];
  return { ...base, records: [...rewritten, ...surplus].sort(compareMxRecords), warnings };
}

function isNullMx(record: MxRecord): boolean {
  return record.hostName === NULL_MX_HOST;
}

function withoutNullMx(records: readonly MxRecord[]): MxRecord[] {
  return records.filter((record) => !isNullMx(record));
}
