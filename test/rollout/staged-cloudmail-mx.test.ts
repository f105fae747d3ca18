import { TerraformStack } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib';
import { CLOUDFLARE_ZONE, resourcesByPath, resourcesOfType, ROUTE53_ZONE, synth, SynthesizedStack, warningsOf } from '../harness';
import { STAGE_PREDECESSORS } from '../../lib/rollout/stage-order';
import { LEGACY, synthStage, TARGETS } from './staging';

/** "priority host" of every MX record a synthesized stack publishes, by resource key. */
function publishedByKey(out: SynthesizedStack): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [key, r] of Object.entries(resourcesOfType(out, 'cloudflare_dns_record'))) byKey.set(key, [`${r.priority} ${r.content}`]);
  for (const [key, r] of Object.entries(resourcesOfType(out, 'aws_route53_record'))) byKey.set(key, r.records as string[]);
  return byKey;
}

const imports = (out: SynthesizedStack) => (JSON.parse(out.json).import ?? []) as { id: string; to: string }[];

describe.each(Object.keys(TARGETS))('%s', (target) => {
  describe.each([LegacyPolicy.DELETE, LegacyPolicy.DEMOTE])('policy %s', (policy) => {
    const published = new Map(Object.values(RolloutStage).map((stage) => [stage, publishedByKey(synthStage(target, stage, { policy }))]));
    const stages = [...published.values()];
    // Every move a gate allows, forward and back.
    const transitions = Object.values(RolloutStage).flatMap((to) => STAGE_PREDECESSORS[to].flatMap((from) => (from === undefined ? [] : [[from, to] as const])));

    test('every stage publishes MX records', () => {
      for (const stage of stages) expect([...stage.values()].flat().length).toBeGreaterThan(0);
    });

    test.each(transitions)('mail is never without a route from %s to %s: some record survives in place', (from, to) => {
      const [before, after] = [published.get(from)!, published.get(to)!];
      const kept = [...before.keys()].filter((key) => after.has(key) && after.get(key)!.length > 0);
      expect(kept.length).toBeGreaterThan(0);
    });

    test('a host keeps the same resource key in every stage it appears in', () => {
      const keyOfHost = new Map<string, string>();
      for (const stage of stages) {
        for (const [key, values] of stage) {
          for (const value of values) {
            const host = value.split(' ')[1].replace(/\.$/, '');
            expect(keyOfHost.get(host) ?? key).toBe(key);
            keyOfHost.set(host, key);
          }
        }
      }
    });

    test('legacy priorities at CUTOVER sit above every CloudMail priority, in their old order', () => {
      const values = [...published.get(RolloutStage.CUTOVER)!.values()].flat();
      const priorityOf = (host: string) => Number(values.find((v) => v.split(' ')[1].replace(/\.$/, '') === host)!.split(' ')[0]);
      const cloudTop = Math.max(priorityOf('mx1.cloudaccess.net'), priorityOf('backup1.example.net'));
      expect(priorityOf('mail.oldhost.net')).toBeGreaterThan(cloudTop);
      expect(priorityOf('mail2.oldhost.net')).toBeGreaterThan(priorityOf('mail.oldhost.net'));
      expect(priorityOf('mx1.cloudaccess.net')).toBeLessThan(priorityOf('backup1.example.net'));
    });
  });

  test('LOWER_TTL publishes exactly the legacy records at TTL 300 and no CloudMail record', () => {
    const values = [...publishedByKey(synthStage(target, RolloutStage.LOWER_TTL)).values()].flat().map((v) => v.replace(/\.$/, ''));
    expect(values.sort()).toEqual(['10 mail.oldhost.net', '20 mail2.oldhost.net']);
    const ttls = [...Object.values(resourcesOfType(synthStage(target, RolloutStage.LOWER_TTL), target === 'route53' ? 'aws_route53_record' : 'cloudflare_dns_record'))].map((r) => r.ttl);
    expect(new Set(ttls)).toEqual(new Set([300]));
  });

  test('the stage\'s marker depends on every record, so it is stamped after them; no gate, frozen marker or record depends on a provider resource', () => {
    const out = synthStage(target, RolloutStage.CUTOVER);
    const data = resourcesOfType(out, 'terraform_data');
    expect(Object.keys(data).map((key) => key.replace(/^example-com_rollout_|_[0-9A-F]{8}$/g, '')).sort()).toEqual(['complete_applied', 'cutover_applied', 'cutover_gate', 'lower_ttl_applied', 'rollback_applied']);
    const records = { ...resourcesOfType(out, 'cloudflare_dns_record'), ...resourcesOfType(out, 'aws_route53_record') };
    const recordAddresses = Object.keys(records).map((key) => `${target === 'route53' ? 'aws_route53_record' : 'cloudflare_dns_record'}.${key}`);
    for (const [key, resource] of Object.entries(data)) {
      if (key.includes('cutover_applied')) expect([...(resource.depends_on as string[])].sort()).toEqual(recordAddresses.sort());
      else expect(JSON.stringify(resource)).not.toMatch(/cloudflare_dns_record|aws_route53_record/);
    }
    for (const record of Object.values(records)) expect(record.depends_on).toBeUndefined();
  });

  test('ROLLBACK publishes the legacy records as declared on top, CloudMail\'s below them, at rolloutTtl, and imports nothing', () => {
    const out = synthStage(target, RolloutStage.ROLLBACK);
    const values = [...publishedByKey(out).values()].flat().map((v) => v.replace(/\.$/, ''));
    expect(values.sort()).toEqual(['10 mail.oldhost.net', '20 mail2.oldhost.net', '30 mx1.cloudaccess.net', '40 backup1.example.net']);
    expect(imports(out)).toEqual([]);
    const ttls = Object.values(resourcesOfType(out, target === 'route53' ? 'aws_route53_record' : 'cloudflare_dns_record')).map((r) => r.ttl);
    expect(new Set(ttls)).toEqual(new Set([300]));
  });
});

describe('a legacy null MX (RFC 7505 "no mail")', () => {
  const nullMx = [{ hostName: '.', priority: 0, importId: LEGACY[0].importId }];
  const published = (stage: RolloutStage, policy = LegacyPolicy.DEMOTE) => [...publishedByKey(synthStage('cloudflare', stage, { legacy: nullMx, policy })).values()].flat().sort();

  test('is published alone at LOWER_TTL and never demoted: CUTOVER and COMPLETE drop it', () => {
    expect(published(RolloutStage.LOWER_TTL)).toEqual(['0 .']);
    expect(published(RolloutStage.CUTOVER)).toEqual(['10 mx1.cloudaccess.net', '20 backup1.example.net']);
    expect(published(RolloutStage.COMPLETE)).toEqual(['10 mx1.cloudaccess.net', '20 backup1.example.net']);
  });

  test('ROLLBACK brings it back alone', () => {
    expect(published(RolloutStage.ROLLBACK)).toEqual(['0 .']);
  });
});

test('a previousTtl of 1 on Cloudflare is its automatic TTL: CUTOVER waits 300 s, not 1', () => {
  const out = synthStage('cloudflare', RolloutStage.CUTOVER, { previousTtl: 1 });
  const [gate] = Object.entries(resourcesOfType(out, 'terraform_data')).filter(([key]) => key.includes('cutover_gate')).map(([, resource]) => resource);
  expect(gate.input).toMatchObject({ wait_seconds: 300 });
  const locals = JSON.parse(out.json).locals as Record<string, string>;
  expect(Object.entries(locals).find(([name]) => name.includes('wait_seconds'))![1]).toMatch(/^\$\{try\(max\(300, /);
});

test.each([
  [RolloutStage.LOWER_TTL, false],
  [RolloutStage.CUTOVER, true],
  [RolloutStage.COMPLETE, true],
  [RolloutStage.ROLLBACK, false],
])('with a maintenance window, %s is refused outside it: %s', (stage, windowed) => {
  const out = synthStage('cloudflare', stage, { window: { startUtc: '22:00', endUtc: '06:00' } });
  const [gate] = Object.entries(resourcesOfType(out, 'terraform_data')).filter(([key]) => key.endsWith(`${stage.toLowerCase()}_gate`) || key.includes(`_${stage.toLowerCase()}_gate_`)).map(([, resource]) => resource);
  const messages = (gate.lifecycle as { precondition: { error_message: string }[] }).precondition.map((precondition) => precondition.error_message);
  expect(messages.some((message) => message.startsWith(`${stage} refused outside the maintenance window (every day 22:00-06:00 UTC (across midnight))`))).toBe(windowed);
});

test('Cloudflare takes the legacy records over with import blocks from their importId', () => {
  const out = synthStage('cloudflare', RolloutStage.LOWER_TTL);
  const keys = Object.fromEntries(Object.entries(resourcesOfType(out, 'cloudflare_dns_record')).map(([key, r]) => [r.content, key]));
  expect(imports(out)).toEqual([
    { id: LEGACY[0].importId, to: `cloudflare_dns_record.${keys['mail.oldhost.net']}` },
    { id: LEGACY[1].importId, to: `cloudflare_dns_record.${keys['mail2.oldhost.net']}` },
  ]);
});

test('Route53 takes the existing RRset over by importing ZONEID_name_MX', () => {
  const out = synthStage('route53', RolloutStage.LOWER_TTL);
  const [key] = Object.keys(resourcesOfType(out, 'aws_route53_record'));
  expect(imports(out)).toEqual([{ id: `${ROUTE53_ZONE}_example.com_MX`, to: `aws_route53_record.${key}` }]);
});

test('COMPLETE with DELETE drops the legacy resources and their imports, so Terraform deletes them', () => {
  const out = synthStage('cloudflare', RolloutStage.COMPLETE);
  expect(Object.values(resourcesOfType(out, 'cloudflare_dns_record')).map((r) => r.content).sort()).toEqual(['backup1.example.net', 'mx1.cloudaccess.net']);
  expect(imports(out)).toEqual([]);
});

test('two domains in one stack get their own stage outputs', () => {
  const out = synthStage('cloudflare', RolloutStage.LOWER_TTL, { build: (stack: TerraformStack) => {
    new CloudMailMx(stack, 'example-net', {
      domain: 'example.net',
      target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
      legacy: { servers: [{ hostName: 'mx.old.example', priority: 5 }] },
      rollout: { stage: RolloutStage.CUTOVER, previousTtl: 3600 },
    });
  } });
  const outputs = JSON.parse(out.json).output as Record<string, { value: string }>;
  const stageOutputs = Object.entries(outputs).filter(([name]) => name.includes('_rollout_stage_')).map(([name, o]) => [name.split('_rollout')[0], o.value]);
  expect(stageOutputs.sort()).toEqual([['example-com', 'LOWER_TTL'], ['example-net', 'CUTOVER']]);
  expect(Object.keys(outputs).filter((name) => name.includes('next_stage_earliest'))).toHaveLength(2);
});

test('without rollout, legacy records are taken over in one step with a warning that the TTL was not lowered', () => {
  let construct: CloudMailMx | undefined;
  const out = synth((stack) => {
    construct = new CloudMailMx(stack, 'd', {
      domain: 'example.com',
      target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }),
      legacy: { servers: [LEGACY[0]], policy: LegacyPolicy.DELETE },
    });
  });
  expect(resourcesByPath(out, 'cloudflare_dns_record')).toEqual({
    'd/mx1_cloudaccess_net': expect.objectContaining({ content: 'mx1.cloudaccess.net', priority: 10, ttl: 3600 }),
  });
  expect(imports(out)).toEqual([expect.objectContaining({ id: LEGACY[0].importId })]);
  expect(resourcesOfType(out, 'terraform_data')).toEqual({});
  expect(warningsOf(construct!)).toEqual([expect.stringMatching(/mail\.oldhost\.net\) are taken over without lowering their TTL first/)]);
});

test('a rollout without legacy records publishes CloudMail at rolloutTtl, ungated, and says so', () => {
  let construct: CloudMailMx | undefined;
  const out = synth((stack) => {
    construct = new CloudMailMx(stack, 'new-domain', {
      domain: 'new.example.com',
      target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
      rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 },
    });
  });
  expect(Object.values(resourcesOfType(out, 'aws_route53_record'))[0]).toMatchObject({ records: ['10 mx1.cloudaccess.net.'], ttl: 300 });
  expect(resourcesOfType(out, 'terraform_data')).toEqual({});
  expect(warningsOf(construct!)[0]).toMatch(/no legacy records/);
  const outputs = Object.values(JSON.parse(out.json).output as Record<string, { value: string }>).map((o) => o.value);
  expect(outputs).toEqual(expect.arrayContaining(['LOWER_TTL', 'any time: there are no legacy records to wait for']));
});
