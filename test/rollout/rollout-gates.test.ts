import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RolloutStage } from '../../lib';
import { StageOptions, synthStage } from './staging';

/**
 * The gates applied by the real terraform binary, offline: the synthesized
 * Cloudflare stack minus everything that needs a provider plugin (the gates
 * never depend on one), with local state.
 */
const terraformFound = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
if (!terraformFound && process.env.CI) {
  throw new Error('terraform is not on PATH: the rollout gate tests need the real binary and CI must not skip them.');
}
if (!terraformFound) process.stderr.write('SKIPPING the terraform gate tests: terraform is not on PATH.\n');
const describeWithTerraform = terraformFound ? describe : describe.skip;

const workDirs: string[] = [];
afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A Terraform working directory holding one domain's gates. */
class GateWorkspace {
  public readonly dir = mkdtempSync(join(tmpdir(), 'gates-'));
  private initialized = false;

  constructor() {
    workDirs.push(this.dir);
    writeFileSync(join(this.dir, 'terraformrc'), '');
  }

  public write(stage: RolloutStage, options: StageOptions = {}): this {
    const stack = JSON.parse(synthStage('cloudflare', stage, options).json);
    const gateOnly = {
      terraform: { backend: { local: { path: 'terraform.tfstate' } } },
      resource: { terraform_data: stack.resource.terraform_data },
      output: stack.output,
    };
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(gateOnly, null, 2));
    if (!this.initialized) expect(this.run('init')).toMatchObject({ status: 0 });
    this.initialized = true;
    return this;
  }

  public run(command: 'init' | 'plan' | 'apply'): { status: number | null; output: string } {
    const args = command === 'apply' ? ['apply', '-auto-approve'] : [command];
    const result = spawnSync('terraform', [...args, '-input=false', '-no-color'], {
      cwd: this.dir,
      encoding: 'utf8',
      env: this.env(),
    });
    // Terraform wraps long messages; join them back into one line per paragraph.
    return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\n(?=\S)/g, ' ') };
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(this.dir, 'terraformrc') };
  }

  public outputs(): Record<string, string> {
    const result = spawnSync('terraform', ['output', '-json'], { cwd: this.dir, encoding: 'utf8', env: this.env() });
    const parsed = JSON.parse(result.stdout) as Record<string, { value: string }>;
    return Object.fromEntries(Object.entries(parsed).map(([name, output]) => [name.replace(/^example-com_rollout_|_[0-9A-F]{8}$/g, ''), output.value]));
  }
}

const sleepUntil = (epochMs: number) => new Promise((done) => setTimeout(done, Math.max(0, epochMs - Date.now())));
const isoSeconds = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)/;

describeWithTerraform('rollout gates under real terraform', () => {
  test('LOWER_TTL, then CUTOVER after previousTtl, then COMPLETE after soak; each refused until its time', async () => {
    const workspace = new GateWorkspace();
    const before = Date.now();
    expect(workspace.write(RolloutStage.LOWER_TTL, { previousTtl: 2 }).run('apply')).toMatchObject({ status: 0 });
    const lowered = workspace.outputs();
    expect(lowered.stage).toBe('LOWER_TTL');
    const loweredAt = Date.parse(lowered.next_stage_earliest) - 2000;
    expect(loweredAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);

    const refused = workspace.write(RolloutStage.CUTOVER, { previousTtl: 86400 }).run('plan');
    expect(refused.status).not.toBe(0);
    const until = refused.output.match(new RegExp(`CUTOVER refused until ${isoSeconds.source} \\(UTC\\)`));
    expect(until).not.toBeNull();
    expect(Date.parse(until![1]) - loweredAt).toBe(86400 * 1000);
    expect(refused.output).toContain('resolvers may still cache the old MX records of example.com for up to 86400 s');

    await sleepUntil(loweredAt + 3000);
    expect(workspace.write(RolloutStage.CUTOVER, { previousTtl: 2, soak: 2 }).run('apply')).toMatchObject({ status: 0 });
    const cutover = workspace.outputs();
    expect(cutover.stage).toBe('CUTOVER');
    const cutoverAt = Date.parse(cutover.next_stage_earliest) - 2000;
    expect(cutoverAt).toBeGreaterThanOrEqual(loweredAt + 2000);

    const early = workspace.write(RolloutStage.COMPLETE, { previousTtl: 2, soak: 259200 }).run('plan');
    expect(early.status).not.toBe(0);
    expect(early.output).toMatch(new RegExp(`COMPLETE refused until ${isoSeconds.source} \\(UTC\\)`));
    expect(Date.parse(early.output.match(/COMPLETE refused until (\S+)/)![1]) - cutoverAt).toBe(259200 * 1000);

    await sleepUntil(cutoverAt + 3000);
    expect(workspace.write(RolloutStage.COMPLETE, { previousTtl: 2, soak: 2 }).run('apply')).toMatchObject({ status: 0 });
    expect(workspace.outputs()).toEqual({ stage: 'COMPLETE', next_stage_earliest: 'none: the rollout is complete' });

    // Planning the finished stage again changes nothing: the markers keep their times.
    expect(workspace.run('plan').output).toContain('No changes.');
  }, 60_000);

  test('starting at CUTOVER is refused at plan time', () => {
    const result = new GateWorkspace().write(RolloutStage.CUTOVER, { previousTtl: 2 }).run('plan');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('CUTOVER refused: the LOWER_TTL stage was never applied. Apply rollout.stage LOWER_TTL first; skipping a stage is never allowed.');
  }, 30_000);

  test('jumping from LOWER_TTL to COMPLETE is refused at plan time, even once the TTL wait is over', async () => {
    const workspace = new GateWorkspace();
    expect(workspace.write(RolloutStage.LOWER_TTL, { previousTtl: 1 }).run('apply')).toMatchObject({ status: 0 });
    await sleepUntil(Date.parse(workspace.outputs().next_stage_earliest) + 2000);
    const result = workspace.write(RolloutStage.COMPLETE, { previousTtl: 1, soak: 0 }).run('plan');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('COMPLETE refused: the CUTOVER stage was never applied.');
  }, 30_000);
});
