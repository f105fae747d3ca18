import { Weekday } from '../../lib';
import { describeWindow, minutesToNextOpening, validateWindow } from '../../lib/rollout/maintenance-window';

test.each([
  [{ startUtc: '7:00', endUtc: '09:00' }, 'rollout.window.startUtc', /HH:MM/],
  [{ startUtc: '24:00', endUtc: '09:00' }, 'rollout.window.startUtc', /HH:MM/],
  [{ startUtc: '09:00', endUtc: '09:00' }, 'rollout.window.endUtc', /equals startUtc/],
  [{ days: [], startUtc: '09:00', endUtc: '10:00' }, 'rollout.window.days', /distinct weekdays/],
  [{ days: [Weekday.MONDAY, Weekday.MONDAY], startUtc: '09:00', endUtc: '10:00' }, 'rollout.window.days', /distinct weekdays/],
])('window %j is refused at %s', (window, property, problem) => {
  expect(validateWindow(window, 'rollout.window').reasons).toEqual([expect.objectContaining({ property, problem: expect.stringMatching(problem) })]);
});

test('a valid window in minutes and in words; days default to every day', () => {
  const friday = validateWindow({ days: [Weekday.SUNDAY, Weekday.FRIDAY], startUtc: '22:00', endUtc: '06:30' }, 'rollout.window');
  expect(friday).toEqual({ minutes: { days: [4, 6], start: 1320, end: 390 }, reasons: [] });
  expect(describeWindow(friday.minutes!)).toBe('Fri, Sun 22:00-06:30 UTC (across midnight)');
  expect(describeWindow(validateWindow({ startUtc: '18:00', endUtc: '23:00' }, 'w').minutes!)).toBe('every day 18:00-23:00 UTC');
});

test('the next opening is today\'s when it is still ahead on an opening day, else the next opening day\'s', () => {
  const weekends = validateWindow({ days: [Weekday.SATURDAY, Weekday.SUNDAY], startUtc: '10:00', endUtc: '12:00' }, 'w').minutes!;
  expect(minutesToNextOpening(weekends, 5, true)).toBe(600); // Saturday before 10:00: today
  expect(minutesToNextOpening(weekends, 5, false)).toBe(1440 + 600); // Saturday after: Sunday
  expect(minutesToNextOpening(weekends, 6, false)).toBe(6 * 1440 + 600); // Sunday after: next Saturday
});
