import { createHash } from 'node:crypto';
import { ITerraformDependable, TerraformLocal, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { MxRecord } from '../model/mx-server';
import {
  failClosed, hclMax, hclString, largestOf, laterOf, latestStage, MarkerField, markerInputs, NEVER_APPLIED, nextOpening, NO_STAGE, shown, timePlus, windowOpen,
} from './gate-expressions';
import { describeWindow, WindowMinutes } from './maintenance-window';
import { LegacyPolicy, RolloutStage } from './rollout-stage';
import { STAGE_PREDECESSORS } from './stage-order';
import { TerraformData } from '../terraform/terraform-data';
import { gateId } from './gate-id';

/** What {@link RolloutGates} needs to know. Durations are in seconds, with a provider's automatic TTL already counted at its real length. */
export interface RolloutGatesProps {
  readonly domain: string;
  /** False when there is nothing to wait for (no legacy records): only the outputs are made. */
  readonly gated: boolean;
  readonly stage: RolloutStage;
  readonly previousTtl: number;
  readonly rolloutTtl: number;
  readonly soak: number;
  /** @default - CUTOVER and COMPLETE are allowed at any time of day */
  readonly window?: WindowMinutes;
  /** The records and TTL this stage publishes: a change restarts the stage's clock. */
  readonly records: readonly MxRecord[];
  readonly ttl: number;
  /** The resources of those records: the stage's marker is stamped after they are applied. */
  readonly recordResources: ITerraformDependable[];
  /**
   * What happens to the old mail server once the domain is on CloudMail, for the COMPLETE output.
   * @default - there is no old mail server (the legacy record is a null MX)
   */
  readonly oldServerPolicy?: LegacyPolicy;
}

/** What each stage waits for after the stage before it, and whether the maintenance window applies. */
const RULES: Readonly<Record<RolloutStage, { readonly wait?: MarkerField.PREVIOUS_TTL | MarkerField.SOAK; readonly windowed: boolean }>> = {
  [RolloutStage.LOWER_TTL]: { windowed: false },
  [RolloutStage.CUTOVER]: { wait: MarkerField.PREVIOUS_TTL, windowed: true },
  [RolloutStage.COMPLETE]: { wait: MarkerField.SOAK, windowed: true },
  [RolloutStage.ROLLBACK]: { windowed: false },
};

/** The stages that may have been applied last before `stage`, as the gate names them (NO_STAGE: none). */
function predecessors(stage: RolloutStage): string[] {
  return STAGE_PREDECESSORS[stage].map((previous) => previous ?? NO_STAGE);
}

/** The id of the `terraform_data` marker that holds when `stage` was applied. */
export function markerId(stage: RolloutStage): string {
  return `${stage.toLowerCase()}_applied`;
}

/**
 * The stage gates, made only of Terraform's builtin `terraform_data`, so
 * they need no provider:
 * - one marker per stage (`lower_ttl_applied`, …) holding when it was
 *   applied, in which order, and the longest previousTtl and soak seen so
 *   far. The current stage's marker depends on its records, so it is
 *   stamped only once they are applied, and is replaced (re-stamped) when
 *   what the stage writes changes. The other markers are frozen
 *   (`ignore_changes = all`): their state is what the gate reads.
 * - one gate (`cutover_gate`, …) whose preconditions refuse the plan until
 *   the stage may be applied. Every condition is known at plan time, so a
 *   refused stage fails the plan before anything changes; every condition
 *   is wrapped so that an error refuses the stage.
 */
export class RolloutGates extends Construct {
  constructor(scope: Construct, id: string, props: RolloutGatesProps) {
    super(scope, id);
    const { domain, stage } = props;
    new TerraformOutput(this, 'stage', { value: stage, description: `Rollout stage of ${domain}` });
    if (!props.gated) {
      new TerraformOutput(this, 'next_stage_earliest', {
        value: stage === RolloutStage.COMPLETE ? 'none: the rollout is complete' : 'any time: there are no legacy records to wait for',
        description: `Earliest time (UTC) the next rollout stage of ${domain} may be applied`,
      });
      return;
    }
    const markers = new Map(Object.values(RolloutStage).map((markerStage) => [markerStage, this.marker(markerStage, props)]));
    const address = (markerStage: RolloutStage) => `terraform_data.${markers.get(markerStage)!.friendlyUniqueId}`;
    const state = this.readState(props, Object.values(RolloutStage).filter((other) => other !== stage), address);
    this.stamp(markers.get(stage)!, state, props);
    this.gate(state, props);
    this.outputs(address, props);
  }

  /**
   * A stage's marker. The current stage's waits for its records and is
   * filled in by {@link stamp}; the others are frozen, and hold
   * NEVER_APPLIED when this configuration is the first to create them.
   */
  private marker(markerStage: RolloutStage, props: RolloutGatesProps): TerraformData {
    if (markerStage === props.stage) {
      return new TerraformData(this, markerId(markerStage), { dependsOn: props.recordResources, lifecycle: { ignoreChanges: [INPUT] } });
    }
    return new TerraformData(this, markerId(markerStage), {
      input: { [MarkerField.AT]: NEVER_APPLIED, [MarkerField.SEQ]: 0, [MarkerField.PREVIOUS_TTL]: 0, [MarkerField.SOAK]: 0, [MarkerField.WROTE]: '', [MarkerField.PLANNED_AT]: '' },
      lifecycle: { ignoreChanges: 'all' },
    });
  }

  /** Named Terraform locals for what the gate reads from the frozen markers; each evaluates without error (null or a sentinel when unreadable). */
  private readState(props: RolloutGatesProps, others: RolloutStage[], address: (stage: RolloutStage) => string): GateState {
    const local = (id: string, expression: string) => `local.${new TerraformLocal(this, id, `\${${expression}}`).friendlyUniqueId}`;
    const earlier = local('earlier_stages', markerInputs(Object.fromEntries(others.map((other) => [other, address(other)]))));
    const maxSeq = local('max_seq', `try(${largestOf(earlier, MarkerField.SEQ)}, null)`);
    const latest = local('latest_stage', `try(${latestStage(earlier, maxSeq)}, ${hclString(UNREADABLE)})`);
    const latestAt = local('latest_applied_at', `try(${earlier}[${latest}].${MarkerField.AT}, null)`);
    const settled = local('stage_applied', `try(${address(props.stage)}.input.${MarkerField.PLANNED_AT} != plantimestamp(), false)`);
    const rule = RULES[props.stage];
    const state: GateState = { earlier, maxSeq, latest, latestAt, settled };
    if (rule.wait === undefined) return state;
    const current = rule.wait === MarkerField.PREVIOUS_TTL ? props.previousTtl : props.soak;
    const waitSeconds = local('wait_seconds', `try(max(${current}, ${largestOf(earlier, rule.wait)}), null)`);
    return { ...state, waitSeconds, earliest: local('earliest', `try(${timePlus(latestAt, waitSeconds)}, null)`) };
  }

  /**
   * What the current stage's marker records when it is created: the apply
   * time (after the records), its place in the order, the longest waits so
   * far, and what the stage wrote. A change of order (the stage is entered
   * again) or of what it wrote replaces the marker, which restarts its clock.
   */
  private stamp(own: TerraformData, state: GateState, props: RolloutGatesProps): void {
    // 0 (never applied) when the other markers cannot be read: the gate refuses then anyway.
    const seq = `\${try(${state.maxSeq} + 1, 0)}`;
    const wrote = stageFingerprint(props.records, props.ttl);
    const longest = (field: MarkerField, current: number) => `\${try(max(${current}, ${largestOf(state.earlier, field)}), ${current})}`;
    own.input = {
      [MarkerField.AT]: '${timestamp()}',
      [MarkerField.SEQ]: seq,
      [MarkerField.PREVIOUS_TTL]: longest(MarkerField.PREVIOUS_TTL, props.previousTtl),
      [MarkerField.SOAK]: longest(MarkerField.SOAK, props.soak),
      [MarkerField.WROTE]: wrote,
      [MarkerField.PLANNED_AT]: '${plantimestamp()}',
    };
    own.triggersReplace = { [MarkerField.SEQ]: seq, [MarkerField.WROTE]: wrote };
  }

  /** The gate of the current stage: one precondition per way it can be refused, each with its own message. */
  private gate(state: GateState, props: RolloutGatesProps): void {
    const rule = RULES[props.stage];
    const latestIn = (stages: readonly string[]) => `contains([${stages.map(hclString).join(', ')}], ${state.latest})`;
    const unlessApplied = (condition: string) => failClosed(`${state.settled} ? true : (${condition})`);
    const preconditions = [
      {
        condition: unlessApplied(latestIn([NO_STAGE, ...Object.values(RolloutStage)])),
        errorMessage: `${props.stage} refused: the rollout markers of ${props.domain} in this Terraform state cannot be read (written by another version of cloudmail-mx, or edited by hand), so the stage is refused rather than guessed. Inspect them with terraform state list and terraform state show.`,
      },
      ...refusals(props.stage, props.domain, state).map(({ refusedAfter, message }) => ({ condition: unlessApplied(`!${latestIn(refusedAfter)}`), errorMessage: message })),
    ];
    let allowed = latestIn(predecessors(props.stage));
    if (state.earliest !== undefined) {
      preconditions.push({ condition: unlessApplied(`!${allowed} ? true : timecmp(plantimestamp(), ${state.earliest}) >= 0`), errorMessage: waitMessage(props, state) });
      allowed = `${allowed} && timecmp(plantimestamp(), ${state.earliest}) >= 0`;
    }
    if (rule.windowed && props.window !== undefined) {
      preconditions.push({
        condition: unlessApplied(`!(${allowed}) ? true : ${windowOpen(props.window, 'plantimestamp()')}`),
        errorMessage: `${props.stage} refused outside the maintenance window (${describeWindow(props.window)}): it is ${shown('formatdate("EEE hh:mm", plantimestamp())')} UTC. The next opening is ${shown(nextOpening(props.window, 'plantimestamp()'))} (UTC); plan again then.`,
      });
    }
    new TerraformData(this, gateId(props.stage), {
      input: {
        stage: props.stage,
        after: STAGE_PREDECESSORS[props.stage].filter((stage) => stage !== undefined),
        wait_seconds: rule.wait === MarkerField.PREVIOUS_TTL ? props.previousTtl : rule.wait === MarkerField.SOAK ? props.soak : 0,
        window: props.window && rule.windowed ? describeWindow(props.window) : undefined,
      },
      lifecycle: { precondition: preconditions },
    });
  }

  private outputs(address: (stage: RolloutStage) => string, props: RolloutGatesProps): void {
    const { domain, stage } = props;
    const own = (field: MarkerField) => `${address(stage)}.input.${field}`;
    const next: Record<RolloutStage, string> = {
      [RolloutStage.LOWER_TTL]: shown(timePlus(own(MarkerField.AT), own(MarkerField.PREVIOUS_TTL)), 'unknown'),
      [RolloutStage.CUTOVER]: shown(timePlus(own(MarkerField.AT), own(MarkerField.SOAK)), 'unknown'),
      [RolloutStage.ROLLBACK]: shown(timePlus(own(MarkerField.AT), own(MarkerField.PREVIOUS_TTL)), 'unknown'),
      [RolloutStage.COMPLETE]: 'none: the rollout is complete',
    };
    new TerraformOutput(this, 'next_stage_earliest', {
      value: next[stage],
      description: `Earliest time (UTC) the next rollout stage of ${domain} may be applied${props.window ? `, inside the maintenance window ${describeWindow(props.window)}` : ''}`,
    });
    if (stage === RolloutStage.COMPLETE && props.oldServerPolicy !== undefined) {
      new TerraformOutput(this, 'old_server_mail_until', {
        value: shown(oldServerMailUntil(address, props), 'unknown'),
        description: props.oldServerPolicy === LegacyPolicy.DELETE
          ? `Until when (UTC) the old mail server of ${domain} may still receive mail: keep it running and collect its mail until then`
          : `Until when (UTC) the old mail server of ${domain} may still be tried first; it stays a backup (LegacyPolicy.DEMOTE) and receives mail whenever CloudMail does not answer`,
      });
    }
  }
}

/** References to the Terraform locals a gate reads. */
interface GateState {
  /** The frozen markers' inputs, by stage. */
  readonly earlier: string;
  readonly maxSeq: string;
  /** The stage applied last before this one, NO_STAGE, or UNREADABLE. */
  readonly latest: string;
  readonly latestAt: string;
  /** True once this stage's marker was stamped by an earlier plan. */
  readonly settled: string;
  readonly waitSeconds?: string;
  /** When this stage's wait is over; absent for stages that do not wait. */
  readonly earliest?: string;
}

/** What `latest_stage` holds when the markers in state cannot be read. */
const UNREADABLE = 'UNREADABLE';

/** The `input` attribute of a `terraform_data`. */
const INPUT = 'input';

/** The ways `stage` is refused because of what was applied before it, each with its message. */
function refusals(stage: RolloutStage, domain: string, state: GateState): { refusedAfter: string[]; message: string }[] {
  const backward = (refusedAfter: string[], back: string) => ({
    refusedAfter,
    message: `${stage} refused: ${shown(state.latest)} was applied at ${shown(state.latestAt)} (UTC), after ${stage}. ${back}`,
  });
  switch (stage) {
    case RolloutStage.LOWER_TTL:
      return [backward([RolloutStage.CUTOVER, RolloutStage.COMPLETE], `Going back to LOWER_TTL would delete the CloudMail records of ${domain} at once. To go back, set rollout.stage to ROLLBACK (allowed at any time): it puts the old records back on top and keeps CloudMail's below them.`)];
    case RolloutStage.CUTOVER:
      return [
        { refusedAfter: [NO_STAGE], message: `CUTOVER refused: the LOWER_TTL stage of ${domain} has not been applied in this Terraform state (never, or its last apply failed). Apply rollout.stage LOWER_TTL first; skipping a stage is never allowed.${LOST_STATE}` },
        backward([RolloutStage.COMPLETE], 'To go back, apply rollout.stage ROLLBACK; CUTOVER may follow it.'),
      ];
    case RolloutStage.COMPLETE:
      return [
        { refusedAfter: [NO_STAGE, RolloutStage.LOWER_TTL], message: `COMPLETE refused: the CUTOVER stage of ${domain} has not been applied in this Terraform state (never, or its last apply failed). Apply rollout.stage CUTOVER first; skipping a stage is never allowed.${LOST_STATE}` },
        { refusedAfter: [RolloutStage.ROLLBACK], message: `COMPLETE refused: ${domain} was rolled back (ROLLBACK applied at ${shown(state.latestAt)} UTC). Apply rollout.stage CUTOVER again first; COMPLETE follows after its soak.` },
      ];
    case RolloutStage.ROLLBACK:
      return [{ refusedAfter: [NO_STAGE], message: `ROLLBACK refused: the LOWER_TTL stage of ${domain} has not been applied in this Terraform state, so there is no rollout to go back from.${LOST_STATE}` }];
  }
}

/** Said wherever a gate finds no earlier stage: the state may be new, or lost. */
const LOST_STATE = ' If the domain already moved to CloudMail and this Terraform state was lost or recreated, do NOT apply LOWER_TTL: it would put the old records back on top and send mail to a server that may be gone. Adopt the live records instead: remove rollout and set adopt: true on the CloudMailMx (on Cloudflare with the importId of each server), as the README section Moving a live domain describes.';

/** Why CUTOVER (the old TTL) or COMPLETE (the soak) waits, counted from the latest stage and never shorter than a value remembered in state. */
function waitMessage(props: RolloutGatesProps, state: GateState): string {
  const cutover = props.stage === RolloutStage.CUTOVER;
  const current = cutover ? props.previousTtl : props.soak;
  const seconds = shown(state.waitSeconds!);
  const why = cutover
    ? `resolvers may still cache the old MX records of ${props.domain} for up to ${seconds} s, their TTL before it was lowered to ${props.rolloutTtl} s`
    : `the cutover of ${props.domain} needs ${seconds} s to propagate before the old records go`;
  const setting = cutover ? 'rollout.previousTtl' : 'rollout.soak';
  const remembered = `\${try(${state.waitSeconds} > ${current} ? ${hclString(` (${setting} is ${current} s now, but a longer value was in effect at an earlier stage, and the longer one counts)`)} : "", "")}`;
  return `${props.stage} refused until ${shown(state.earliest!)} (UTC): ${why}${remembered}. ${shown(state.latest)} was applied at ${shown(state.latestAt)}; plan again after that time.`;
}

/**
 * Until when the old server may still get mail: the later of the cutover
 * plus the longest TTL in play or the soak, and (when the old records are
 * deleted) this apply plus the rollout TTL, as caches may still hold the
 * cutover's set, where the old records were backups.
 */
function oldServerMailUntil(address: (stage: RolloutStage) => string, props: RolloutGatesProps): string {
  const cutover = (field: MarkerField) => `${address(RolloutStage.CUTOVER)}.input.${field}`;
  const longest = hclMax([String(props.rolloutTtl), String(props.soak), cutover(MarkerField.PREVIOUS_TTL), cutover(MarkerField.SOAK)]);
  const afterCutover = timePlus(cutover(MarkerField.AT), longest);
  if (props.oldServerPolicy !== LegacyPolicy.DELETE) return afterCutover;
  return laterOf(afterCutover, timePlus(`${address(RolloutStage.COMPLETE)}.input.${MarkerField.AT}`, String(props.rolloutTtl)));
}

/** A short fingerprint of what a stage writes: its records and TTL. */
export function stageFingerprint(records: readonly MxRecord[], ttl: number): string {
  return createHash('sha256').update(JSON.stringify({ records: records.map((record) => `${record.priority} ${record.hostName}`), ttl })).digest('hex').slice(0, 16);
}
