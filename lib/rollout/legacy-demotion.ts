import { MxRecord } from '../model/mx-server';

/** Gap between demoted priorities, the same step CloudMail.servers() uses. */
const DEMOTION_STEP = 10;

/**
 * Moves legacy records above every CloudMail priority, keeping their order
 * and their ties: each distinct legacy priority becomes the next step above
 * the highest CloudMail priority.
 */
export function demoteLegacyRecords(legacy: readonly MxRecord[], cloudMail: readonly MxRecord[]): MxRecord[] {
  const floor = Math.max(...cloudMail.map((record) => record.priority));
  const ranks = [...new Set(legacy.map((record) => record.priority))].sort((a, b) => a - b);
  return legacy.map((record) => ({ ...record, priority: floor + DEMOTION_STEP * (ranks.indexOf(record.priority) + 1) }));
}
