import { LegacyPolicy } from '../../lib/rollout/rollout-stage';
import { LegacyFate, LegacyRecordSummary, LegacySummary, PROVIDER_LABEL, SummaryRecord } from './domain-summary';
import { SafetyWarning } from './safety-warnings';
import { DomainComparison, RecordChange } from './summary-diff';
import { StackSummary, SummaryReport } from './summary-report';

/** First line of every report, so a CI job can find its earlier comment and update it in place. */
export const SUMMARY_MARKER = '<!-- cloudmail-mx summary -->';

const POLICY_TEXT: Record<LegacyPolicy, string> = {
  [LegacyPolicy.DELETE]: 'DELETE: deleted once the move is complete',
  [LegacyPolicy.DEMOTE]: 'DEMOTE: kept as backups below CloudMail',
};

/** The report as Markdown for a pull-request comment: warnings first, then per stack and domain. */
export function renderSummaryMarkdown(report: SummaryReport): string {
  const domainCount = report.stacks.reduce((sum, stack) => sum + stack.domainCount, 0);
  const lines = [SUMMARY_MARKER, report.compared ? '## CloudMail MX: what this pull request changes' : '## CloudMail MX records', ''];
  if (report.compared) {
    const changed = report.stacks.reduce((sum, stack) => sum + (stack.changedDomainCount ?? 0), 0);
    lines.push(changed === 0 ? 'No MX record and no rollout stage changes.' : `${changed} domain(s) change; ${domainCount} domain(s) in ${report.stacks.length} stack(s) after the change.`, '');
    lines.push(...renderWarnings(report.warnings));
  } else {
    lines.push(domainCount === 0 ? 'The synth output has no MX records.' : `${domainCount} domain(s) in ${report.stacks.length} stack(s). Compare with the main branch's synth (--base) to see the changes and the safety warnings.`, '');
  }
  for (const stack of report.stacks.filter((candidate) => candidate.domains.length > 0)) {
    lines.push(`### Stack \`${stack.stack}\`: ${stackCounts(stack)}`, '');
    for (const comparison of stack.domains) lines.push(...renderDomain(comparison, report.warnings.filter((warning) => warning.stack === comparison.stack && warning.domain === comparison.domain)));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderWarnings(warnings: readonly SafetyWarning[]): string[] {
  if (warnings.length === 0) return ['No safety warnings.', ''];
  return [
    '> [!CAUTION]',
    `> **${warnings.length} safety warning(s): read before approving.**`,
    '>',
    ...warnings.map((warning) => `> - **${warning.code}** ${warning.message}`),
    '',
  ];
}

function stackCounts(stack: StackSummary): string {
  if (stack.changedDomainCount === undefined) return `${stack.domainCount} domain(s)`;
  return `${stack.changedDomainCount} of ${stack.baseDomainCount} domain(s) change, ${stack.domainCount} after the change`;
}

function renderDomain(comparison: DomainComparison, warnings: readonly SafetyWarning[]): string[] {
  const shown = comparison.head ?? comparison.base;
  const flag = warnings.length > 0 ? `⚠️ ${warnings.map((warning) => warning.code).join(', ')} · ` : '';
  const kind = comparison.change === undefined ? '' : ` · ${comparison.change.kind.toLowerCase()}`;
  const lines = [`#### ${flag}\`${comparison.domain}\` · ${PROVIDER_LABEL[comparison.provider]} · zone \`${shown?.zoneId}\`${kind}`, ''];
  lines.push(...rolloutLines(comparison));
  lines.push(...(comparison.change === undefined ? recordTable(comparison.head?.records ?? []) : changeTable(comparison.change.records)));
  if (comparison.head?.legacy !== undefined) lines.push(...legacyTable(comparison.head.legacy));
  return lines;
}

function rolloutLines({ base, head, change }: DomainComparison): string[] {
  const move = change?.stageMove;
  const rollout = head?.rollout;
  if (move === undefined && rollout === undefined) return [];
  const stage = move === undefined ? `**${rollout?.stage}**` : `${move.from ?? 'no rollout'} → **${move.to ?? 'no rollout'}**`;
  const lines = [`- **Stage:** ${stage}${rollout !== undefined && !rollout.gated ? ' (not gated: there are no legacy records to wait for)' : ''}`];
  if (rollout?.gate !== undefined) lines.push(`- **Gate on this stage:** ${rollout.gate.rule}.`);
  if (rollout !== undefined) lines.push(`- **Next:** ${rollout.next === undefined ? 'none, the rollout is complete' : `${rollout.next.rule}.`}`);
  if (rollout?.oldServerMailUntil !== undefined) lines.push(`- **Old server:** ${rollout.oldServerMailUntil}`);
  if (rollout === undefined && base?.rollout !== undefined) lines.push('- **Next:** none, the rollout is removed');
  return [...lines, ''];
}

function recordTable(records: readonly SummaryRecord[]): string[] {
  return table(['priority', 'host', 'TTL'], records.map((record) => [String(record.priority), record.hostName, ttlText(record.ttl)]), '_No MX records._');
}

function changeTable(changes: readonly RecordChange[]): string[] {
  return table(['change', 'priority', 'host', 'TTL'], changes.map((change) => [
    change.kind.toLowerCase(),
    beforeAfter(change, (record) => String(record.priority)),
    change.hostName,
    beforeAfter(change, (record) => ttlText(record.ttl)),
  ]), '_The records do not change._');
}

function legacyTable(legacy: LegacySummary): string[] {
  return [`Legacy records (policy ${POLICY_TEXT[legacy.policy]}):`, '', ...table(['was', 'host', 'in this synth'], legacy.records.map((record) => [String(record.priority), record.hostName, fateText(record)]), '')];
}

function fateText(record: LegacyRecordSummary): string {
  if (record.fate === LegacyFate.DELETED) return 'deleted';
  return `${record.fate === LegacyFate.KEPT ? 'kept at' : 'demoted to'} ${record.publishedPriority}`;
}

/** "10", or "10 → 30" when the value changes. */
function beforeAfter(change: RecordChange, value: (record: SummaryRecord) => string): string {
  const before = change.before && value(change.before);
  const after = change.after && value(change.after);
  return before === undefined || after === undefined || before === after ? (after ?? before ?? '') : `${before} → ${after}`;
}

function ttlText(ttl: number | undefined): string {
  return ttl === undefined ? 'set at apply' : String(ttl);
}

function table(header: readonly string[], rows: readonly (readonly string[])[], whenEmpty: string): string[] {
  if (rows.length === 0) return [whenEmpty, ''];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}
