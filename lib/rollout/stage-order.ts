import { RolloutStage } from './rollout-stage';

/**
 * Which stage may have been applied last before each stage (undefined: none,
 * the start of a rollout). Forward, one stage at a time; back only through
 * ROLLBACK, after which the move starts again at LOWER_TTL or CUTOVER. The
 * gates enforce it; the summary warns about it before the plan runs.
 */
export const STAGE_PREDECESSORS: Readonly<Record<RolloutStage, readonly (RolloutStage | undefined)[]>> = {
  [RolloutStage.LOWER_TTL]: [undefined, RolloutStage.ROLLBACK],
  [RolloutStage.CUTOVER]: [RolloutStage.LOWER_TTL, RolloutStage.ROLLBACK],
  [RolloutStage.COMPLETE]: [RolloutStage.CUTOVER],
  [RolloutStage.ROLLBACK]: [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE],
};

/** The stages that must be applied between `from` (undefined: the start) and `to`, in order; empty when `to` may follow `from`. */
export function stagesBetween(from: RolloutStage | undefined, to: RolloutStage): RolloutStage[] {
  // Breadth-first over "may follow", from `from`: the shortest allowed path.
  const paths = new Map<RolloutStage | undefined, RolloutStage[]>([[from, []]]);
  const queue: (RolloutStage | undefined)[] = [from];
  while (queue.length > 0) {
    const stage = queue.shift();
    for (const next of Object.values(RolloutStage)) {
      if (paths.has(next) || !STAGE_PREDECESSORS[next].includes(stage)) continue;
      paths.set(next, [...paths.get(stage)!, next]);
      queue.push(next);
    }
  }
  return (paths.get(to) ?? []).slice(0, -1);
}
