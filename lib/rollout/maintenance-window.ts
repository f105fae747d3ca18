import { ValidationReason } from '../model/validation-reason';

/** A day of the week, in UTC. */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/** When CUTOVER and COMPLETE may be applied: the CloudMail article advises an evening or a weekend, when little mail arrives. */
export interface MaintenanceWindow {
  /**
   * The days (UTC) the window opens on. A window that wraps midnight runs
   * on into the next day: `[FRIDAY]` with 22:00-06:00 is Friday night.
   * @default - every day
   */
  readonly days?: Weekday[];
  /** When the window opens, `HH:MM` in UTC (24-hour clock), e.g. `22:00`. */
  readonly startUtc: string;
  /** When it closes, `HH:MM` in UTC; earlier than `startUtc` for a window across midnight, e.g. `06:00`. */
  readonly endUtc: string;
}

/** A valid window in numbers: days 0 (Monday) to 6, minutes after midnight UTC. */
export interface WindowMinutes {
  readonly days: readonly number[];
  readonly start: number;
  readonly end: number;
}

/** The weekdays in order, Monday first, as Terraform's `formatdate("EEE")` names them. */
export const WEEKDAYS: readonly Weekday[] = Object.values(Weekday);
export const WEEKDAY_ABBREVIATIONS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const MINUTES_PER_DAY = 24 * 60;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The window in minutes, or the reasons it is not a window. */
export function validateWindow(window: MaintenanceWindow, property: string): { minutes?: WindowMinutes; reasons: ValidationReason[] } {
  const reasons: ValidationReason[] = [];
  const start = clockMinutes(window?.startUtc, `${property}.startUtc`, reasons);
  const end = clockMinutes(window?.endUtc, `${property}.endUtc`, reasons);
  if (start !== undefined && start === end) {
    reasons.push({ property: `${property}.endUtc`, value: window.endUtc, problem: 'equals startUtc, so the window would be empty or a whole day', fix: 'give a window that closes at another time, or leave rollout.window out to allow any time' });
  }
  const days = window?.days ?? WEEKDAYS;
  if (!Array.isArray(days) || days.length === 0 || days.some((day) => !WEEKDAYS.includes(day)) || new Set(days).size !== days.length) {
    reasons.push({ property: `${property}.days`, value: window?.days, problem: 'is not a list of distinct weekdays', fix: 'list each day once, e.g. [Weekday.SATURDAY, Weekday.SUNDAY], or leave days out for every day' });
  }
  if (reasons.length > 0 || start === undefined || end === undefined) return { reasons };
  return { minutes: { days: WEEKDAYS.map((day, index) => (days.includes(day) ? index : -1)).filter((index) => index >= 0), start, end }, reasons };
}

/** "Sat, Sun 22:00-06:00 UTC" or "every day 22:00-06:00 UTC". */
export function describeWindow(window: WindowMinutes): string {
  const days = window.days.length === 7 ? 'every day' : window.days.map((day) => WEEKDAY_ABBREVIATIONS[day]).join(', ');
  return `${days} ${clockText(window.start)}-${clockText(window.end)} UTC${window.end < window.start ? ' (across midnight)' : ''}`;
}

/**
 * Minutes from midnight of a weekday to the next opening, for a plan made
 * on that day before (`beforeStart`) or after the day's opening time, when
 * the window is closed: today's opening if it is still ahead and today is
 * an opening day, else the next opening day's.
 */
export function minutesToNextOpening(window: WindowMinutes, weekday: number, beforeStart: boolean): number {
  for (let days = beforeStart ? 0 : 1; days <= 7; days++) {
    if (window.days.includes((weekday + days) % 7)) return days * MINUTES_PER_DAY + window.start;
  }
  throw new Error('a window has at least one day');
}

function clockMinutes(value: unknown, property: string, reasons: ValidationReason[]): number | undefined {
  const match = typeof value === 'string' ? CLOCK_TIME.exec(value) : null;
  if (match !== null) return Number(match[1]) * 60 + Number(match[2]);
  reasons.push({ property, value, problem: 'is not a time of day as HH:MM (24-hour clock, UTC)', fix: 'write e.g. "22:00" or "06:30"' });
  return undefined;
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
