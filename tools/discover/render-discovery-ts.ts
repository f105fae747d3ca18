import { DnsProvider } from '../../lib/targets/dns-provider';
import { wrap } from '../check/render-report';
import { DiscoveryReport, DiscoveryState, DomainDiscovery, UNKNOWN_PROVIDER } from './domain-discovery';

/** Placeholders the library refuses at synth with the fix, so an unfilled one never becomes Terraform. */
export const ZONE_ID_PLACEHOLDER = '<zone id>';
export const HOSTED_ZONE_ID_PLACEHOLDER = '<hosted zone id>';

const HEADER = [
  '// cloudmail-mx discover: one CloudMailMx per domain, for a stack named `stack`, with',
  "// import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from 'cloudmail-mx';",
];
const COMMENT_WIDTH = 110;

/**
 * The `--format ts` output: per domain a comment that says what was found,
 * its findings, and a `new CloudMailMx(...)` whose legacy records and
 * LOWER_TTL rollout come from what DNS serves. A block that cannot be used
 * as it stands (partial, null MX, provider unknown) is printed commented out;
 * a domain that could not be read or is already on CloudMail gets no block.
 */
export function renderDiscoveryTs(report: DiscoveryReport): string {
  const ids = new Set<string>();
  const blocks = report.domains.map((domain) => renderDomain(domain, constructId(domain.domain, ids)));
  return `${[HEADER.join('\n'), ...blocks].join('\n\n')}\n`;
}

function renderDomain(domain: DomainDiscovery, id: string): string {
  const comments = [summary(domain), ...domain.findings.map((f) => `${f.severity.toUpperCase()} ${f.code}: ${f.message}`)];
  const lines = comments.flatMap((text) => wrap(sanitize(text), COMMENT_WIDTH).map((line, index) => `//${index === 0 ? ' ' : '   '}${line}`));
  if (domain.state === DiscoveryState.ERROR || domain.state === DiscoveryState.CLOUDMAIL) return lines.join('\n');
  const usable = domain.provider !== UNKNOWN_PROVIDER && (domain.state === DiscoveryState.LEGACY || domain.state === DiscoveryState.NO_MX);
  const block = constructLines(domain, id).map((line) => (usable ? line : `// ${line}`));
  return [...lines, ...block].join('\n');
}

function summary(domain: DomainDiscovery): string {
  const servers = domain.servers.map((server) => server.server).join(', ');
  switch (domain.state) {
    case DiscoveryState.LEGACY:
      return `${domain.domain}: ${domain.legacy.length} legacy record(s) to take over, provider ${domain.provider}; previousTtl ${domain.previousTtl} s is the highest TTL served (asked: ${servers}${domain.resolver ? `, and the resolver ${domain.resolver.server}` : ''}).`;
    case DiscoveryState.NO_MX:
      return `${domain.domain}: no MX records today, so nothing to take over or wait for; provider ${domain.provider}.`;
    case DiscoveryState.CLOUDMAIL:
      return `${domain.domain}: already on CloudMail (${domain.servers[0]?.records.map((r) => `${r.priority} ${r.hostName}`).join(', ')}); nothing to migrate.`;
    case DiscoveryState.ERROR:
      return `${domain.domain}: could not be read, so no block; fix the errors below and run discover again.`;
    case DiscoveryState.PARTIAL:
    case DiscoveryState.NULL_MX:
      return `${domain.domain}: ${domain.state}; the block stays commented out until the finding below is dealt with.`;
  }
}

function constructLines(domain: DomainDiscovery, id: string): string[] {
  const lines = [`new CloudMailMx(stack, ${tsString(id)}, {`, `  domain: ${tsString(domain.domain)},`, `  ${targetLine(domain)}`];
  if (domain.legacy.length > 0) {
    lines.push('  legacy: {', '    servers: [');
    for (const record of domain.legacy) {
      const importId = record.importId === undefined ? '' : `, importId: ${tsString(record.importId)}`;
      lines.push(`      { hostName: ${tsString(record.hostName)}, priority: ${record.priority}${importId} },${missingImportId(domain, record.importId)}`);
    }
    lines.push('    ],', '    policy: LegacyPolicy.DELETE, // or LegacyPolicy.DEMOTE: keep them as backups below CloudMail', '  },');
    lines.push(`  rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: ${domain.previousTtl} },`);
  }
  lines.push('});');
  return lines;
}

function targetLine(domain: DomainDiscovery): string {
  if (domain.provider === DnsProvider.ROUTE53) {
    return `target: DnsTarget.route53({ zoneId: ${tsString(HOSTED_ZONE_ID_PLACEHOLDER)} }), // the hosted zone ID: aws route53 list-hosted-zones-by-name --dns-name ${sanitize(domain.domain)}`;
  }
  if (domain.provider === DnsProvider.CLOUDFLARE && domain.cloudflare !== undefined) return `target: DnsTarget.cloudflare({ zoneId: ${tsString(domain.cloudflare.zoneId)} }),`;
  const cloudflare = `target: DnsTarget.cloudflare({ zoneId: ${tsString(ZONE_ID_PLACEHOLDER)} }),`;
  return domain.provider === DnsProvider.CLOUDFLARE
    ? `${cloudflare} // the zone ID from the zone's Overview page; discover --cloudflare-zone <id> also fills importId`
    : `${cloudflare} // provider unknown: or DnsTarget.route53({ zoneId: ${tsString(HOSTED_ZONE_ID_PLACEHOLDER)} })`;
}

/** Cloudflare takes each record over by its ID; Route53 imports the whole set and needs none. */
function missingImportId(domain: DomainDiscovery, importId: string | undefined): string {
  if (importId !== undefined || domain.provider === DnsProvider.ROUTE53) return '';
  if (domain.cloudflare === undefined) return ' // importId unknown: run discover with --cloudflare-zone <zone id>';
  return ` // importId unknown: the Cloudflare API ${domain.cloudflare.records === undefined ? 'could not be read' : 'does not list this record'} (see the findings)`;
}

/** `example.com` → `example-com`, unique within the output. */
function constructId(domain: string, used: Set<string>): string {
  const base = domain.replace(/[^a-z0-9-]/g, '-');
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** A single-quoted TypeScript string; DNS data is escaped, so a hostile answer cannot inject code. */
function tsString(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replace(/'/g, "\\'")}'`;
}

/** Comment text on one line of printable ASCII, whatever DNS answered. */
function sanitize(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
