import { readFileSync } from 'node:fs';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { normalizeDnsName } from '../../lib/model/dns-name';
import { MxServer } from '../../lib/model/mx-server';
import { RolloutStage } from '../../lib/rollout/rollout-stage';
import { parseMxRecordText } from '../synth/read-mx-manifest';
import type { SynthesizedMxSet } from '../synth/read-synth-output';
import { CheckDomainsOptions, DEFAULT_CONCURRENCY, DomainCheckRequest } from './check-domain';
import { MAX_TIMEOUT_MS } from './dns-query';

/** The usage text of `cloudmail-mx check`. */
export const CHECK_USAGE = `Usage: cloudmail-mx check <domain...> [options]

Asks DNS which MX records a domain really serves and says what is wrong and how to fix it.

  --expect cloudmail           expected set: mx1.cloudaccess.net on top (default)
  --backup <host>              (repeatable) expected CloudMail backups, after mx1
  --expect-file <servers.json> expected set as [{ "hostName": "...", "priority": 10 }]
  --from-synth <cdktf.out>     expected sets for every domain found in synthesized stacks
                               (in stage LOWER_TTL: exactly its declared legacy list)
  --resolver <ip[:port]>       (repeatable) DNS server(s) to ask, e.g. 192.0.2.53:53 or [2001:db8::53]:53;
                               default: the system resolvers
  --fallback-resolver <ip[:port]>
                               (repeatable) asked when a --resolver refuses a question it does not serve
                               (MX targets, name servers); default: the system resolvers
  --authoritative              find the zone's name servers (parent delegation and the zone's own NS set)
                               through the resolvers, in order, and ask every one, IPv4 and IPv6
  --file <domains.txt>         one domain per line (# comments), in addition to arguments; a line that
                               is not a domain is reported as an error entry, the others are checked
  --concurrency <n>            domains checked at once (default ${DEFAULT_CONCURRENCY})
  --timeout <ms>               per query attempt, at most ${MAX_TIMEOUT_MS}; 3 attempts (default 2000)
  --json                       machine-readable result on stdout

Exit codes: 0 every domain ok or warn, 1 a domain fails, 2 usage error or a domain could not be checked.`;

/** A command line that cannot be run; the message says what to do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A parsed `check` command line. */
export interface CheckCommand {
  readonly requests: readonly DomainCheckRequest[];
  readonly options: CheckDomainsOptions;
  readonly json: boolean;
  readonly help: boolean;
}

/** Parses the arguments after `check`; throws {@link UsageError}. Files named by options are read here. */
export function parseCheckArgs(args: readonly string[]): CheckCommand {
  const { values, positionals } = parseOrExplain(args);
  if (values.help) return { requests: [], options: {}, json: false, help: true };
  if (values.expect !== undefined && values.expect !== 'cloudmail') {
    throw new UsageError(`--expect ${values.expect} is not known. Fix: use --expect cloudmail, or give the set with --expect-file.`);
  }
  const sources = [values['expect-file'] !== undefined, values['from-synth'] !== undefined, (values.backup ?? []).length > 0].filter(Boolean).length;
  if (sources > 1) throw new UsageError('--backup, --expect-file and --from-synth each give the expected set. Fix: use only one of them.');
  const domains: DomainCheckRequest[] = [...positionals.map((domain) => ({ domain })), ...(values.file === undefined ? [] : readDomainFile(values.file))];
  const requests = values['from-synth'] === undefined ? domains : synthRequests(values['from-synth'], domains.map((request) => request.domain));
  if (requests.length === 0) throw new UsageError(`No domain to check. Fix: name at least one domain, e.g. cloudmail-mx check example.com, or use --file or --from-synth.\n\n${CHECK_USAGE}`);
  return {
    requests,
    json: values.json ?? false,
    help: false,
    options: {
      expected: values['expect-file'] === undefined ? CloudMail.servers({ backups: values.backup ?? [] }) : readExpectFile(values['expect-file']),
      resolvers: values.resolver,
      fallbackResolvers: values['fallback-resolver'],
      authoritative: values.authoritative ?? false,
      concurrency: positiveInteger('--concurrency', values.concurrency) ?? DEFAULT_CONCURRENCY,
      timeoutMs: positiveInteger('--timeout', values.timeout, MAX_TIMEOUT_MS),
    },
  };
}

function parseOrExplain(args: readonly string[]) {
  return parseArgsOrExplain({ args: [...args], allowPositionals: true, strict: true, options: {
    expect: { type: 'string' },
    backup: { type: 'string', multiple: true },
    'expect-file': { type: 'string' },
    'from-synth': { type: 'string' },
    resolver: { type: 'string', multiple: true },
    'fallback-resolver': { type: 'string', multiple: true },
    authoritative: { type: 'boolean' },
    file: { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } }, CHECK_USAGE);
}

/** Parses a subcommand's command line; an unknown or malformed option becomes a {@link UsageError} with the usage text. */
export function parseArgsOrExplain<const T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Fix: see the options below.\n\n${usage}`);
  }
}

export function positiveInteger(option: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1) throw new UsageError(`${option} ${value} is not a positive whole number. Fix: give e.g. ${option} 16.`);
  if (number > max) throw new UsageError(`${option} ${value} is more than ${max}. Fix: give at most ${option} ${max}.`);
  return number;
}

function readText(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${option} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix: check the path.`);
  }
}

/** A domain read from a line of a --file; its origin is spelled out only when a report needs it (a fleet file has many lines). */
class FileLine implements DomainCheckRequest {
  constructor(public readonly domain: string, private readonly path: string, private readonly line: number) {}

  public get origin(): string {
    return `${this.path} line ${this.line}`;
  }
}

/** Bad lines listed in full when no line of a --file is a domain; the rest are counted. */
const MAX_BAD_LINES_SHOWN = 5;

/**
 * The domains of a --file, each with its line number as origin: a line that
 * is not a domain becomes an error entry of the report, and the other lines
 * are checked. A file without a single domain (the wrong file) is a usage
 * error that shows its first bad lines only.
 */
export function readDomainFile(path: string): DomainCheckRequest[] {
  const requests: FileLine[] = [];
  readText('--file', path).split('\n').forEach((line, index) => {
    const domain = (line.includes('#') ? line.slice(0, line.indexOf('#')) : line).trim();
    if (domain !== '') requests.push(new FileLine(domain, path, index + 1));
  });
  if (requests.length === 0 || requests.some((request) => normalizeDnsName(request.domain, { property: 'domain' }).name !== undefined)) return requests;
  const shown = requests.slice(0, MAX_BAD_LINES_SHOWN).map((request) => `  ${request.origin}: ${JSON.stringify(request.domain.length > 60 ? `${request.domain.slice(0, 60)}…` : request.domain)}`);
  const more = requests.length > MAX_BAD_LINES_SHOWN ? [`  … and ${requests.length - MAX_BAD_LINES_SHOWN} more`] : [];
  throw new UsageError(`--file ${path}: none of its ${requests.length} line(s) is a domain name:\n${[...shown, ...more].join('\n')}\nFix: give a file with one domain per line (# starts a comment).`);
}

function readExpectFile(path: string): MxServer[] {
  const text = readText('--expect-file', path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--expect-file ${path} is not valid JSON (${(error as Error).message}). Fix: write it as [{ "hostName": "mx1.cloudaccess.net", "priority": 10 }].`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`--expect-file ${path} does not hold a JSON array. Fix: write it as [{ "hostName": "mx1.cloudaccess.net", "priority": 10 }].`);
  return parsed as MxServer[];
}

function synthRequests(outdir: string, domains: readonly string[]): DomainCheckRequest[] {
  // Loaded only for --from-synth: a plain check should not pay for the synth reader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readSynthOutput } = require('../synth/read-synth-output') as typeof import('../synth/read-synth-output');
  let sets: SynthesizedMxSet[];
  try {
    sets = readSynthOutput(outdir);
  } catch (error) {
    throw new UsageError(`--from-synth: ${(error as Error).message}`);
  }
  const requests = sets.map((set): DomainCheckRequest => declaredLegacyRequest(set) ?? { domain: set.domain, expected: set.records });
  if (domains.length === 0) return requests;
  const wanted = new Set(domains.map((domain) => normalizeDnsName(domain, { property: 'domain' }).name ?? domain));
  const missing = [...wanted].filter((domain) => !requests.some((request) => request.domain === domain));
  if (missing.length > 0) {
    throw new UsageError(`${listSome(missing)} ${missing.length === 1 ? 'is' : 'are'} not in the synthesized stacks in ${outdir} (found: ${listSome(requests.map((r) => r.domain)) || 'none'}). Fix: check the spelling, or leave the domains out to check every synthesized domain.`);
  }
  return requests.filter((request) => wanted.has(request.domain));
}

/** A LOWER_TTL stage writes its declared legacy list over the live records, so DNS must already serve exactly that list. */
function declaredLegacyRequest({ domain, manifest }: SynthesizedMxSet): DomainCheckRequest | undefined {
  if (manifest?.rollout?.stage !== RolloutStage.LOWER_TTL || manifest.legacy === undefined) return undefined;
  return { domain, expected: manifest.legacy.records.map(parseMxRecordText), declaredLegacy: true };
}

/** The first ten names, then how many more: a long list must not flood the message. */
function listSome(names: readonly string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
}
