import { CheckReport, DomainReport, ServerReport } from './check-domain';
import { DomainStatus, Severity } from './finding';

/** How the human report is drawn. */
export interface RenderOptions {
  /** ANSI colours; only when writing to a terminal. */
  readonly color: boolean;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', magenta: '\x1b[35m' } as const;
const STATUS_COLOR: Record<DomainStatus, string> = { ok: ANSI.green, [Severity.WARN]: ANSI.yellow, [Severity.FAIL]: ANSI.red, [Severity.ERROR]: ANSI.magenta };
const MESSAGE_WIDTH = 100;

/** The human report: per domain a table of what each server serves, then each finding and its fix; last a tally. */
export function renderReport(report: CheckReport, options: RenderOptions): string {
  const paint = (color: string, text: string): string => (options.color ? `${color}${text}${ANSI.reset}` : text);
  const blocks = report.domains.map((domain) => renderDomain(domain, paint));
  const tally = (['ok', Severity.WARN, Severity.FAIL, Severity.ERROR] as const).map((status) => `${report.domains.filter((d) => d.status === status).length} ${status}`);
  return `${blocks.join('\n')}\n${report.domains.length} domain(s): ${tally.join(', ')}\n`;
}

function renderDomain(domain: DomainReport, paint: (color: string, text: string) => string): string {
  const lines = [`${paint(ANSI.bold, domain.domain)}  ${paint(STATUS_COLOR[domain.status], domain.status.toUpperCase())}`];
  const rows = [['SERVER', 'PRIORITY', 'HOST', 'TTL'], ...domain.servers.flatMap((server) => {
    const label = serverLabel(server);
    return server.records.length === 0 ? [[label, '-', '(no MX records)', '-']] : server.records.map((record) => [label, String(record.priority), record.hostName, String(record.ttl)]);
  })];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  lines.push(...rows.map((row, index) => {
    const text = `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()}`;
    return index === 0 ? paint(ANSI.dim, text) : text;
  }));
  for (const finding of domain.findings) {
    const [problem, fix] = splitFix(finding.message);
    lines.push(`  ${paint(STATUS_COLOR[finding.severity], `${finding.severity.toUpperCase()} ${finding.code}`)}`);
    lines.push(...wrap(problem, MESSAGE_WIDTH).map((line) => `    ${line}`));
    if (fix !== undefined) lines.push(...wrap(`Fix: ${fix}`, MESSAGE_WIDTH).map((line) => `    ${paint(ANSI.bold, line)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** "192.0.2.53:53 (ns1.example.net)" with --authoritative; "…, MX of target.example" when the domain is a CNAME. */
function serverLabel(server: ServerReport): string {
  const named = server.nameServer === undefined || server.nameServer === server.server ? server.server : `${server.server} (${server.nameServer})`;
  return server.canonicalName === undefined ? named : `${named}, MX of ${server.canonicalName}`;
}

function splitFix(message: string): [string, string | undefined] {
  const at = message.lastIndexOf(' Fix: ');
  return at < 0 ? [message, undefined] : [message.slice(0, at), message.slice(at + ' Fix: '.length)];
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}
