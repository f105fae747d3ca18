import { RolloutStage } from '../../../lib';
import { ChangeKind, compareDomains, DomainSummary, readSynthOutput, summarizeDomain } from '../../../tools';
import { cloudMailDomain, movingDomain, removeSynths, synthExampleStage, synthMail } from './summary-synths';

const summaries = (outdir: string): DomainSummary[] => readSynthOutput(outdir).map(summarizeDomain);
const [lowerTtl, cutover, complete] = [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE].map((stage) => summaries(synthExampleStage(stage)));
afterAll(removeSynths);

test('LOWER_TTL → CUTOVER: CloudMail records added, the old ones changed to demoted priorities, the stage move', () => {
  const com = compareDomains(lowerTtl, cutover).find((comparison) => comparison.domain === 'example.com');
  expect(com?.change).toEqual({
    kind: ChangeKind.CHANGED,
    records: [
      { hostName: 'mx1.cloudaccess.net', kind: ChangeKind.ADDED, after: { priority: 10, hostName: 'mx1.cloudaccess.net', ttl: 300 } },
      { hostName: 'backup1.example.net', kind: ChangeKind.ADDED, after: { priority: 20, hostName: 'backup1.example.net', ttl: 300 } },
      { hostName: 'mail.oldhost.net', kind: ChangeKind.CHANGED, before: { priority: 10, hostName: 'mail.oldhost.net', ttl: 300 }, after: { priority: 30, hostName: 'mail.oldhost.net', ttl: 300 } },
      { hostName: 'mail2.oldhost.net', kind: ChangeKind.CHANGED, before: { priority: 20, hostName: 'mail2.oldhost.net', ttl: 300 }, after: { priority: 40, hostName: 'mail2.oldhost.net', ttl: 300 } },
    ],
    stageMove: { from: RolloutStage.LOWER_TTL, to: RolloutStage.CUTOVER },
  });
});

test('CUTOVER → COMPLETE: removed old records (DELETE) and TTL changes (DEMOTE) appear as record changes', () => {
  const [com, org] = compareDomains(cutover, complete).map((comparison) => comparison.change?.records.map((record) => `${record.kind} ${record.hostName}`));
  expect(com).toEqual(['CHANGED mx1.cloudaccess.net', 'CHANGED backup1.example.net', 'REMOVED mail.oldhost.net', 'REMOVED mail2.oldhost.net']);
  expect(org).toEqual(['CHANGED mx1.cloudaccess.net', 'CHANGED mx.oldmail.example']);
});

test('a domain that does not change has no change; added and removed domains are marked', () => {
  const base = summaries(synthMail((stack) => {
    cloudMailDomain(stack, 'same.example');
    cloudMailDomain(stack, 'gone.example');
  }));
  const head = summaries(synthMail((stack) => {
    cloudMailDomain(stack, 'same.example');
    movingDomain(stack, 'new.example', RolloutStage.LOWER_TTL);
  }));
  expect(compareDomains(base, head).map((comparison) => [comparison.domain, comparison.change?.kind, comparison.change?.stageMove])).toEqual([
    ['gone.example', ChangeKind.REMOVED, undefined],
    ['new.example', ChangeKind.ADDED, { to: RolloutStage.LOWER_TTL }],
    ['same.example', undefined, undefined],
  ]);
});
