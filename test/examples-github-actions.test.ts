import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The parts of a GitHub Actions workflow the test reads. */
interface Workflow {
  readonly on: Record<string, { readonly branches?: string[] }>;
  readonly jobs: Record<string, { readonly if?: string; readonly steps: { readonly name?: string; readonly uses?: string; readonly run?: string; readonly with?: Record<string, unknown> }[] }>;
}

const workflow = parse(readFileSync(join(__dirname, '..', 'examples', 'github-actions', 'mail-dns.yml'), 'utf8')) as Workflow;
/** Every command a job runs, and every action it uses, in order. */
const commands = (job: string): string[] => workflow.jobs[job].steps.flatMap((step) => [step.uses, step.run]).filter((line): line is string => line !== undefined);
const indexOf = (job: string, pattern: RegExp): number => commands(job).findIndex((command) => pattern.test(command));

test('runs on pull requests and on pushes to main', () => {
  expect(workflow.on.pull_request).toBeDefined();
  expect(workflow.on.push.branches).toEqual(['main']);
  expect(workflow.jobs.review.if).toBe("github.event_name == 'pull_request'");
  expect(workflow.jobs.deploy.if).toContain("github.ref == 'refs/heads/main'");
});

test('a pull request: npm ci, cdktf synth, the summary against the base branch posted as the comment, terraform plan per stack', () => {
  const steps = [/^npm ci$/, /^npx cdktf synth$/, /npx cdktf synth --output "\$RUNNER_TEMP\/base\.out"/, /npx cloudmail-mx summary cdktf\.out --base "\$RUNNER_TEMP\/base\.out".*> mx-summary\.md/, /^marocchino\/sticky-pull-request-comment@/, /for stack in cdktf\.out\/stacks\/\*\/;[\s\S]*terraform -chdir="\$stack" plan/];
  const positions = steps.map((step) => indexOf('review', step));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(workflow.jobs.review.steps.find((step) => step.uses?.startsWith('marocchino/'))?.with).toEqual({ header: 'cloudmail-mx-summary', path: 'mx-summary.md' });
});

test('a merge to main: cdktf deploy per stack, then cloudmail-mx check of the synthesized domains on the authoritative servers', () => {
  const deploy = indexOf('deploy', /for stack in cdktf\.out\/stacks\/\*\/;[\s\S]*npx cdktf deploy "\$\(basename "\$stack"\)" --auto-approve/);
  const check = indexOf('deploy', /^npx cloudmail-mx check --from-synth cdktf\.out --authoritative$/);
  expect(deploy).toBeGreaterThan(indexOf('deploy', /^npm ci$/));
  expect(check).toBeGreaterThan(deploy);
});
