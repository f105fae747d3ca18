import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Weekday } from '../../lib';
import { hclString, nextOpening, windowOpen } from '../../lib/rollout/gate-expressions';
import { validateWindow, WindowMinutes } from '../../lib/rollout/maintenance-window';
import { describeWithTerraform } from './gate-workspace';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The window's answers for many times, from one `terraform console` run. */
async function evaluate(window: WindowMinutes, times: readonly string[]): Promise<[boolean, string][]> {
  const expression = `jsonencode([for t in [${times.map(hclString).join(', ')}] : [${windowOpen(window, 't')}, ${nextOpening(window, 't')}]])`;
  // A directory per run: the console locks its (empty) state.
  const dir = mkdtempSync(join(tmpdir(), 'window-console-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'terraformrc'), '');
  const child = run('terraform', ['console'], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'terraformrc') } });
  child.child.stdin!.end(`${expression}\n`);
  const { stdout } = await child;
  return JSON.parse(JSON.parse(stdout.trim()));
}

/** The rule, by brute force over every opening around `time`: open in [opening, opening + length), next is the first opening after. */
function reference(window: WindowMinutes, time: number): [boolean, string] {
  const minute = Math.floor(time / MINUTE) * MINUTE;
  const midnight = Math.floor(time / DAY) * DAY;
  const length = ((window.end - window.start + 1440) % 1440) * MINUTE;
  const openings = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8]
    .map((days) => midnight + days * DAY)
    .filter((day) => window.days.includes((new Date(day).getUTCDay() + 6) % 7))
    .map((day) => day + window.start * MINUTE);
  const open = openings.some((opening) => opening <= minute && minute < opening + length);
  const next = openings.find((opening) => opening > minute)!;
  return [open, new Date(next).toISOString().replace('.000', '')];
}

const windows: [string, { days?: Weekday[]; startUtc: string; endUtc: string }][] = [
  ['every evening', { startUtc: '18:00', endUtc: '23:00' }],
  ['Friday night, across midnight', { days: [Weekday.FRIDAY], startUtc: '22:00', endUtc: '06:00' }],
  ['weekend days', { days: [Weekday.SATURDAY, Weekday.SUNDAY], startUtc: '09:30', endUtc: '17:45' }],
  ['Sunday, across midnight into Monday', { days: [Weekday.SUNDAY], startUtc: '23:30', endUtc: '00:30' }],
];

describeWithTerraform('the maintenance window expressions agree with the rule at any time', () => {
  test.concurrent.each(windows)('%s', async (_name, window) => {
    const minutes = validateWindow(window, 'rollout.window').minutes!;
    // Every 37 minutes over two weeks (all weekdays and minutes of the day drift past), plus each boundary.
    const start = Date.parse('2026-11-23T00:00:00Z');
    const sampled = Array.from({ length: 2 * 7 * 24 * 60 / 37 }, (_, i) => start + i * 37 * MINUTE + (i % 60) * 1000);
    const boundaries = [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [minutes.start, minutes.end].flatMap((at) => [-1, 0, 1].map((delta) => start + day * DAY + (at + delta) * MINUTE)));
    const times = [...sampled, ...boundaries];
    const answers = await evaluate(minutes, times.map((time) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')));
    expect(answers).toEqual(times.map((time) => reference(minutes, time)));
  }, 30_000);
});
