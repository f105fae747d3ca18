import { RolloutStage } from '../../lib';
import { describeWithTerraform, GateWorkspace, sleepUntil, timeAfter } from './gate-workspace';
import { LEGACY, StageOptions, synthStage } from './staging';

/**
 * The gates applied by the real terraform binary, offline (see
 * gate-workspace.ts): each scenario is a Terraform working directory of its
 * own, and the scenarios run concurrently, since most of their time is
 * spent waiting for a gate's wait to pass.
 */
// previousTtl 2, the shortest real wait on Cloudflare (1 is its automatic TTL, 300 s).
const config = (stage: RolloutStage, options: StageOptions = {}) => synthStage('cloudflare', stage, { previousTtl: 2, soak: 1, ...options }).json;
/** Markers hold whole seconds; a wait of `seconds` after `at` is over one second later at the latest. */
const after = (at: string, seconds: number) => Date.parse(at) + (seconds + 1) * 1000;
const seconds = (n: number) => n * 1000;

describeWithTerraform('rollout gates under real terraform', () => {
  test.concurrent('LOWER_TTL, CUTOVER, COMPLETE: each refused until its wait is over, nothing changes on a re-plan, and COMPLETE says until when the old server gets mail', async () => {
    const workspace = new GateWorkspace();
    expect(await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('apply')).toMatchObject({ status: 0 });
    const lowered = (await workspace.markers()).lower_ttl_applied;
    expect(await workspace.outputs()).toEqual({ stage: 'LOWER_TTL', next_stage_earliest: new Date(Date.parse(lowered.at) + seconds(2)).toISOString().replace('.000', '') });

    const early = await (await workspace.write(config(RolloutStage.CUTOVER, { previousTtl: 86400 }))).run('plan');
    expect(early.status).not.toBe(0);
    expect(timeAfter(early.output, 'CUTOVER refused until') - Date.parse(lowered.at)).toBe(seconds(86400));
    expect(early.output).toContain('resolvers may still cache the old MX records of example.com for up to 86400 s, their TTL before it was lowered to 300 s. LOWER_TTL was applied at');

    await sleepUntil(after(lowered.at, 2));
    expect(await (await workspace.write(config(RolloutStage.CUTOVER))).run('apply')).toMatchObject({ status: 0 });
    const cutover = (await workspace.markers()).cutover_applied;
    const tooEarly = await (await workspace.write(config(RolloutStage.COMPLETE, { soak: 259200 }))).run('plan');
    expect(timeAfter(tooEarly.output, 'COMPLETE refused until') - Date.parse(cutover.at)).toBe(seconds(259200));
    expect(tooEarly.output).toContain('the cutover of example.com needs 259200 s to propagate before the old records go');

    await sleepUntil(after(cutover.at, 1));
    expect(await (await workspace.write(config(RolloutStage.COMPLETE))).run('apply')).toMatchObject({ status: 0 });
    const complete = (await workspace.markers()).complete_applied;
    // The later of CUTOVER + the longest TTL in play (the rollout TTL, 300 s) and COMPLETE + the rollout TTL.
    expect(Date.parse((await workspace.outputs()).old_server_mail_until)).toBe(Date.parse(complete.at) + seconds(300));
    expect((await workspace.run('plan')).output).toContain('No changes.');
  }, 30_000);

  test.concurrent('a previousTtl lowered after LOWER_TTL does not shorten the wait: the value in state counts', async () => {
    const workspace = new GateWorkspace();
    expect(await (await workspace.write(config(RolloutStage.LOWER_TTL, { previousTtl: 86400 }))).run('apply')).toMatchObject({ status: 0 });
    const lowered = (await workspace.markers()).lower_ttl_applied;
    expect(lowered.previous_ttl).toBe(86400);
    await sleepUntil(after(lowered.at, 1));
    const refused = await (await workspace.write(config(RolloutStage.CUTOVER, { previousTtl: 2 }))).run('plan');
    expect(refused.status).not.toBe(0);
    expect(timeAfter(refused.output, 'CUTOVER refused until') - Date.parse(lowered.at)).toBe(seconds(86400));
    expect(refused.output).toContain('(rollout.previousTtl is 2 s now, but a longer value was in effect at an earlier stage, and the longer one counts)');
  }, 30_000);

  test.concurrent('a soak lowered after CUTOVER does not shorten the wait for COMPLETE', async () => {
    const workspace = new GateWorkspace();
    await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('apply');
    await sleepUntil(after((await workspace.markers()).lower_ttl_applied.at, 2));
    expect(await (await workspace.write(config(RolloutStage.CUTOVER, { soak: 86400 }))).run('apply')).toMatchObject({ status: 0 });
    const cutover = (await workspace.markers()).cutover_applied;
    await sleepUntil(after(cutover.at, 1));
    const refused = await (await workspace.write(config(RolloutStage.COMPLETE, { soak: 0 }))).run('plan');
    expect(refused.status).not.toBe(0);
    expect(timeAfter(refused.output, 'COMPLETE refused until') - Date.parse(cutover.at)).toBe(seconds(86400));
    expect(refused.output).toContain('(rollout.soak is 0 s now, but a longer value was in effect');
  }, 30_000);

  test.concurrent('a gate that cannot compute its answer refuses: a wait too long for timeadd, a time that is not one, a marker of another format', async () => {
    const tampered = async (input: Record<string, unknown>) => {
      const workspace = new GateWorkspace();
      // A LOWER_TTL configuration whose marker writes `input` instead of its stamp.
      const lower = JSON.parse(config(RolloutStage.LOWER_TTL));
      const [key] = Object.keys(lower.resource.terraform_data).filter((name) => name.includes('lower_ttl_applied'));
      lower.resource.terraform_data[key] = { input };
      expect(await (await workspace.write(JSON.stringify(lower))).run('apply')).toMatchObject({ status: 0 });
      return (await workspace.write(config(RolloutStage.CUTOVER))).run('plan');
    };
    const marker = { at: '2020-01-01T00:00:00Z', seq: 1, previous_ttl: 2, soak: 2, wrote: '', planned_at: '2020-01-01T00:00:00Z' };
    const [overflow, notATime, otherFormat] = await Promise.all([
      tampered({ ...marker, previous_ttl: 9.3e9 }),
      tampered({ ...marker, at: 'yesterday' }),
      tampered({ at: '2020-01-01T00:00:00Z' }),
    ]);
    expect(overflow.status).not.toBe(0);
    expect(overflow.output).toContain('CUTOVER refused until ? (UTC)');
    expect(notATime.status).not.toBe(0);
    expect(notATime.output).toContain('CUTOVER refused until ? (UTC)');
    expect(otherFormat.status).not.toBe(0);
    expect(otherFormat.output).toContain('CUTOVER refused: the rollout markers of example.com in this Terraform state cannot be read');
  }, 30_000);

  test.concurrent('the clock starts when the records are applied: a failed record apply stamps nothing, and its retry starts the wait', async () => {
    const workspace = new GateWorkspace();
    const failed = await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('apply', { failRecords: true });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('stand-in record apply failed');
    expect((await workspace.markers()).lower_ttl_applied).toBeUndefined();

    await sleepUntil(Date.now() + 1100);
    const retried = Math.floor(Date.now() / 1000) * 1000;
    expect(await workspace.run('apply')).toMatchObject({ status: 0 });
    expect(Date.parse((await workspace.markers()).lower_ttl_applied.at)).toBeGreaterThanOrEqual(retried);
    const refused = await (await workspace.write(config(RolloutStage.CUTOVER, { previousTtl: 3600 }))).run('plan');
    expect(timeAfter(refused.output, 'CUTOVER refused until')).toBeGreaterThanOrEqual(retried + seconds(3600));
  }, 30_000);

  test.concurrent('a legacy record added at LOWER_TTL restarts its clock; if that apply fails, CUTOVER is refused', async () => {
    const workspace = new GateWorkspace();
    const first = { legacy: [LEGACY[0]] };
    await (await workspace.write(config(RolloutStage.LOWER_TTL, first))).run('apply');
    const before = (await workspace.markers()).lower_ttl_applied;
    await sleepUntil(after(before.at, 0));
    expect(await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('apply')).toMatchObject({ status: 0 });
    const restamped = (await workspace.markers()).lower_ttl_applied;
    expect(Date.parse(restamped.at)).toBeGreaterThan(Date.parse(before.at));
    expect(restamped.wrote).not.toBe(before.wrote);

    // Once more, with a failing apply: the old stamp must not let CUTOVER through, even after its wait.
    const failing = new GateWorkspace();
    await (await failing.write(config(RolloutStage.LOWER_TTL, first))).run('apply');
    const stamped = (await failing.markers()).lower_ttl_applied;
    expect(await (await failing.write(config(RolloutStage.LOWER_TTL))).run('apply', { failRecords: true })).toMatchObject({ status: 1 });
    await sleepUntil(after(stamped.at, 2));
    const refused = await (await failing.write(config(RolloutStage.CUTOVER))).run('plan');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('CUTOVER refused: the LOWER_TTL stage of example.com has not been applied in this Terraform state (never, or its last apply failed).');
  }, 30_000);

  test.concurrent('a changed rollout TTL restarts the clock of LOWER_TTL; re-applying it unchanged does not', async () => {
    const workspace = new GateWorkspace();
    await (await workspace.write(config(RolloutStage.LOWER_TTL, { previousTtl: 86400 }))).run('apply');
    const first = (await workspace.markers()).lower_ttl_applied;
    await sleepUntil(after(first.at, 0));
    expect((await workspace.run('apply')).output).toContain('Resources: 0 added, 0 changed, 0 destroyed.');
    expect((await workspace.markers()).lower_ttl_applied).toEqual(first);
    await (await workspace.write(config(RolloutStage.LOWER_TTL, { previousTtl: 86400, rolloutTtl: 120 }))).run('apply');
    expect(Date.parse((await workspace.markers()).lower_ttl_applied.at)).toBeGreaterThan(Date.parse(first.at));
  }, 30_000);

  test.concurrent('ROLLBACK: allowed at once from COMPLETE, never imports, recreates the deleted records; forward again waits from the rollback', async () => {
    const workspace = new GateWorkspace();
    await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('apply');
    await sleepUntil(after((await workspace.markers()).lower_ttl_applied.at, 2));
    await (await workspace.write(config(RolloutStage.CUTOVER))).run('apply');

    const backToLower = await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('plan');
    expect(backToLower.status).not.toBe(0);
    expect(backToLower.output).toMatch(/LOWER_TTL refused: CUTOVER was applied at \S+ \(UTC\), after LOWER_TTL\. Going back to LOWER_TTL would delete the CloudMail records of example\.com at once\. To go back, set rollout\.stage to ROLLBACK/);

    await sleepUntil(after((await workspace.markers()).cutover_applied.at, 1));
    expect(await (await workspace.write(config(RolloutStage.COMPLETE))).run('apply')).toMatchObject({ status: 0 });
    const rollback = await (await workspace.write(config(RolloutStage.ROLLBACK))).run('apply');
    expect(rollback.status).toBe(0);
    expect(rollback.output).not.toMatch(/import/i);
    // The legacy records COMPLETE deleted are created again.
    expect(rollback.output).toMatch(/record_example-com_mail_oldhost_net_\w+ will be created/);
    expect(rollback.output).toMatch(/record_example-com_mail2_oldhost_net_\w+ will be created/);
    const rolledBack = (await workspace.markers()).rollback_applied;

    const complete = await (await workspace.write(config(RolloutStage.COMPLETE))).run('plan');
    expect(complete.output).toContain('COMPLETE refused: example.com was rolled back (ROLLBACK applied at');
    const cutover = await (await workspace.write(config(RolloutStage.CUTOVER))).run('plan');
    expect(timeAfter(cutover.output, 'CUTOVER refused until') - Date.parse(rolledBack.at)).toBe(seconds(2));
    await sleepUntil(after(rolledBack.at, 2));
    expect(await workspace.run('apply')).toMatchObject({ status: 0 });
    expect((await workspace.outputs()).stage).toBe('CUTOVER');
  }, 30_000);

  test.concurrent('with no stage in state, every gate refuses and names lost state and adoption; LOWER_TTL then COMPLETE is refused', async () => {
    const [complete, rollback] = await Promise.all([RolloutStage.COMPLETE, RolloutStage.ROLLBACK].map(async (stage) => (await new GateWorkspace().write(config(stage))).run('plan')));
    expect(complete.output).toContain('COMPLETE refused: the CUTOVER stage of example.com has not been applied in this Terraform state (never, or its last apply failed). Apply rollout.stage CUTOVER first; skipping a stage is never allowed. If the domain already moved to CloudMail and this Terraform state was lost or recreated, do NOT apply LOWER_TTL: it would put the old records back on top and send mail to a server that may be gone. Adopt the live records instead: remove rollout and set adopt: true');
    expect(rollback.output).toContain('ROLLBACK refused: the LOWER_TTL stage of example.com has not been applied in this Terraform state, so there is no rollout to go back from. If the domain already moved to CloudMail and this Terraform state was lost');

    const skipping = new GateWorkspace();
    await (await skipping.write(config(RolloutStage.LOWER_TTL))).run('apply');
    await sleepUntil(after((await skipping.markers()).lower_ttl_applied.at, 2));
    const result = await (await skipping.write(config(RolloutStage.COMPLETE, { soak: 0 }))).run('plan');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('COMPLETE refused: the CUTOVER stage of example.com has not been applied');
  }, 30_000);

  test.concurrent('the maintenance window: CUTOVER refused outside it with the next opening, allowed inside it, and an applied stage is not refused later', async () => {
    const now = Date.now();
    const clock = (offsetMinutes: number) => new Date(now + offsetMinutes * 60_000).toISOString().slice(11, 16);
    const closed = { startUtc: clock(120), endUtc: clock(180) };
    const workspace = new GateWorkspace();
    await (await workspace.write(config(RolloutStage.LOWER_TTL))).run('apply');
    await sleepUntil(after((await workspace.markers()).lower_ttl_applied.at, 2));

    const refused = await (await workspace.write(config(RolloutStage.CUTOVER, { window: closed }))).run('plan');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(`CUTOVER refused outside the maintenance window (every day ${closed.startUtc}-${closed.endUtc} UTC`);
    // The next opening is in two hours, to the minute.
    expect(timeAfter(refused.output, 'The next opening is') - Math.floor(now / 60_000) * 60_000).toBe(120 * 60_000);

    expect(await (await workspace.write(config(RolloutStage.CUTOVER, { window: { startUtc: clock(-60), endUtc: clock(60) } }))).run('apply')).toMatchObject({ status: 0 });
    // A plan in the same second as the apply's cannot tell them apart, and checks again; a later one knows the stage is applied.
    await sleepUntil(after((await workspace.markers()).cutover_applied.planned_at, 0));
    const replanned = await (await workspace.write(config(RolloutStage.CUTOVER, { window: closed }))).run('plan');
    expect(replanned.status).toBe(0);
  }, 30_000);
});
