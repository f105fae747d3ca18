import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib';
import { describeWithTerraform, GateWorkspace } from '../rollout/gate-workspace';
import { synth } from '../harness';

type Resource = Record<string, unknown>;

/** example.com on RFC 2136 at a stage, or after the rollout with `ttl` edited. */
function stackJson(stage: RolloutStage | undefined, ttl = 300): { resource: Record<string, Record<string, Resource>> } {
  return JSON.parse(synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'example.com',
    target: DnsTarget.rfc2136({ zone: 'example.com.' }),
    ttl,
    legacy: stage === undefined ? undefined : { servers: [{ hostName: 'mail.example.com', priority: 10 }], policy: LegacyPolicy.DELETE },
    rollout: stage === undefined ? undefined : { stage, previousTtl: 86400 },
  })).json);
}

/**
 * The emitted `dns_mx_record_set`s as Terraform's builtin `terraform_data`,
 * which needs no provider: the attributes the provider's schema marks
 * RequiresReplace (zone, name, ttl) become `triggers_replace`, the records
 * the `input` it updates in place, and the lifecycle is the one emitted.
 * Terraform itself then plans each stage. The gates and imports are left
 * out: the gates have their own real-Terraform test, and the first stage
 * creates the set here.
 */
function asTerraformData(json: { resource: Record<string, Record<string, Resource>> }): Record<string, unknown> {
  const sets = Object.entries(json.resource.dns_mx_record_set);
  return {
    resource: {
      terraform_data: Object.fromEntries(sets.map(([key, set]) => [key, {
        input: { mx: set.mx },
        triggers_replace: { zone: set.zone, name: set.name ?? '', ttl: set.ttl },
        lifecycle: set.lifecycle,
      }])),
    },
  };
}

describeWithTerraform('Terraform plans the RFC 2136 set of every stage as an update in place, and refuses to replace it', () => {
  const workspace = new GateWorkspace();

  test('LOWER_TTL, CUTOVER and COMPLETE apply as one create and two updates in place', async () => {
    const results = [];
    for (const stage of [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE]) results.push(await (await workspace.writeConfiguration(asTerraformData(stackJson(stage)))).run('apply'));
    expect(results.map((result) => [result.status, /Apply complete! Resources: (\d+) added, (\d+) changed, (\d+) destroyed/.exec(result.output)?.slice(1)])).toEqual([
      [0, ['1', '0', '0']],
      [0, ['0', '1', '0']],
      [0, ['0', '1', '0']],
    ]);
  });

  test('a later TTL edit is refused at plan, not applied as delete-then-create', async () => {
    const plan = await (await workspace.writeConfiguration(asTerraformData(stackJson(undefined, 3600)))).run('plan');
    expect(plan.status).not.toBe(0);
    expect(plan.output).toMatch(/Instance cannot be destroyed[\s\S]*has lifecycle\.prevent_destroy set, but the plan calls for this resource to be destroyed/);
  });
});
