import { CloudMailMx, DnsProvider, DnsTarget, RolloutStage } from '../../../lib';
import { DomainSummary, formatSeconds, LegacyFate, readSynthOutput, summarizeDomain } from '../../../tools';
import { ROUTE53_ZONE } from '../../harness';
import { cloudMailDomain, removeSynths, synthExampleStage, synthMail } from './summary-synths';

/** examples/staged-rollout: example.com on Cloudflare (legacy DELETE), example.org on Route53 (legacy DEMOTE). */
const stages = Object.fromEntries([RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE].map((stage) => [stage, readSynthOutput(synthExampleStage(stage)).map(summarizeDomain)]));
const domain = (stage: RolloutStage, name: string): DomainSummary => stages[stage].find((summary) => summary.domain === name)!;
afterAll(removeSynths);

test('LOWER_TTL on Cloudflare: the old records kept at TTL 300, CUTOVER allowed after the old TTL', () => {
  expect(domain(RolloutStage.LOWER_TTL, 'example.com')).toEqual({
    stack: 'mail-rollout',
    domain: 'example.com',
    provider: DnsProvider.CLOUDFLARE,
    zoneId: '023e105f4ecef8ad9ca31a8372d0c353',
    path: 'mail-rollout/example-com',
    records: [{ priority: 10, hostName: 'mail.oldhost.net', ttl: 300 }, { priority: 20, hostName: 'mail2.oldhost.net', ttl: 300 }],
    legacy: {
      policy: 'DELETE',
      records: [
        { priority: 10, hostName: 'mail.oldhost.net', fate: LegacyFate.KEPT, publishedPriority: 10 },
        { priority: 20, hostName: 'mail2.oldhost.net', fate: LegacyFate.KEPT, publishedPriority: 20 },
      ],
    },
    rollout: {
      stage: RolloutStage.LOWER_TTL, gated: true, previousTtl: 86400, rolloutTtl: 300, soak: 259200,
      gate: { stage: RolloutStage.LOWER_TTL, after: [RolloutStage.ROLLBACK], waitSeconds: 0, rule: 'LOWER_TTL allowed at the start of a rollout or after ROLLBACK was applied, with no wait' },
      next: {
        stage: RolloutStage.CUTOVER,
        after: [RolloutStage.LOWER_TTL],
        waitSeconds: 86400,
        window: 'Fri, Sat 20:00-06:00 UTC (across midnight)',
        rule: 'CUTOVER allowed 86400 s (24 h) after LOWER_TTL was applied (or the longer previousTtl remembered from an earlier stage), once caches no longer hold the old records, inside the maintenance window Fri, Sat 20:00-06:00 UTC (across midnight)',
      },
    },
  });
});

test('CUTOVER on Route53: CloudMail on top, the old record demoted, the gate read from the terraform_data gate', () => {
  const summary = domain(RolloutStage.CUTOVER, 'example.org');
  expect(summary.records).toEqual([{ priority: 10, hostName: 'mx1.cloudaccess.net', ttl: 300 }, { priority: 20, hostName: 'mx.oldmail.example', ttl: 300 }]);
  expect(summary.legacy?.records).toEqual([{ priority: 5, hostName: 'mx.oldmail.example', fate: LegacyFate.DEMOTED, publishedPriority: 20 }]);
  expect(summary.rollout?.gate).toEqual({ stage: RolloutStage.CUTOVER, after: [RolloutStage.LOWER_TTL, RolloutStage.ROLLBACK], waitSeconds: 3600, rule: expect.stringMatching(/^CUTOVER allowed 3600 s \(1 h\) after LOWER_TTL or ROLLBACK was applied/) });
  expect(summary.rollout?.next).toEqual({ stage: RolloutStage.COMPLETE, after: [RolloutStage.CUTOVER], waitSeconds: 86400, rule: 'COMPLETE allowed 86400 s (24 h) after CUTOVER was applied (or the longer soak remembered from an earlier stage), once the cutover has propagated' });
});

test('COMPLETE: the old records deleted (DELETE) or kept demoted (DEMOTE), the final TTL, no next stage', () => {
  const com = domain(RolloutStage.COMPLETE, 'example.com');
  expect(com.records.map((record) => `${record.priority} ${record.hostName} ${record.ttl}`)).toEqual(['10 mx1.cloudaccess.net 3600', '20 backup1.example.net 3600']);
  expect(com.legacy?.records.map((record) => record.fate)).toEqual([LegacyFate.DELETED, LegacyFate.DELETED]);
  expect(com.rollout?.gate).toMatchObject({ stage: RolloutStage.COMPLETE, after: [RolloutStage.CUTOVER], waitSeconds: 259200 });
  expect(com.rollout?.next).toBeUndefined();
  expect(domain(RolloutStage.COMPLETE, 'example.org').legacy?.records).toEqual([{ priority: 5, hostName: 'mx.oldmail.example', fate: LegacyFate.DEMOTED, publishedPriority: 20 }]);
});

test('a rollout without legacy records is not gated: the next stage is allowed any time', () => {
  const [summary] = readSynthOutput(synthMail((stack) => {
    new CloudMailMx(stack, 'new', { domain: 'new.example', target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }), rollout: { stage: RolloutStage.CUTOVER, previousTtl: 3600 } });
  })).map(summarizeDomain);
  expect(summary.rollout).toMatchObject({ stage: RolloutStage.CUTOVER, gated: false, next: { stage: RolloutStage.COMPLETE, waitSeconds: 0, rule: 'COMPLETE allowed any time: there are no legacy records to wait for' } });
  expect(summary.rollout?.gate).toBeUndefined();
});

test('a domain without rollout has its records only', () => {
  const [summary] = readSynthOutput(synthMail((stack) => cloudMailDomain(stack, 'done.example', 600))).map(summarizeDomain);
  expect(summary).toEqual({ stack: 'mail', domain: 'done.example', provider: DnsProvider.ROUTE53, zoneId: ROUTE53_ZONE, path: 'mail/done-example', records: [{ priority: 10, hostName: 'mx1.cloudaccess.net', ttl: 600 }] });
});

test('formatSeconds keeps the exact seconds and adds hours or minutes for reading', () => {
  expect([formatSeconds(259200), formatSeconds(5400), formatSeconds(45)]).toEqual(['259200 s (72 h)', '5400 s (90 min)', '45 s']);
});
