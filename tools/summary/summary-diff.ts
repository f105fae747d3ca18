import { compareMxRecords } from '../../lib/model/mx-server';
import { RolloutStage } from '../../lib/rollout/rollout-stage';
import { DomainSummary, SummaryRecord } from './domain-summary';
import { DnsProvider } from '../../lib/targets/dns-provider';

/** How a domain or a record differs between the base and the head synth. */
export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  /** Present in both, with another priority or TTL (a record) or other records or stage (a domain). */
  CHANGED = 'CHANGED',
}

/** One record, keyed by host, before and after. */
export interface RecordChange {
  readonly hostName: string;
  readonly kind: ChangeKind;
  /** @default - none: the record is added */
  readonly before?: SummaryRecord;
  /** @default - none: the record is removed */
  readonly after?: SummaryRecord;
}

/** A rollout stage in the base synth and in the head synth. */
export interface StageMove {
  /** @default - none: the domain had no rollout in the base synth */
  readonly from?: RolloutStage;
  /** @default - none: the domain has no rollout in the head synth */
  readonly to?: RolloutStage;
}

/** What a pull request changes about one domain. */
export interface DomainChange {
  readonly kind: ChangeKind;
  /** Only the records that differ, in priority order. */
  readonly records: readonly RecordChange[];
  /** @default - none: the stage did not move */
  readonly stageMove?: StageMove;
}

/** One domain in the base and the head synth. */
export interface DomainComparison {
  readonly stack: string;
  readonly domain: string;
  readonly provider: DnsProvider;
  /** @default - none: the domain is not in the base synth */
  readonly base?: DomainSummary;
  /** @default - none: the domain is not in the head synth */
  readonly head?: DomainSummary;
  /** @default - none: nothing changed */
  readonly change?: DomainChange;
}

/**
 * Pairs the domains of two synths, sorted by stack, domain and provider. The
 * same domain in two stacks or on two providers is two entries.
 */
export function compareDomains(base: readonly DomainSummary[], head: readonly DomainSummary[]): DomainComparison[] {
  const pairs = new Map<string, { first: DomainSummary; base?: DomainSummary; head?: DomainSummary }>();
  for (const summary of base) pairs.set(domainKey(summary), { first: summary, base: summary });
  for (const summary of head) pairs.set(domainKey(summary), { first: summary, ...pairs.get(domainKey(summary)), head: summary });
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, { first, ...pair }]) => ({
    stack: first.stack,
    domain: first.domain,
    provider: first.provider,
    ...pair,
    change: diffDomain(pair.base, pair.head),
  }));
}

function domainKey(summary: DomainSummary): string {
  return `${summary.stack}\u0000${summary.domain}\u0000${summary.provider}`;
}

/** What changes from `base` to `head`; undefined when neither the records nor the rollout (stage, waits, window) change. */
function diffDomain(base: DomainSummary | undefined, head: DomainSummary | undefined): DomainChange | undefined {
  const records = diffRecords(base?.records ?? [], head?.records ?? []);
  const stageMove = base?.rollout?.stage === head?.rollout?.stage ? undefined : { from: base?.rollout?.stage, to: head?.rollout?.stage };
  if (base !== undefined && head !== undefined && records.length === 0 && stageMove === undefined && sameRolloutSettings(base, head)) return undefined;
  const kind = base === undefined ? ChangeKind.ADDED : head === undefined ? ChangeKind.REMOVED : ChangeKind.CHANGED;
  return { kind, records, stageMove };
}

/** A changed previousTtl, rolloutTtl, soak or window is a change a reviewer must see, even when no record moves. */
function sameRolloutSettings(base: DomainSummary, head: DomainSummary): boolean {
  const settings = (summary: DomainSummary) => summary.rollout && [summary.rollout.previousTtl, summary.rollout.rolloutTtl, summary.rollout.soak, summary.rollout.gate?.window ?? summary.rollout.next?.window];
  return JSON.stringify(settings(base)) === JSON.stringify(settings(head));
}

function diffRecords(base: readonly SummaryRecord[], head: readonly SummaryRecord[]): RecordChange[] {
  // Each host in its head position, or its base position when removed.
  const hosts = [...head, ...base.filter((record) => !head.some((other) => other.hostName === record.hostName))].sort(compareMxRecords).map((record) => record.hostName);
  return hosts.flatMap((hostName): RecordChange[] => {
    const before = base.find((record) => record.hostName === hostName);
    const after = head.find((record) => record.hostName === hostName);
    if (before === undefined) return [{ hostName, kind: ChangeKind.ADDED, after }];
    if (after === undefined) return [{ hostName, kind: ChangeKind.REMOVED, before }];
    if (before.priority === after.priority && before.ttl === after.ttl) return [];
    return [{ hostName, kind: ChangeKind.CHANGED, before, after }];
  });
}
