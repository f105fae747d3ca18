import { TerraformStack } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib';
import { CLOUDFLARE_ZONE, resourcesByPath, resourcesOfType, ROUTE53_ZONE, synth, SynthesizedStack, warningsOf } from '../harness';
import { LEGACY, STAGES, synthStage, TARGETS } from './staging';

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
    const stages = STAGES.map((stage) => publishedByKey(synthStage(target, stage, { policy })));
    const transitions = [0, 1].map((i) => [stages[i], stages[i + 1]] as const);

    test('every stage publishes MX records', () => {
      for (const stage of stages) expect([...stage.values()].flat().length).toBeGreaterThan(0);
    });

    test.each([0, 1])('mail is never without a route from stage %i to the next: some record survives in place', (i) => {
      const [before, after] = transitions[i];
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
      const values = [...stages[1].values()].flat();
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

  test('every record depends on the gates, and the gates depend on no provider resource', () => {
    const out = synthStage(target, RolloutStage.CUTOVER);
    const gates = resourcesOfType(out, 'terraform_data');
    expect(Object.keys(gates)).toHaveLength(3);
    for (const gate of Object.values(gates)) {
      for (const dependency of (gate.depends_on as string[] | undefined) ?? []) expect(dependency).toMatch(/^terraform_data\./);
    }
    const records = { ...resourcesOfType(out, 'cloudflare_dns_record'), ...resourcesOfType(out, 'aws_route53_record') };
    for (const record of Object.values(records)) {
      expect([...(record.depends_on as string[])].sort()).toEqual(Object.keys(gates).map((key) => `terraform_data.${key}`).sort());
    }
  });
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
