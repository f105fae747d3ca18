import { parseArgsOrExplain, positiveInteger, readDomainFile, UsageError } from '../check/check-args';
import { DEFAULT_CONCURRENCY } from '../check/check-domain';
import { CommandIo, ExitCode, exitCodeFor } from '../check/run-check-command';
import { discoverDomains } from './discover-domains';
import { DiscoveryReport } from './domain-discovery';
import { renderDiscoveryFleet } from './render-discovery-fleet';
import { renderDiscoveryTs } from './render-discovery-ts';

/** The usage text of `cloudmail-mx discover`. */
export const DISCOVER_USAGE = `Usage: cloudmail-mx discover <domain...> [options]

Reads the MX records a domain serves today and prints its move to CloudMail: the legacy records
to take over and the LOWER_TTL stage with the TTL to wait out.

  --resolver <ip[:port]>       (repeatable) DNS server(s) to ask; default: the system resolvers
  --fallback-resolver <ip[:port]>
                               (repeatable) asked when a --resolver refuses a question it does not serve
                               (name servers, the parent's delegation); default: the system resolvers
  --authoritative              find the zone's name servers (parent delegation and the zone's own NS set)
                               and ask every one directly, IPv4 and IPv6
  --file <domains.txt>         one domain per line (# comments), in addition to arguments
  --format ts|fleet|json       ts (default): a CloudMailMx block per domain; fleet: fleet-file entries;
                               json: everything that was read
  --cloudflare-zone <id>       list the records through the Cloudflare API (token from
                               CLOUDFLARE_API_TOKEN) and fill importId
  --concurrency <n>            domains read at once (default ${DEFAULT_CONCURRENCY})
  --timeout <ms>               per DNS query attempt; 3 attempts (default 2000)

Exit codes: 0 fine, 1 a domain needs attention (servers disagree, API and DNS disagree, partial or
null MX), 2 usage error or a domain that could not be read.`;

const FORMATS = ['ts', 'fleet', 'json'] as const;

/** Runs `cloudmail-mx discover <args>`; the token and API base URL come from `env`. */
export async function runDiscoverCommand(args: readonly string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<ExitCode> {
  try {
    const { values, positionals } = parseArgsOrExplain({ args: [...args], allowPositionals: true, strict: true, options: {
      resolver: { type: 'string', multiple: true },
      'fallback-resolver': { type: 'string', multiple: true },
      authoritative: { type: 'boolean' },
      file: { type: 'string' },
      format: { type: 'string', default: 'ts' },
      'cloudflare-zone': { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    } }, DISCOVER_USAGE);
    if (values.help) {
      io.stdout.write(`${DISCOVER_USAGE}\n`);
      return ExitCode.OK;
    }
    const format = FORMATS.find((known) => known === values.format);
    if (format === undefined) throw new UsageError(`--format ${values.format} is not known. Fix: use --format ts, fleet or json.`);
    const domains = [...positionals, ...(values.file === undefined ? [] : readDomainFile(values.file).map((line) => line.domain))];
    if (domains.length === 0) throw new UsageError(`No domain to discover. Fix: name at least one, e.g. cloudmail-mx discover example.com, or use --file.\n\n${DISCOVER_USAGE}`);
    const zoneId = values['cloudflare-zone'];
    const report = await discoverDomains(domains, {
      resolvers: values.resolver,
      fallbackResolvers: values['fallback-resolver'],
      authoritative: values.authoritative,
      concurrency: positiveInteger('--concurrency', values.concurrency),
      timeoutMs: positiveInteger('--timeout', values.timeout),
      cloudflare: zoneId === undefined ? undefined : { zoneId, token: env.CLOUDFLARE_API_TOKEN ?? '', baseUrl: env.CLOUDFLARE_API_BASE_URL || undefined },
    });
    write(report, format, io);
    return exitCodeFor(report);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cloudmail-mx discover: ${error.message}\n`);
      return ExitCode.USAGE_OR_ERROR;
    }
    throw error;
  }
}

function write(report: DiscoveryReport, format: (typeof FORMATS)[number], io: CommandIo): void {
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (format === 'ts') {
    io.stdout.write(renderDiscoveryTs(report));
  } else {
    // JSON has no comments, so what the ts format says beside each block goes to stderr.
    const { entries, skipped } = renderDiscoveryFleet(report);
    io.stdout.write(`${entries}\n`);
    const notes = [...report.domains.flatMap((domain) => domain.findings.map((f) => `${domain.domain}: ${f.severity.toUpperCase()} ${f.code}: ${f.message}`)), ...skipped];
    for (const note of notes) io.stderr.write(`cloudmail-mx discover: ${note}\n`);
  }
}
