import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib';
import { MxValidationError } from '../../lib/model/mx-validation-error';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE, synth } from '../harness';
import { LEGACY } from './staging';

const cloudflare = DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE });
const rollout = { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 };

function reasonsFor(props: Partial<ConstructorParameters<typeof CloudMailMx>[2]>) {
  try {
    synth((stack) => new CloudMailMx(stack, 'example-com', { domain: 'example.com', target: cloudflare, legacy: { servers: LEGACY }, rollout, ...props }));
  } catch (error) {
    if (error instanceof MxValidationError) return error.reasons;
    throw error;
  }
  throw new Error('expected an MxValidationError');
}

test.each(['mx1.cloudaccess.net', 'MX2.cloudaccess.net.', 'backup1.example.net'])('a legacy host %s that already points at CloudMail is refused', (hostName) => {
  const reasons = reasonsFor({
    servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
    legacy: { servers: [{ hostName, priority: 10, importId: LEGACY[0].importId }] },
  });
  expect(reasons).toEqual([expect.objectContaining({ property: 'legacy.servers[0].hostName', problem: 'already points at CloudMail, so it is not a legacy record' })]);
});

test.each([0, -5, 1.5, Number.NaN])('previousTtl %p is refused', (previousTtl) => {
  expect(reasonsFor({ rollout: { ...rollout, previousTtl } })).toEqual([
    expect.objectContaining({ property: 'rollout.previousTtl', value: previousTtl, problem: 'is not a positive whole number of seconds' }),
  ]);
});

test('Cloudflare legacy records without importId are refused, each by index', () => {
  const reasons = reasonsFor({ legacy: { servers: [{ hostName: 'a.old.net', priority: 10 }, { hostName: 'b.old.net', priority: 20, importId: 'not-an-id' }] } });
  expect(reasons.map((r) => r.property)).toEqual(['legacy.servers[0].importId', 'legacy.servers[1].importId']);
  expect(reasons[0].fix).toMatch(/dns_records\?type=MX/);
});

test('Route53 legacy records need no importId', () => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', {
    domain: 'example.com',
    target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
    legacy: { servers: [{ hostName: 'a.old.net', priority: 10 }] },
    rollout,
  }))).not.toThrow();
});

test.each([[30, /1, or 60-86400/], [100000, /1, or 60-86400/]])('rolloutTtl %p outside Cloudflare\'s range is refused', (rolloutTtl, fix) => {
  expect(reasonsFor({ rollout: { ...rollout, rolloutTtl } })).toEqual([expect.objectContaining({ property: 'rollout.rolloutTtl', fix: expect.stringMatching(fix) })]);
});

test('an unknown stage, policy or soak is refused', () => {
  const reasons = reasonsFor({
    legacy: { servers: LEGACY, policy: 'KEEP' as LegacyPolicy },
    rollout: { ...rollout, stage: 'SWITCH' as RolloutStage, soak: -1 },
  });
  expect(reasons.map((r) => r.property)).toEqual(['legacy.policy', 'rollout.stage', 'rollout.soak']);
});

test('legacy records are validated like any MX record', () => {
  const reasons = reasonsFor({ legacy: { servers: [{ hostName: '203.0.113.5', priority: 10, importId: LEGACY[0].importId }] } });
  expect(reasons).toEqual([expect.objectContaining({ property: 'legacy.servers[0].hostName', problem: expect.stringMatching(/IP address/) })]);
});

test('a target that cannot take over records refuses legacy records', () => {
  const limited = { ...cloudflare, capabilities: { ...cloudflare.capabilities, takeover: undefined }, validate: () => [], bind: () => undefined };
  expect(reasonsFor({ target: limited })).toEqual([expect.objectContaining({ property: 'legacy', problem: 'Cloudflare targets cannot take over existing records' })]);
});
