import { CloudMailMx, DnsTarget, RolloutStage } from '../../../lib';
import { renderSummaryMarkdown, SUMMARY_MARKER } from '../../../tools';
import { cloudMailDomain, removeSynths, summarize, synthExampleStage, synthMail } from './summary-synths';

const [lowerTtl, cutover, complete, rollback] = [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE, RolloutStage.ROLLBACK].map(synthExampleStage);
afterAll(removeSynths);

describe('without a base', () => {
  const markdown = renderSummaryMarkdown(summarize(lowerTtl));

  test('starts with the marker a CI job finds its comment by', () => {
    expect(markdown.split('\n')[0]).toBe(SUMMARY_MARKER);
  });

  test('gives per domain the provider, zone, records with TTL, legacy fate and the next stage with its rule', () => {
    expect(markdown).toContain('#### `example.com` · Cloudflare · zone `023e105f4ecef8ad9ca31a8372d0c353`\n');
    expect(markdown).toContain('| priority | host | TTL |\n|---|---|---|\n| 10 | mail.oldhost.net | 300 |\n| 20 | mail2.oldhost.net | 300 |\n');
    expect(markdown).toContain('Legacy records (policy DELETE: deleted once the move is complete):');
    expect(markdown).toContain('| 5 | mx.oldmail.example | kept at 5 |');
    expect(markdown).toContain('- **Stage:** **LOWER_TTL**\n- **Gate on this stage:** LOWER_TTL allowed at the start of a rollout or after ROLLBACK was applied, with no wait.\n- **Next:** CUTOVER allowed 86400 s (24 h) after LOWER_TTL was applied (or the longer previousTtl remembered from an earlier stage), once caches no longer hold the old records, inside the maintenance window Fri, Sat 20:00-06:00 UTC (across midnight).');
    expect(markdown).not.toContain('[!CAUTION]');
  });
});

test('names Google Cloud DNS, Azure DNS and RFC 2136 domains with their zones', () => {
  const markdown = renderSummaryMarkdown(summarize(synthMail((stack) => {
    new CloudMailMx(stack, 'google', { domain: 'example.com', target: DnsTarget.googleCloudDns({ managedZone: 'example-com', project: 'mail-project' }) });
    new CloudMailMx(stack, 'azure', { domain: 'example.org', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' }) });
    new CloudMailMx(stack, 'rfc2136', { domain: 'example.net', target: DnsTarget.rfc2136({ zone: 'example.net.' }) });
  })));
  expect(markdown).toContain('#### `example.com` · Google Cloud DNS · zone `mail-project/example-com`\n');
  expect(markdown).toContain('#### `example.org` · Azure DNS · zone `dns-rg/example.org`\n');
  expect(markdown).toContain('#### `example.net` · RFC 2136 · zone `example.net.`\n');
  expect(markdown).toContain('| priority | host | TTL |\n|---|---|---|\n| 10 | mx1.cloudaccess.net | 3600 |\n');
});

describe('with a base', () => {
  const markdown = renderSummaryMarkdown(summarize(cutover, lowerTtl));

  test('shows the added and changed records, the stage move and the gate', () => {
    expect(markdown).toContain('## CloudMail MX: what this pull request changes');
    expect(markdown).toContain('| change | priority | host | TTL |\n|---|---|---|---|\n| added | 10 | mx1.cloudaccess.net | 300 |\n| added | 20 | backup1.example.net | 300 |\n| changed | 10 → 30 | mail.oldhost.net | 300 |');
    expect(markdown).toContain('- **Stage:** LOWER_TTL → **CUTOVER**\n- **Gate on this stage:** CUTOVER allowed 86400 s (24 h) after LOWER_TTL or ROLLBACK was applied');
    expect(markdown).toContain('| 10 | mail.oldhost.net | demoted to 30 |');
  });

  test('puts the warnings first, in a caution block, and flags the domains they name', () => {
    const rolledBack = renderSummaryMarkdown(summarize(rollback, cutover));
    const caution = rolledBack.indexOf('> [!CAUTION]');
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(rolledBack.indexOf('### Stack'));
    expect(rolledBack).toContain('> - **PRIMARY_LOST** mx1.cloudaccess.net loses the top priority on example.com');
    expect(rolledBack).toContain('#### ⚠️ PRIMARY_LOST · `example.com` · Cloudflare');
    expect(rolledBack).toContain('- **Stage:** CUTOVER → **ROLLBACK**\n- **Gate on this stage:** ROLLBACK allowed after LOWER_TTL, CUTOVER or COMPLETE was applied, with no wait.\n- **Next:** CUTOVER allowed 86400 s (24 h) after ROLLBACK was applied');
  });

  test('at COMPLETE, says until when the old server may still receive mail', () => {
    const completed = renderSummaryMarkdown(summarize(complete, cutover));
    expect(completed).toContain('- **Old server:** mail.oldhost.net, mail2.oldhost.net may still receive mail until the later of 259200 s (72 h) after CUTOVER was applied (the soak, or the longest TTL in play if longer) and 300 s (5 min) after COMPLETE is applied (caches of the cutover\'s records): keep it running and collect its mail until then. Terraform\'s output old_server_mail_until gives the time.');
    expect(completed).toContain('- **Old server:** mx.oldmail.example may be tried first until 86400 s (24 h) after CUTOVER was applied');
  });

  test('says so when nothing changes', () => {
    const outdir = synthMail((stack) => cloudMailDomain(stack, 'a.example'));
    const same = renderSummaryMarkdown(summarize(outdir, outdir));
    expect(same).toContain('No MX record and no rollout stage changes.\n\nNo safety warnings.');
    expect(same).not.toContain('### Stack');
  });
});
