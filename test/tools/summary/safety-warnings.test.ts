import { TerraformStack } from 'cdktf';
import { CloudMailMx, DnsTarget, RolloutStage } from '../../../lib';
import { ROUTE53_ZONE } from '../../harness';
import { SafetyWarningCode } from '../../../tools';
import { cloudMailDomain, movingDomain, removeSynths, summarize, synthExampleStage, synthMail } from './summary-synths';

afterAll(removeSynths);

const warningsOf = (base: string, head: string, maxChangePercent?: number) => summarize(head, base, maxChangePercent).warnings;
const codes = (base: string, head: string, maxChangePercent?: number) => warningsOf(base, head, maxChangePercent).map((warning) => `${warning.code} ${warning.domain ?? warning.stack}`);
/** Ten domains on CloudMail, so that one or two changing stay under the mass-change limit. */
const settled = (stack: TerraformStack, skip: readonly string[] = []) => {
  for (let i = 0; i < 10; i++) if (!skip.includes(`d${i}.example`)) cloudMailDomain(stack, `d${i}.example`);
};

test('EMPTY_MX_SET: a domain whose construct is removed loses every MX record', () => {
  const base = synthMail((stack) => settled(stack));
  const head = synthMail((stack) => settled(stack, ['d3.example']));
  expect(warningsOf(base, head)).toEqual([{
    code: SafetyWarningCode.EMPTY_MX_SET,
    stack: 'mail',
    domain: 'd3.example',
    message: 'd3.example (Route53, stack mail) would have no MX records: 10 mx1.cloudaccess.net are destroyed with the construct, and mail to the domain bounces. Fix: keep the domain\'s MX construct; if the domain should accept no mail, replace it with NullMx.',
  }]);
});

test('PRIMARY_LOST: mx1.cloudaccess.net on top before, not after (a rollback from CUTOVER to LOWER_TTL)', () => {
  const base = synthMail((stack) => { settled(stack); movingDomain(stack, 'moving.example', RolloutStage.CUTOVER, 'cloudflare'); });
  const head = synthMail((stack) => { settled(stack); movingDomain(stack, 'moving.example', RolloutStage.LOWER_TTL, 'cloudflare'); });
  const [warning] = warningsOf(base, head);
  expect(warning).toMatchObject({ code: SafetyWarningCode.PRIMARY_LOST, domain: 'moving.example' });
  expect(warning.message).toBe('mx1.cloudaccess.net loses the top priority on moving.example (Cloudflare, stack mail): it was alone on top (10 mx1.cloudaccess.net, 20 mail.moving.example), now 10 mail.moving.example, so senders try another host first. Fix: keep mx1.cloudaccess.net at the strictly lowest priority; if this rollback is intended, say so in the pull request.');
});

test('STAGE_SKIPPED: LOWER_TTL → COMPLETE skips CUTOVER', () => {
  const base = synthMail((stack) => { settled(stack); movingDomain(stack, 'moving.example', RolloutStage.LOWER_TTL); });
  const head = synthMail((stack) => { settled(stack); movingDomain(stack, 'moving.example', RolloutStage.COMPLETE); });
  const [warning] = warningsOf(base, head);
  expect(warning).toMatchObject({ code: SafetyWarningCode.STAGE_SKIPPED, domain: 'moving.example' });
  expect(warning.message).toMatch(/^moving\.example \(Route53, stack mail\) moves from LOWER_TTL to COMPLETE, skipping CUTOVER: .* Fix: set rollout\.stage to CUTOVER in this pull request/);
});

test('STAGE_SKIPPED: a new live domain starting at CUTOVER skips LOWER_TTL; a new domain without legacy records may start anywhere', () => {
  const base = synthMail((stack) => settled(stack));
  const head = synthMail((stack) => {
    settled(stack);
    movingDomain(stack, 'moving.example', RolloutStage.CUTOVER);
  });
  expect(warningsOf(base, head).map((warning) => warning.message)).toEqual([expect.stringContaining('moving.example (Route53, stack mail) starts its rollout at CUTOVER, skipping LOWER_TTL')]);
  expect(codes(synthExampleStage(RolloutStage.LOWER_TTL), synthExampleStage(RolloutStage.CUTOVER), 100)).toEqual([]);
});

test('STAGE_REVERSED: going back without ROLLBACK; ROLLBACK itself, and CUTOVER after it, are moves the gates allow', () => {
  const at = (stage: RolloutStage) => synthMail((stack) => { settled(stack); movingDomain(stack, 'moving.example', stage); });
  const [cutover, complete, rollback] = [RolloutStage.CUTOVER, RolloutStage.COMPLETE, RolloutStage.ROLLBACK].map(at);
  expect(warningsOf(complete, cutover)).toEqual([expect.objectContaining({
    code: SafetyWarningCode.STAGE_REVERSED,
    message: 'moving.example (Route53, stack mail) goes back from COMPLETE to CUTOVER without ROLLBACK: its Terraform gate refuses the plan, since going back that way would import old records the rollout already deleted. Fix: set rollout.stage to ROLLBACK in this pull request; the move goes on from there with LOWER_TTL or CUTOVER.',
  })]);
  expect(codes(complete, rollback)).toEqual(['PRIMARY_LOST moving.example']);
  expect(codes(rollback, cutover)).toEqual([]);
  expect(codes(rollback, complete)).toEqual(['STAGE_SKIPPED moving.example']);
});

test('WAIT_SHORTENED: a lowered previousTtl or soak during a rollout, which the gates do not honour', () => {
  const moving = (previousTtl: number, soak: number) => synthMail((stack) => {
    settled(stack);
    new CloudMailMx(stack, 'moving', { domain: 'moving.example', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }), legacy: { servers: [{ hostName: 'mail.moving.example', priority: 10 }] }, rollout: { stage: RolloutStage.CUTOVER, previousTtl, soak } });
  });
  const warnings = warningsOf(moving(86400, 259200), moving(1, 0));
  expect(warnings.map((warning) => warning.code)).toEqual([SafetyWarningCode.WAIT_SHORTENED, SafetyWarningCode.WAIT_SHORTENED]);
  expect(warnings[0].message).toBe('moving.example (Route53, stack mail) lowers rollout.previousTtl from 86400 s (24 h) to 1 s during its rollout. This does not shorten the wait before CUTOVER: Terraform remembers the longer value in state and waits for it, so the gate will still refuse the stage until then. Fix: keep rollout.previousTtl at 86400; lowering it never makes a stage safe sooner.');
  expect(warnings[1].message).toMatch(/lowers rollout\.soak from 259200 s \(72 h\) to 0 s during its rollout\. This does not shorten the wait before COMPLETE/);
  expect(codes(moving(3600, 3600), moving(86400, 259200))).toEqual([]);
});

describe('MASS_CHANGE', () => {
  const base = synthMail((stack) => settled(stack));
  const changing = (count: number) => synthMail((stack) => {
    for (let i = 0; i < 10; i++) cloudMailDomain(stack, `d${i}.example`, i < count ? 300 : 3600);
  });
  const [three, four] = [changing(3), changing(4)];

  test('30% of a stack\'s domains changing is within the default limit; 40% is not', () => {
    expect(codes(base, three)).toEqual([]);
    expect(warningsOf(base, four)).toEqual([{ code: SafetyWarningCode.MASS_CHANGE, stack: 'mail', message: expect.stringMatching(/^4 domain\(s\) change at once in stack mail, 40% of the 10 it had, above the 30% limit: .* Fix: review every domain below, or split the pull request/) }]);
  });

  test('the limit is configurable', () => {
    expect(codes(base, three, 20)).toEqual(['MASS_CHANGE mail']);
    expect(codes(base, four, 50)).toEqual([]);
  });

  test('a stack that had no domain has nothing existing to protect', () => {
    expect(codes(synthMail(() => undefined), four)).toEqual([]);
  });
});
