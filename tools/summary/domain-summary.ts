import { MxRecord, NULL_MX_HOST } from '../../lib/model/mx-server';
import { LegacyPolicy, RolloutStage } from '../../lib/rollout/rollout-stage';
import { STAGE_PREDECESSORS } from '../../lib/rollout/stage-order';
import { MxManifestEntry } from '../../lib/mx-manifest';
import { parseMxRecordText } from '../synth/read-mx-manifest';
import { SynthesizedGate, SynthesizedMxSet } from '../synth/read-synth-output';
import { DnsProvider } from '../../lib/targets/dns-provider';

/** One MX record as this synth publishes it. */
export interface SummaryRecord {
  readonly priority: number;
  readonly hostName: string;
  /**
   * Seconds.
   * @default - none: the TTL is only known at apply time
   */
  readonly ttl?: number;
}

/** What this synth does to a record the domain published before it moved to CloudMail. */
export enum LegacyFate {
  /** Still published at its old priority (LOWER_TTL: only its TTL changes). */
  KEPT = 'KEPT',
  /** Still published, at a priority below every CloudMail record. */
  DEMOTED = 'DEMOTED',
  /** No longer published. */
  DELETED = 'DELETED',
}

/** A legacy record, as it was and as this synth leaves it. */
export interface LegacyRecordSummary {
  /** The priority it had before the rollout. */
  readonly priority: number;
  readonly hostName: string;
  readonly fate: LegacyFate;
  /**
   * The priority this synth publishes it at.
   * @default - none: the record is deleted
   */
  readonly publishedPriority?: number;
}

/** The legacy records of a domain and what happens to them once it is on CloudMail. */
export interface LegacySummary {
  readonly policy: LegacyPolicy;
  readonly records: readonly LegacyRecordSummary[];
}

/** When Terraform lets a stage be applied. */
export interface StageRule {
  readonly stage: RolloutStage;
  /**
   * The stages, one of which must have been applied last; its apply starts the wait.
   * @default - none: the stage is allowed any time
   */
  readonly after?: readonly RolloutStage[];
  /** Seconds to wait after that stage was applied; 0 when nothing is waited for. A longer value remembered in Terraform state counts instead. */
  readonly waitSeconds: number;
  /**
   * The maintenance window the stage must also fall in, in words.
   * @default - any time of day
   */
  readonly window?: string;
  /** The rule in words, e.g. "CUTOVER allowed 86400 s (24 h) after LOWER_TTL was applied, …". */
  readonly rule: string;
}

/** Where a domain's staged move to CloudMail stands in this synth. */
export interface RolloutSummary {
  readonly stage: RolloutStage;
  /** False when there are no legacy records, so no stage waits for anything. */
  readonly gated: boolean;
  readonly previousTtl: number;
  readonly rolloutTtl: number;
  readonly soak: number;
  /**
   * The gate Terraform checks before it applies this stage, read from the synthesized `terraform_data` gate.
   * @default - none: this stage is not gated (LOWER_TTL, or no legacy records)
   */
  readonly gate?: StageRule;
  /**
   * The next stage and the rule that allows it.
   * @default - none: COMPLETE is the last stage
   */
  readonly next?: StageRule;
  /**
   * At COMPLETE, until when the old mail server may still receive mail, in words (Terraform's output gives the time).
   * @default - none: not at COMPLETE, or there is no old mail server
   */
  readonly oldServerMailUntil?: string;
}

/** One domain's MX set in one synth, as a reviewer needs it. */
export interface DomainSummary {
  /** The stack directory name under `stacks/`. */
  readonly stack: string;
  readonly domain: string;
  readonly provider: DnsProvider;
  /** The zone ID as written (may be a Terraform reference). */
  readonly zoneId: string;
  /**
   * The construct path.
   * @default - none: the records were not written by a cloudmail-mx construct
   */
  readonly path?: string;
  /** Sorted by priority, then host. */
  readonly records: readonly SummaryRecord[];
  /**
   * @default - none: the domain had no MX records before CloudMail, or they are not declared
   */
  readonly legacy?: LegacySummary;
  /**
   * @default - none: the records are written in one step
   */
  readonly rollout?: RolloutSummary;
}

/** Why each stage waits, and the setting whose remembered maximum it waits for. */
const WAIT_REASON: Partial<Record<RolloutStage, { readonly reason: string; readonly setting: string }>> = {
  [RolloutStage.CUTOVER]: { reason: 'once caches no longer hold the old records', setting: 'previousTtl' },
  [RolloutStage.COMPLETE]: { reason: 'once the cutover has propagated', setting: 'soak' },
};

/** The stage that follows each stage when the move goes on. */
const NEXT_STAGE: Record<RolloutStage, RolloutStage | undefined> = {
  [RolloutStage.LOWER_TTL]: RolloutStage.CUTOVER,
  [RolloutStage.CUTOVER]: RolloutStage.COMPLETE,
  [RolloutStage.COMPLETE]: undefined,
  [RolloutStage.ROLLBACK]: RolloutStage.CUTOVER,
};

/** The summary of one synthesized MX set, with the legacy records and rollout read from the stack's manifest and gates. */
export function summarizeDomain(set: SynthesizedMxSet): DomainSummary {
  const { manifest } = set;
  const records = set.records.map((record) => ({ priority: record.priority, hostName: record.hostName, ttl: set.ttl }));
  return {
    stack: set.stack,
    domain: set.domain,
    provider: set.provider,
    zoneId: set.zoneId,
    path: set.path,
    records,
    legacy: manifest?.legacy && { policy: manifest.legacy.policy, records: manifest.legacy.records.map((text) => legacyFate(parseMxRecordText(text), records)) },
    rollout: manifest?.rollout && summarizeRollout(manifest.rollout, set.gates, manifest.legacy),
  };
}

/** "86400 s (24 h)": seconds for exactness, hours or minutes for reading. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds} s (${seconds / 3600} h)`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds} s (${seconds / 60} min)`;
  return `${seconds} s`;
}

function legacyFate(legacy: MxRecord, published: readonly SummaryRecord[]): LegacyRecordSummary {
  const kept = published.find((record) => record.hostName === legacy.hostName);
  const base = { priority: legacy.priority, hostName: legacy.hostName };
  if (kept === undefined) return { ...base, fate: LegacyFate.DELETED };
  return { ...base, fate: kept.priority === legacy.priority ? LegacyFate.KEPT : LegacyFate.DEMOTED, publishedPriority: kept.priority };
}

function summarizeRollout(rollout: NonNullable<MxManifestEntry['rollout']>, gates: readonly SynthesizedGate[], legacy: MxManifestEntry['legacy']): RolloutSummary {
  const { stage, gated, previousTtl, rolloutTtl, soak } = rollout;
  return { stage, gated, previousTtl, rolloutTtl, soak, gate: currentGate(stage, gates), next: nextStage(rollout), oldServerMailUntil: oldServerMailUntil(rollout, legacy) };
}

function currentGate(stage: RolloutStage, gates: readonly SynthesizedGate[]): StageRule | undefined {
  const gate = gates.find((candidate) => candidate.stage === stage);
  return gate && stageRule(gate.stage, gate.after, gate.waitSeconds, gate.window);
}

function nextStage(rollout: NonNullable<MxManifestEntry['rollout']>): StageRule | undefined {
  const stage = NEXT_STAGE[rollout.stage];
  if (stage === undefined) return undefined;
  if (!rollout.gated) return { stage, waitSeconds: 0, rule: `${stage} allowed any time: there are no legacy records to wait for` };
  return stageRule(stage, [rollout.stage], rollout.waitSeconds[stage as RolloutStage.CUTOVER | RolloutStage.COMPLETE], rollout.window);
}

function stageRule(stage: RolloutStage, after: readonly RolloutStage[], waitSeconds: number, window?: string): StageRule {
  const first = STAGE_PREDECESSORS[stage].includes(undefined) ? ['at the start of a rollout'] : [];
  const previous = [...first, ...(after.length === 0 ? [] : [`after ${orList(after)} was applied`])].join(' or ');
  const wait = WAIT_REASON[stage];
  const when = wait === undefined || waitSeconds === 0
    ? `${previous}, with no wait`
    : `${formatSeconds(waitSeconds)} ${previous} (or the longer ${wait.setting} remembered from an earlier stage), ${wait.reason}`;
  const inWindow = window === undefined ? '' : `, inside the maintenance window ${window}`;
  return { stage, after: after.length === 0 ? undefined : after, waitSeconds, ...(window !== undefined && { window }), rule: `${stage} allowed ${when}${inWindow}` };
}

/** "A, B or C". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** At COMPLETE with an old mail server: until when it may still get mail (the same rule as the gates' Terraform output). */
function oldServerMailUntil(rollout: NonNullable<MxManifestEntry['rollout']>, legacy: MxManifestEntry['legacy']): string | undefined {
  const servers = (legacy?.records ?? []).map(parseMxRecordText).filter((record) => record.hostName !== NULL_MX_HOST);
  if (rollout.stage !== RolloutStage.COMPLETE || !rollout.gated || servers.length === 0) return undefined;
  const afterCutover = `${formatSeconds(Math.max(rollout.waitSeconds[RolloutStage.CUTOVER], rollout.waitSeconds[RolloutStage.COMPLETE], rollout.rolloutTtl))} after CUTOVER was applied (the soak, or the longest TTL in play if longer)`;
  const hosts = servers.map((record) => record.hostName).join(', ');
  if (legacy?.policy === LegacyPolicy.DEMOTE) {
    return `${hosts} may be tried first until ${afterCutover}; it stays a backup (LegacyPolicy.DEMOTE) and gets mail whenever CloudMail does not answer. Terraform's output old_server_mail_until gives the time.`;
  }
  return `${hosts} may still receive mail until the later of ${afterCutover} and ${formatSeconds(rollout.rolloutTtl)} after COMPLETE is applied (caches of the cutover's records): keep it running and collect its mail until then. Terraform's output old_server_mail_until gives the time.`;
}

/** The provider as its users write it. */
export const PROVIDER_LABEL: Record<DnsProvider, string> = {
  [DnsProvider.CLOUDFLARE]: 'Cloudflare',
  [DnsProvider.ROUTE53]: 'Route53',
  [DnsProvider.GOOGLE_CLOUD_DNS]: 'Google Cloud DNS',
  [DnsProvider.AZURE_DNS]: 'Azure DNS',
  [DnsProvider.RFC2136]: 'RFC 2136',
};
