import { minutesToNextOpening, WEEKDAY_ABBREVIATIONS, WindowMinutes } from './maintenance-window';
import { RolloutStage } from './rollout-stage';

/**
 * The Terraform expressions the rollout gates evaluate, as HCL text inside
 * `${…}` templates of the synthesized JSON. Written out rather than built
 * from cdktf's Fn tokens: they are long, and must read like the rules they are.
 */

/** What a marker created by a later stage holds: known at plan time, so a skipped stage is refused before anything is applied. */
export const NEVER_APPLIED = 'never-applied';
/** The name a gate uses when no other stage was ever applied. */
export const NO_STAGE = 'NONE';

/** The fields every stage marker's `input` holds. */
export enum MarkerField {
  /** When the stage's records were applied (`timestamp()` after them), or NEVER_APPLIED. */
  AT = 'at',
  /** Order of application: one more than every other marker's when the stage was applied; 0 when never. */
  SEQ = 'seq',
  /** The longest previousTtl, in seconds, in effect at this or any earlier stage. */
  PREVIOUS_TTL = 'previous_ttl',
  /** The longest soak, in seconds, in effect at this or any earlier stage. */
  SOAK = 'soak',
  /** A fingerprint of the records and TTL the stage wrote. */
  WROTE = 'wrote',
  /**
   * The plan that stamped the marker: equal to `plantimestamp()` in that plan
   * (and, as it counts whole seconds, in another plan of the same second,
   * which then checks the gate again: never a pass it should not get).
   */
  PLANNED_AT = 'planned_at',
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '${': '$${', '%{': '%%{' };

/** A quoted HCL string literal; quotes, backslashes and template sequences are escaped. */
export function hclString(text: string): string {
  const escaped = text.replace(/[\\"\n]|\$\{|%\{/g, (match) => ESCAPES[match]);
  return `"${escaped}"`;
}

/** A condition that refuses the stage when it cannot be evaluated: an error in a gate never lets a stage through. */
export function failClosed(condition: string): string {
  return `\${try(${condition}, false)}`;
}

/** A message interpolation that never fails (an error or null shows `fallback`): Terraform evaluates every error message, even of conditions that hold. */
export function shown(expression: string, fallback = '?'): string {
  return `\${try(${expression} == null ? ${hclString(fallback)} : ${expression}, ${hclString(fallback)})}`;
}

/** `max(...)` of HCL number expressions. */
export function hclMax(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `max(${values.join(', ')})`;
}

/** The later of two timestamps. */
export function laterOf(a: string, b: string): string {
  return `(timecmp(${a}, ${b}) >= 0 ? ${a} : ${b})`;
}

/** `at` plus `seconds` (an HCL number expression). */
export function timePlus(at: string, seconds: string): string {
  return `timeadd(${at}, format("%ds", ${seconds}))`;
}

/** `{ LOWER_TTL = terraform_data.….input, … }`: the inputs of the given markers, by stage. */
export function markerInputs(addresses: Readonly<Partial<Record<RolloutStage, string>>>): string {
  return `{ ${Object.entries(addresses).map(([stage, address]) => `${stage} = ${address}.input`).join(', ')} }`;
}

/** The largest value of a field among the markers of `inputs` (an object of marker inputs). */
export function largestOf(inputs: string, field: MarkerField): string {
  return `max([for marker in values(${inputs}) : marker.${field}]...)`;
}

/** The stage among `inputs` applied last (highest `seq`), or NO_STAGE when none was (`maxSeq` is 0). */
export function latestStage(inputs: string, maxSeq: string): string {
  return `${maxSeq} == 0 ? ${hclString(NO_STAGE)} : one([for stage, marker in ${inputs} : stage if marker.${MarkerField.SEQ} == ${maxSeq}])`;
}

/** Weekday (`Mon`) and minute of the day of a timestamp, in UTC. */
function weekday(now: string): string {
  return `formatdate("EEE", ${now})`;
}

function minuteOfDay(now: string): string {
  return `(parseint(formatdate("hh", ${now}), 10) * 60 + parseint(formatdate("mm", ${now}), 10))`;
}

function dayList(days: readonly number[]): string {
  return `[${days.map((day) => hclString(WEEKDAY_ABBREVIATIONS[day])).join(', ')}]`;
}

/** True when `now` (an HCL timestamp expression) falls inside the window. A window across midnight belongs to the day it opens. */
export function windowOpen(window: WindowMinutes, now: string): string {
  const today = `contains(${dayList(window.days)}, ${weekday(now)})`;
  const minute = minuteOfDay(now);
  if (window.start < window.end) return `(${today} && ${minute} >= ${window.start} && ${minute} < ${window.end})`;
  const dayAfterOpening = `contains(${dayList(window.days.map((day) => (day + 1) % 7))}, ${weekday(now)})`;
  return `((${today} && ${minute} >= ${window.start}) || (${dayAfterOpening} && ${minute} < ${window.end}))`;
}

/** The next time the window opens after `now`, for when it is closed: midnight of `now` plus a table of minutes computed at synth time. */
export function nextOpening(window: WindowMinutes, now: string): string {
  const table = WEEKDAY_ABBREVIATIONS.flatMap((name, day) => [true, false].map((beforeStart) => `"${name}-${beforeStart}" = ${minutesToNextOpening(window, day, beforeStart)}`));
  const key = `format("%s-%t", ${weekday(now)}, ${minuteOfDay(now)} < ${window.start})`;
  return `timeadd(formatdate("YYYY-MM-DD'T00:00:00Z'", ${now}), format("%dm", lookup({ ${table.join(', ')} }, ${key})))`;
}
