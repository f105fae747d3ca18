import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CloudMailMx, DnsTarget, RolloutStage } from '../lib';
import { cloudMailDomain, movingDomain, removeSynths, summarize, synthMail } from './tools/summary/summary-synths';

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

test('a pull request: npm ci, cdktf synth, the summary against the base branch posted as the comment, the LOWER_TTL check, terraform plan per stack', () => {
  const steps = [/^npm ci$/, /^npx cdktf synth$/, /npx cdktf synth --output "\$RUNNER_TEMP\/base\.out"/, /npx cloudmail-mx summary cdktf\.out --base "\$RUNNER_TEMP\/base\.out".*> mx-summary\.md/, /^marocchino\/sticky-pull-request-comment@/, /npx cloudmail-mx check --from-synth cdktf\.out --authoritative \$domains/, /for stack in cdktf\.out\/stacks\/\*\/;[\s\S]*terraform -chdir="\$stack" plan/];
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

describe('the LOWER_TTL check of a pull request', () => {
  const step = commands('review').find((command) => command.includes('cloudmail-mx check --from-synth')) ?? '';
  const jqAvailable = spawnSync('jq', ['--version']).error === undefined;
  if (!jqAvailable && process.env.CI === 'true') throw new Error('jq is not installed, so the workflow\'s domain filter cannot be tested. Fix: apt-get install -y jq (or run .ci/install-system-packages).');
  if (!jqAvailable) process.stderr.write('\n!!! SKIPPING: jq is not installed (apt-get install -y jq).\n\n');
  afterAll(removeSynths);

  (jqAvailable ? test : test.skip)('checks exactly the domains this pull request moves into LOWER_TTL with legacy records, from the summary of the real synths', () => {
    const base = synthMail((stack) => {
      movingDomain(stack, 'advancing.example', RolloutStage.LOWER_TTL);
      movingDomain(stack, 'unchanged.example', RolloutStage.LOWER_TTL);
    });
    const head = synthMail((stack) => {
      movingDomain(stack, 'entering.example', RolloutStage.LOWER_TTL);
      movingDomain(stack, 'advancing.example', RolloutStage.CUTOVER);
      movingDomain(stack, 'unchanged.example', RolloutStage.LOWER_TTL);
      cloudMailDomain(stack, 'plain.example');
      new CloudMailMx(stack, 'fresh-example', { domain: 'fresh.example', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }), rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 3600 } });
    });
    const filter = /jq -r '([^']+)'/.exec(step)?.[1];
    const selected = spawnSync('jq', ['-r', filter ?? ''], { input: JSON.stringify(summarize(head, base)), encoding: 'utf8' });
    expect(selected.stderr).toBe('');
    expect(selected.stdout.split('\n').filter(Boolean)).toEqual(['entering.example']);
  });
});
