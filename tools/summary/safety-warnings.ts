import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { validateCloudMailPrimary } from '../../lib/cloudmail/cloudmail-primary-rule';
import { RolloutStage } from '../../lib/rollout/rollout-stage';
import { stagesBetween } from '../../lib/rollout/stage-order';
import { formatSeconds, PROVIDER_LABEL, SummaryRecord } from './domain-summary';
import { DomainComparison } from './summary-diff';

/** The changes a reviewer must not wave through. */
export enum SafetyWarningCode {
  /** A domain that had MX records would have none: its mail bounces. */
  EMPTY_MX_SET = 'EMPTY_MX_SET',
  /** mx1.cloudaccess.net was alone on top and no longer is: mail goes elsewhere first. */
  PRIMARY_LOST = 'PRIMARY_LOST',
  /** A gated rollout skips a stage, which its Terraform gate refuses at plan time. */
  STAGE_SKIPPED = 'STAGE_SKIPPED',
  /** A gated rollout goes back without ROLLBACK, which its Terraform gate refuses at plan time. */
  STAGE_REVERSED = 'STAGE_REVERSED',
  /** previousTtl or soak is lowered during a rollout: the gates wait for the longer value remembered in state, not for the new one. */
  WAIT_SHORTENED = 'WAIT_SHORTENED',
  /** More of a stack's domains change at once than the limit allows (octodns' mass-change guard). */
  MASS_CHANGE = 'MASS_CHANGE',
}

/** One warning; the message says what is wrong and what to do. */
export interface SafetyWarning {
  readonly code: SafetyWarningCode;
  readonly stack: string;
  /** @default - none: the warning is about the whole stack */
  readonly domain?: string;
  readonly message: string;
}

/** The limit of the mass-change guard, as in octodns (MAX_SAFE_UPDATE_PCENT 0.3). */
export const DEFAULT_MAX_CHANGE_PERCENT = 30;

/** Every warning about one domain's change, in code order. */
export function domainWarnings(comparison: DomainComparison): SafetyWarning[] {
  if (comparison.change === undefined) return [];
  const where = { stack: comparison.stack, domain: comparison.domain };
  const name = `${comparison.domain} (${PROVIDER_LABEL[comparison.provider]}, stack ${comparison.stack})`;
  return [emptySet(comparison, name), primaryLost(comparison, name), stageOrder(comparison, name), ...waitsShortened(comparison, name)]
    .flatMap((warning) => (warning === undefined ? [] : [{ ...where, ...warning }]));
}

/**
 * Warns when more than `maxChangePercent` of the domains a stack had in the
 * base synth change. A stack that had none is new: nothing existing is at risk.
 */
export function massChangeWarning(stack: string, comparisons: readonly DomainComparison[], maxChangePercent: number): SafetyWarning | undefined {
  const existing = comparisons.filter((comparison) => comparison.base !== undefined).length;
  const changed = comparisons.filter((comparison) => comparison.change !== undefined).length;
  if (existing === 0 || (changed / existing) * 100 <= maxChangePercent) return undefined;
  return {
    code: SafetyWarningCode.MASS_CHANGE,
    stack,
    message: `${changed} domain(s) change at once in stack ${stack}, ${Math.round((changed / existing) * 100)}% of the ${existing} it had, above the ${maxChangePercent}% limit: one mistake here reaches many domains. Fix: review every domain below, or split the pull request; if this is intended, say so in the pull request (--max-change-percent sets the limit).`,
  };
}

type DomainWarning = Omit<SafetyWarning, 'stack' | 'domain'> | undefined;

function emptySet({ base, head }: DomainComparison, name: string): DomainWarning {
  if ((base?.records.length ?? 0) === 0 || (head?.records.length ?? 0) > 0) return undefined;
  return {
    code: SafetyWarningCode.EMPTY_MX_SET,
    message: `${name} would have no MX records: ${describe(base?.records ?? [])} ${head === undefined ? 'are destroyed with the construct' : 'are removed'}, and mail to the domain bounces. Fix: keep the domain's MX construct; if the domain should accept no mail, replace it with NullMx.`,
  };
}

function primaryLost({ base, head }: DomainComparison, name: string): DomainWarning {
  if (base === undefined || !hasPrimaryOnTop(base.records) || head === undefined || hasPrimaryOnTop(head.records)) return undefined;
  return {
    code: SafetyWarningCode.PRIMARY_LOST,
    message: `${CloudMail.PRIMARY_HOST} loses the top priority on ${name}: it was alone on top (${describe(base.records)}), now ${describe(head.records)}, so senders try another host first. Fix: keep ${CloudMail.PRIMARY_HOST} at the strictly lowest priority; if this rollback is intended, say so in the pull request.`,
  };
}

function stageOrder({ base, head }: DomainComparison, name: string): DomainWarning {
  const to = head?.rollout;
  if (to === undefined || !to.gated) return undefined;
  const from = base?.rollout?.stage;
  if (from === to.stage) return undefined;
  const between = stagesBetween(from, to.stage);
  if (between.length === 0) return undefined;
  if (between.includes(RolloutStage.ROLLBACK)) {
    return {
      code: SafetyWarningCode.STAGE_REVERSED,
      message: `${name} goes back from ${from} to ${to.stage} without ROLLBACK: its Terraform gate refuses the plan, since going back that way would ${to.stage === RolloutStage.LOWER_TTL ? 'delete the CloudMail records at once' : 'import old records the rollout already deleted'}. Fix: set rollout.stage to ROLLBACK in this pull request; the move goes on from there with ${STAGE_AFTER_ROLLBACK}.`,
    };
  }
  const move = from === undefined ? `starts its rollout at ${to.stage}` : `moves from ${from} to ${to.stage}`;
  return {
    code: SafetyWarningCode.STAGE_SKIPPED,
    message: `${name} ${move}, skipping ${between.join(', ')}: its Terraform gate refuses the plan, and without the wait caches may still send mail to the old records. Fix: set rollout.stage to ${between[0]} in this pull request and move one stage per pull request.`,
  };
}

/** What a forward stage may follow ROLLBACK with. */
const STAGE_AFTER_ROLLBACK = `${RolloutStage.LOWER_TTL} or ${RolloutStage.CUTOVER}`;

/** A lowered previousTtl or soak: never a shorter wait, since the gates remember the longest value in state, but the configuration now says otherwise. */
function waitsShortened({ base, head }: DomainComparison, name: string): DomainWarning[] {
  if (base?.rollout === undefined || head?.rollout === undefined || !base.rollout.gated || !head.rollout.gated) return [];
  const settings = [['previousTtl', 'the wait before CUTOVER'], ['soak', 'the wait before COMPLETE']] as const;
  return settings.flatMap(([setting, wait]) => {
    const before = base.rollout![setting];
    const after = head.rollout![setting];
    if (after >= before) return [];
    return [{
      code: SafetyWarningCode.WAIT_SHORTENED,
      message: `${name} lowers rollout.${setting} from ${formatSeconds(before)} to ${formatSeconds(after)} during its rollout. This does not shorten ${wait}: Terraform remembers the longer value in state and waits for it, so the gate will still refuse the stage until then. Fix: keep rollout.${setting} at ${before}; lowering it never makes a stage safe sooner.`,
    }];
  });
}

function hasPrimaryOnTop(records: readonly SummaryRecord[]): boolean {
  return validateCloudMailPrimary(records).length === 0;
}

function describe(records: readonly SummaryRecord[]): string {
  return records.length === 0 ? 'no MX records' : records.map((record) => `${record.priority} ${record.hostName}`).join(', ');
}
