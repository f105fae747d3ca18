import { SynthesizedMxSet } from '../synth/read-synth-output';
import { DomainSummary, summarizeDomain } from './domain-summary';
import { DEFAULT_MAX_CHANGE_PERCENT, domainWarnings, massChangeWarning, SafetyWarning } from './safety-warnings';
import { compareDomains, DomainComparison } from './summary-diff';

/** Options for {@link buildSummaryReport}. */
export interface SummaryOptions {
  /**
   * The synth to compare with, usually the main branch's. With it, only the
   * domains that change are reported, and the safety warnings are computed.
   * @default - none: every domain is reported as it stands
   */
  readonly base?: readonly SynthesizedMxSet[];
  /**
   * The mass-change guard: warn when more than this percentage of a stack's domains change.
   * @default 30
   */
  readonly maxChangePercent?: number;
}

/** One stack of the head synth (or of the base, when the pull request removes it). */
export interface StackSummary {
  readonly stack: string;
  /** Domains in the head synth. */
  readonly domainCount: number;
  /** Domains in the base synth; undefined without a base. */
  readonly baseDomainCount?: number;
  /** Domains that change; undefined without a base. */
  readonly changedDomainCount?: number;
  /** Every domain without a base; only those that change with one. */
  readonly domains: readonly DomainComparison[];
}

/** The summary of a synth, or of what a pull request changes: the JSON printed by `summary --json`. */
export interface SummaryReport {
  /** True when compared with a base synth. */
  readonly compared: boolean;
  readonly maxChangePercent: number;
  /** Empty without a base: every warning is about a change. */
  readonly warnings: readonly SafetyWarning[];
  readonly stacks: readonly StackSummary[];
}

/** Summarizes the head synth, and with `options.base` what changes from the base. */
export function buildSummaryReport(head: readonly SynthesizedMxSet[], options: SummaryOptions = {}): SummaryReport {
  const maxChangePercent = options.maxChangePercent ?? DEFAULT_MAX_CHANGE_PERCENT;
  const compared = options.base !== undefined;
  const headSummaries = head.map(summarizeDomain);
  const comparisons = compared ? compareDomains((options.base ?? []).map(summarizeDomain), headSummaries) : headSummaries.map(asUncompared);
  const stackNames = [...new Set(comparisons.map((comparison) => comparison.stack))].sort();
  const perStack = stackNames.map((stack) => {
    const inStack = comparisons.filter((comparison) => comparison.stack === stack);
    const changed = inStack.filter((comparison) => comparison.change !== undefined);
    const summary: StackSummary = {
      stack,
      domainCount: inStack.filter((comparison) => comparison.head !== undefined).length,
      baseDomainCount: compared ? inStack.filter((comparison) => comparison.base !== undefined).length : undefined,
      changedDomainCount: compared ? changed.length : undefined,
      domains: compared ? changed : inStack,
    };
    const warnings = compared ? [...inStack.flatMap(domainWarnings), ...optional(massChangeWarning(stack, inStack, maxChangePercent))] : [];
    return { summary, warnings };
  });
  return { compared, maxChangePercent, warnings: perStack.flatMap((stack) => stack.warnings), stacks: perStack.map((stack) => stack.summary) };
}

function asUncompared(head: DomainSummary): DomainComparison {
  return { stack: head.stack, domain: head.domain, provider: head.provider, head };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
