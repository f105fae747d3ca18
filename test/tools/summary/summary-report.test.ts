import { RolloutStage } from '../../../lib';
import { cloudMailDomain, removeSynths, summarize, synthExampleStage, synthMail } from './summary-synths';

const [lowerTtl, cutover] = [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER].map(synthExampleStage);
afterAll(removeSynths);

test('without a base: every domain as it stands, per stack, and no warnings', () => {
  const report = summarize(lowerTtl);
  expect(report).toMatchObject({ compared: false, maxChangePercent: 30, warnings: [] });
  expect(report.stacks).toEqual([{ stack: 'mail-rollout', domainCount: 2, domains: [expect.objectContaining({ domain: 'example.com' }), expect.objectContaining({ domain: 'example.org' })] }]);
  expect(report.stacks[0].domains[0]).not.toHaveProperty('change', expect.anything());
});

test('with a base: only the domains that change, with counts and warnings', () => {
  const base = synthMail((stack) => ['a', 'b', 'c', 'd'].forEach((name) => cloudMailDomain(stack, `${name}.example`)));
  const head = synthMail((stack) => ['a', 'b', 'c', 'd'].forEach((name) => cloudMailDomain(stack, `${name}.example`, name === 'b' ? 600 : 3600)));
  const report = summarize(head, base);
  expect(report.compared).toBe(true);
  expect(report.stacks).toEqual([expect.objectContaining({ stack: 'mail', domainCount: 4, baseDomainCount: 4, changedDomainCount: 1 })]);
  expect(report.stacks[0].domains.map((comparison) => [comparison.domain, comparison.base?.records[0].ttl, comparison.head?.records[0].ttl])).toEqual([['b.example', 3600, 600]]);
});

test('the JSON is deterministic: the same synths give byte-identical output', () => {
  expect(JSON.stringify(summarize(cutover, lowerTtl))).toBe(JSON.stringify(summarize(synthExampleStage(RolloutStage.CUTOVER), synthExampleStage(RolloutStage.LOWER_TTL))));
});
