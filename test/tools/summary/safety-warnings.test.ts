import { TerraformStack } from 'cdktf';
import { RolloutStage } from '../../../lib';
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
