import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RolloutStage } from '../../../lib';
import { runCli } from '../../../tools/cli';
import { writeSynthFolder } from '../synth/synth-to-temp-dir';
import { removeSynths, synthExampleStage } from './summary-synths';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'cloudmail-mx');
const [lowerTtl, cutover] = [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER].map(synthExampleStage);
const broken = writeSynthFolder({ mail: 'not json' });
const failed = writeSynthFolder({}, false);
afterAll(() => {
  removeSynths();
  [broken, failed].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function summary(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['summary', ...args], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

test('prints the Markdown report and exits 0, warnings included', async () => {
  const { code, stdout } = await summary(cutover, '--base', lowerTtl);
  expect(code).toBe(0);
  expect(stdout).toContain('**MASS_CHANGE** 2 domain(s) change at once in stack mail-rollout');
});

test('--json prints the report as data', async () => {
  const { code, stdout } = await summary(cutover, '--base', lowerTtl, '--json', '--max-change-percent', '100');
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report).toMatchObject({ compared: true, maxChangePercent: 100, warnings: [] });
  expect(report.stacks[0].domains[0].change.stageMove).toEqual({ from: 'LOWER_TTL', to: 'CUTOVER' });
});

test.each([
  [['/nonexistent/cdktf.out'], '/nonexistent/cdktf.out has no stacks/ folder, so it is not the output of cdktf synth. Fix: run "npx cdktf synth"'],
  [[broken], 'cdk.tf.json is not valid JSON'],
  [[failed], 'has no manifest.json, so its synth did not finish'],
  [[cutover, '--base', '/nonexistent/base.out'], '--base /nonexistent/base.out has no stacks/ folder'],
  [[], 'No synth output folder given. Fix: pass the folder cdktf synth wrote'],
  [[cutover, lowerTtl], 'Expected one synth output folder, got 2'],
  [[cutover, '--max-change-percent', 'many'], '--max-change-percent many is not a percentage. Fix: give a number from 0 to 100'],
  [[cutover, '--frobnicate'], "Unknown option '--frobnicate'"],
])('summary %j exits 2 and says what to do', async (args, message) => {
  const { code, stdout, stderr } = await summary(...args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain(`cloudmail-mx summary: `);
  expect(stderr).toContain(message);
});

test('./bin/cloudmail-mx summary exits 2 on a missing folder', async () => {
  const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(BIN, ['summary', '/nonexistent/cdktf.out'], (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stderr }));
  });
  expect(result).toEqual({ code: 2, stderr: expect.stringContaining('has no stacks/ folder') });
}, 20_000);
