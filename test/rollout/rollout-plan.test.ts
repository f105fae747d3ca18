import { LegacyPolicy, RolloutStage } from '../../lib';
import { planRollout, RolloutPlanInput } from '../../lib/rollout/rollout-plan';
import { TakeoverMode } from '../../lib/targets/dns-target-capabilities';

const cloudMail = [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'b.example.net', priority: 20 }];
const legacy = [{ hostName: 'mail.oldhost.net', priority: 10, importId: 'z/1' }, { hostName: 'mail2.oldhost.net', priority: 20, importId: 'z/2' }];
const base: RolloutPlanInput = { cloudMail, legacy, policy: LegacyPolicy.DELETE, ttl: 3600, rolloutTtl: 300, takeover: TakeoverMode.IMPORT_EACH_RECORD };
const hosts = (input: Partial<RolloutPlanInput>) => planRollout({ ...base, ...input }).records.map((r) => `${r.priority} ${r.hostName}`);

describe('with a rollout', () => {
  test('LOWER_TTL publishes the legacy records as they are, at rolloutTtl, and no CloudMail record', () => {
    const plan = planRollout({ ...base, stage: RolloutStage.LOWER_TTL });
    expect(plan).toMatchObject({ ttl: 300, takesOverExisting: true, gated: true });
    expect(plan.records).toEqual(legacy);
  });

  test.each([LegacyPolicy.DELETE, LegacyPolicy.DEMOTE])('CUTOVER publishes CloudMail on top and keeps the legacy records demoted (%s)', (policy) => {
    expect(hosts({ stage: RolloutStage.CUTOVER, policy })).toEqual(['10 mx1.cloudaccess.net', '20 b.example.net', '30 mail.oldhost.net', '40 mail2.oldhost.net']);
    expect(planRollout({ ...base, stage: RolloutStage.CUTOVER, policy }).ttl).toBe(300);
  });

  test('COMPLETE with DELETE keeps only CloudMail, at the final ttl', () => {
    expect(hosts({ stage: RolloutStage.COMPLETE })).toEqual(['10 mx1.cloudaccess.net', '20 b.example.net']);
    expect(planRollout({ ...base, stage: RolloutStage.COMPLETE }).ttl).toBe(3600);
  });

  test('COMPLETE with DEMOTE keeps the legacy records demoted, at the final ttl', () => {
    expect(hosts({ stage: RolloutStage.COMPLETE, policy: LegacyPolicy.DEMOTE })).toEqual(['10 mx1.cloudaccess.net', '20 b.example.net', '30 mail.oldhost.net', '40 mail2.oldhost.net']);
  });

  test('ROLLBACK publishes the legacy records as declared on top, CloudMail below them, at rolloutTtl, without any import', () => {
    const plan = planRollout({ ...base, stage: RolloutStage.ROLLBACK });
    expect(plan).toMatchObject({ ttl: 300, takesOverExisting: false, gated: true });
    expect(plan.records).toEqual([
      { hostName: 'mail.oldhost.net', priority: 10 },
      { hostName: 'mail2.oldhost.net', priority: 20 },
      { hostName: 'mx1.cloudaccess.net', priority: 30 },
      { hostName: 'b.example.net', priority: 40 },
    ]);
  });

  test.each([LegacyPolicy.DELETE, LegacyPolicy.DEMOTE])('a legacy null MX is never demoted (%s): LOWER_TTL alone, gone at CUTOVER and COMPLETE, alone again at ROLLBACK', (policy) => {
    const nullMx = [{ hostName: '.', priority: 0, importId: 'z/0' }];
    const at = (stage: RolloutStage) => hosts({ legacy: nullMx, policy, stage });
    expect(at(RolloutStage.LOWER_TTL)).toEqual(['0 .']);
    expect(at(RolloutStage.CUTOVER)).toEqual(['10 mx1.cloudaccess.net', '20 b.example.net']);
    expect(at(RolloutStage.COMPLETE)).toEqual(['10 mx1.cloudaccess.net', '20 b.example.net']);
    expect(at(RolloutStage.ROLLBACK)).toEqual(['0 .']);
  });

  test('without legacy records nothing is gated and CloudMail is published from the start, with a warning', () => {
    const lower = planRollout({ ...base, legacy: [], stage: RolloutStage.LOWER_TTL });
    expect(lower).toMatchObject({ records: cloudMail, ttl: 300, gated: false, takesOverExisting: false });
    expect(lower.warnings[0]).toMatch(/no legacy records/);
    expect(planRollout({ ...base, legacy: [], stage: RolloutStage.COMPLETE }).ttl).toBe(3600);
  });
});

describe('without a rollout', () => {
  test('DEMOTE takes the legacy records over and demotes them in one step, warning that the TTL was not lowered', () => {
    const plan = planRollout({ ...base, policy: LegacyPolicy.DEMOTE });
    expect(plan.records.map((r) => r.priority)).toEqual([10, 20, 30, 40]);
    expect(plan).toMatchObject({ ttl: 3600, gated: false, takesOverExisting: true });
    expect(plan.warnings).toEqual([expect.stringMatching(/taken over without lowering their TTL first/)]);
  });

  test('DELETE on an RRset target simply replaces the set', () => {
    const plan = planRollout({ ...base, takeover: TakeoverMode.IMPORT_RRSET });
    expect(plan.records).toEqual(cloudMail);
    expect(plan.takesOverExisting).toBe(true);
  });

  test('DELETE on a record-by-record target rewrites each legacy record into a CloudMail record', () => {
    expect(planRollout(base).records).toEqual([
      { hostName: 'mx1.cloudaccess.net', priority: 10, importId: 'z/1' },
      { hostName: 'b.example.net', priority: 20, importId: 'z/2' },
    ]);
  });

  test('a legacy null MX is deleted even with DEMOTE: a CloudMail record takes over its ID', () => {
    const plan = planRollout({ ...base, legacy: [{ hostName: '.', priority: 0, importId: 'z/0' }], policy: LegacyPolicy.DEMOTE });
    expect(plan.records).toEqual([{ hostName: 'mx1.cloudaccess.net', priority: 10, importId: 'z/0' }, { hostName: 'b.example.net', priority: 20 }]);
  });

  test('adopting keeps each CloudMail record\'s own ID; old records are imported and kept demoted until removed', () => {
    const adopted = cloudMail.map((record, index) => ({ ...record, importId: `z/c${index}` }));
    const plan = planRollout({ ...base, cloudMail: adopted, adopt: true });
    expect(plan.records).toEqual([...adopted, { hostName: 'mail.oldhost.net', priority: 30, importId: 'z/1' }, { hostName: 'mail2.oldhost.net', priority: 40, importId: 'z/2' }]);
    expect(plan.warnings[1]).toMatch(/^mail\.oldhost\.net, mail2\.oldhost\.net cannot be deleted in the same apply that takes them over/);
    expect(planRollout({ ...base, legacy: [], cloudMail: adopted, adopt: true })).toMatchObject({ records: adopted, takesOverExisting: true, warnings: [] });
  });

  test('surplus legacy records that cannot be deleted in the same apply stay demoted, with a warning saying how to finish', () => {
    const plan = planRollout({ ...base, cloudMail: [cloudMail[0]] });
    expect(plan.records).toEqual([
      { hostName: 'mx1.cloudaccess.net', priority: 10, importId: 'z/1' },
      { hostName: 'mail2.oldhost.net', priority: 30, importId: 'z/2' },
    ]);
    expect(plan.warnings[1]).toBe('mail2.oldhost.net cannot be deleted in the same apply that takes it over, so it is kept demoted; remove it from legacy.servers after this apply to delete it.');
  });
});
