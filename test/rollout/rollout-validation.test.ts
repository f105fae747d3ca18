import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib';
import { MxValidationError } from '../../lib/model/mx-validation-error';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE, synth, warningsOf } from '../harness';
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

test.each(['mx1.cloudaccess.net', 'MX2.cloudaccess.net.'])('a legacy host %s that already points at CloudMail is refused', (hostName) => {
  const reasons = reasonsFor({ legacy: { servers: [{ hostName, priority: 10, importId: LEGACY[0].importId }] } });
  expect(reasons).toEqual([expect.objectContaining({ property: 'legacy.servers[0].hostName', problem: 'already points at CloudMail, so it is not a legacy record' })]);
});

test('a legacy host that is also a declared backup is refused as listed twice, not as a CloudMail host', () => {
  const reasons = reasonsFor({
    servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
    legacy: { servers: [{ hostName: 'Backup1.example.net', priority: 10, importId: LEGACY[0].importId }] },
  });
  expect(reasons).toEqual([{
    property: 'legacy.servers[0].hostName',
    value: 'Backup1.example.net',
    problem: 'is also listed in servers, so it would be both kept and moved away from',
    fix: 'list it once: in servers to keep it as a backup after the move, or in legacy.servers to move away from it',
  }]);
});

test.each([0, -5, 1.5, Number.NaN, 2147483648, 9.3e9])('previousTtl %p is refused, naming the bound and why', (previousTtl) => {
  expect(reasonsFor({ rollout: { ...rollout, previousTtl } })).toEqual([
    expect.objectContaining({ property: 'rollout.previousTtl', value: previousTtl, problem: 'is not a positive whole number of seconds up to 2147483647 (the largest TTL, RFC 2181 §8)' }),
  ]);
});

test.each([-1, 2147483648, 9.3e9])('soak %p is refused, naming the bound', (soak) => {
  expect(reasonsFor({ rollout: { ...rollout, soak } })).toEqual([
    expect.objectContaining({ property: 'rollout.soak', value: soak, problem: 'is not a whole number of seconds up to 2147483647 (the largest TTL, RFC 2181 §8)' }),
  ]);
});

test('the largest TTL is accepted as previousTtl and soak', () => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', {
    domain: 'example.com',
    target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
    legacy: { servers: [{ hostName: 'a.old.net', priority: 10 }] },
    rollout: { ...rollout, previousTtl: 2147483647, soak: 2147483647 },
  }))).not.toThrow();
});

test('an explicit rolloutTtl above previousTtl is refused: LOWER_TTL would raise the TTL', () => {
  expect(reasonsFor({ rollout: { ...rollout, previousTtl: 60, rolloutTtl: 86400 } })).toEqual([{
    property: 'rollout.rolloutTtl',
    value: 86400,
    problem: 'is longer than rollout.previousTtl (60 s), so LOWER_TTL would raise the TTL instead of lowering it',
    fix: 'use a rolloutTtl of at most 60 s, or correct previousTtl',
  }]);
});

test('Cloudflare\'s automatic TTL (1) counts as 300 s on either side', () => {
  expect(reasonsFor({ rollout: { ...rollout, previousTtl: 1, rolloutTtl: 600 } })).toEqual([
    expect.objectContaining({ property: 'rollout.rolloutTtl', problem: 'is longer than rollout.previousTtl (1, Cloudflare\'s automatic TTL of 300 s), so LOWER_TTL would raise the TTL instead of lowering it' }),
  ]);
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, legacy: { servers: LEGACY }, rollout: { ...rollout, previousTtl: 120, rolloutTtl: 1 } })))
    .toThrow(/rollout\.rolloutTtl = 1: is longer than rollout\.previousTtl \(120 s\)/);
});

test('with the default rolloutTtl, a shorter previousTtl is a warning, not an error', () => {
  let construct: CloudMailMx | undefined;
  synth((stack) => {
    construct = new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, legacy: { servers: LEGACY }, rollout: { ...rollout, previousTtl: 60 } });
  });
  expect(warningsOf(construct!)).toContain('rollout.previousTtl (60 s) is shorter than the default rolloutTtl (300 s): the TTL goes up to 300 s during the move. Set rollout.rolloutTtl to at most 60 s to keep it.');
});

test('an importId of another zone is refused: it would import and rewrite that zone\'s record', () => {
  const otherZone = 'f'.repeat(32);
  expect(reasonsFor({ legacy: { servers: [{ ...LEGACY[0], importId: `${otherZone}/372e67954025e0ba6aaa6d586b9e0b59` }] } })).toEqual([{
    property: 'legacy.servers[0].importId',
    value: `${otherZone}/372e67954025e0ba6aaa6d586b9e0b59`,
    problem: `names a record of zone ${otherZone}, not of the target's zone ${CLOUDFLARE_ZONE}: Terraform would import that zone's record and rewrite it`,
    fix: `use the ID of the record in zone ${CLOUDFLARE_ZONE} (${CLOUDFLARE_ZONE}/<record_id>), or correct target.zoneId`,
  }]);
});

test('one importId on two legacy hosts is refused', () => {
  expect(reasonsFor({ legacy: { servers: [LEGACY[0], { ...LEGACY[1], importId: LEGACY[0].importId }] } })).toEqual([
    expect.objectContaining({ property: 'legacy.servers[1].importId', problem: 'is also the importId of legacy.servers[0].importId: one record would be taken over by two resources, each rewriting it' }),
  ]);
});

test('ROLLBACK without legacy records is refused: there is nothing to go back to', () => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, rollout: { ...rollout, stage: RolloutStage.ROLLBACK } })))
    .toThrow('rollout.stage = "ROLLBACK": goes back to the legacy records, but there are none. Fix: declare the records to go back to in legacy.servers');
});

test('a maintenance window is validated with the rest', () => {
  expect(reasonsFor({ rollout: { ...rollout, window: { startUtc: '22:00', endUtc: '22:00' } } })).toEqual([expect.objectContaining({ property: 'rollout.window.endUtc' })]);
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
