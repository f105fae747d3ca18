import { RolloutStage } from './rollout-stage';

/** The id of the `terraform_data` gate that refuses `stage` too early; tools reading synth output find gates by it (without loading cdktf). */
export function gateId(stage: RolloutStage): string {
  return `${stage.toLowerCase()}_gate`;
}
