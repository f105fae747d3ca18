import { MxRecord } from '../model/mx-server';

/** Gap between demoted priorities, the same step CloudMail.servers() uses. */
const DEMOTION_STEP = 10;

/**
 * Moves `records` below every record of `kept` (to higher priority
 * numbers), keeping their order and their ties: each distinct priority
 * becomes the next step above the highest priority of `kept`. CUTOVER
 * demotes the legacy records below CloudMail's; ROLLBACK, CloudMail's below
 * the legacy ones.
 */
export function demoteRecords(records: readonly MxRecord[], kept: readonly MxRecord[]): MxRecord[] {
  const floor = Math.max(...kept.map((record) => record.priority));
  const ranks = [...new Set(records.map((record) => record.priority))].sort((a, b) => a - b);
  return records.map((record) => ({ ...record, priority: floor + DEMOTION_STEP * (ranks.indexOf(record.priority) + 1) }));
}
