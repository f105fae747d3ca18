import { DataResource, Fn, ITerraformDependable, Op, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { gateId } from './gate-id';
import { RolloutStage } from './rollout-stage';

/** What {@link RolloutGates} needs to know. */
export interface RolloutGatesProps {
  readonly domain: string;
  /** False when there is nothing to wait for (no legacy records): only the outputs are made. */
  readonly gated: boolean;
  readonly stage: RolloutStage;
  readonly previousTtl: number;
  readonly rolloutTtl: number;
  readonly soak: number;
}

/**
 * A marker a stage leaves in state when a configuration that has not applied
 * it creates the marker: known at plan time, so a skipped stage is refused
 * before anything is applied.
 */
const NEVER_APPLIED = 'never-applied';


/**
 * The stage gates, made only of Terraform's builtin `terraform_data`, so
 * they need no provider and never depend on one:
 * - `lower_ttl_applied` / `cutover_applied` record when their stage was
 *   applied (apply-time `timestamp()`, kept by `ignore_changes`);
 * - `cutover_gate` / `complete_gate` refuse the plan, with the earliest safe
 *   time in UTC, until the previous stage was applied and its wait is over.
 * The records depend on `dependables`.
 */
export class RolloutGates extends Construct {
  /** What every record of this stage must depend on. */
  public readonly dependables: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, props: RolloutGatesProps) {
    super(scope, id);
    const { domain, stage } = props;
    const nextStageEarliest = props.gated ? this.gateStages(props) : 'any time: there are no legacy records to wait for';
    new TerraformOutput(this, 'stage', { value: stage, description: `Rollout stage of ${domain}` });
    new TerraformOutput(this, 'next_stage_earliest', {
      value: stage === RolloutStage.COMPLETE ? 'none: the rollout is complete' : nextStageEarliest,
      description: `Earliest time (UTC) the next rollout stage of ${domain} may be applied`,
    });
  }

  /** Makes the markers and gates of the current stage; returns when the next stage may be applied. */
  private gateStages(props: RolloutGatesProps): string {
    const { domain, stage } = props;
    const loweredAt = this.stageApplied('lower_ttl_applied', stage === RolloutStage.LOWER_TTL);
    let nextStageEarliest = Fn.timeadd(loweredAt.appliedAt, `${props.previousTtl}s`);

    if (stage !== RolloutStage.LOWER_TTL) {
      const cutoverGate = this.gate(gateId(RolloutStage.CUTOVER), {
        stageName: 'CUTOVER',
        previous: loweredAt,
        previousName: 'LOWER_TTL',
        waitSeconds: props.previousTtl,
        why: `resolvers may still cache the old MX records of ${domain} for up to ${props.previousTtl} s, their TTL before it was lowered to ${props.rolloutTtl} s`,
      });
      const cutoverAt = this.stageApplied('cutover_applied', stage === RolloutStage.CUTOVER, [cutoverGate]);
      nextStageEarliest = Fn.timeadd(cutoverAt.appliedAt, `${props.soak}s`);
      if (stage === RolloutStage.COMPLETE) {
        this.gate(gateId(RolloutStage.COMPLETE), {
          stageName: 'COMPLETE',
          previous: cutoverAt,
          previousName: 'CUTOVER',
          waitSeconds: props.soak,
          why: `the cutover of ${domain} needs ${props.soak} s to propagate before the old records go`,
        });
      }
    }
    return nextStageEarliest;
  }

  /** A marker holding the time its stage was applied, or NEVER_APPLIED when created by a later stage. */
  private stageApplied(id: string, isThisStage: boolean, dependsOn: ITerraformDependable[] = []): { appliedAt: string } {
    const marker = new DataResource(this, id, {
      input: { at: isThisStage ? Fn.timestamp() : NEVER_APPLIED },
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      lifecycle: { ignoreChanges: ['input'] },
    });
    this.dependables.push(marker);
    // `input`, not `output`: for a marker created by this plan, input is the
    // known sentinel while output is unknown, which would defer the gate to apply.
    return { appliedAt: marker.getStringAttribute('input.at') };
  }

  private gate(id: string, gate: { stageName: string; previous: { appliedAt: string }; previousName: string; waitSeconds: number; why: string }): DataResource {
    const earliest = Fn.timeadd(gate.previous.appliedAt, `${gate.waitSeconds}s`);
    // Terraform evaluates every error message, so this one must survive the sentinel too.
    const earliestText = Fn.try([earliest, `${gate.waitSeconds} s after ${gate.previousName} is applied`]);
    const resource = new DataResource(this, id, {
      input: { wait_seconds: gate.waitSeconds },
      lifecycle: {
        precondition: [
          {
            condition: Op.neq(gate.previous.appliedAt, NEVER_APPLIED),
            errorMessage: `${gate.stageName} refused: the ${gate.previousName} stage was never applied. Apply rollout.stage ${gate.previousName} first; skipping a stage is never allowed.`,
          },
          {
            // timecmp is -1 while the plan starts before `earliest`.
            condition: Fn.try([Op.neq(Fn.timecmp(Fn.plantimestamp(), earliest), -1), true]),
            errorMessage: `${gate.stageName} refused until ${earliestText} (UTC): ${gate.why}. ${gate.previousName} was applied at ${gate.previous.appliedAt}; plan again after that time.`,
          },
        ],
      },
    });
    this.dependables.push(resource);
    return resource;
  }
}
