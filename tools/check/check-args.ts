import { readFileSync } from 'node:fs';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { normalizeDnsName } from '../../lib/model/dns-name';
import { MxServer } from '../../lib/model/mx-server';
import { RolloutStage } from '../../lib/rollout/rollout-stage';
import { parseMxRecordText } from '../synth/read-mx-manifest';
import { readSynthOutput, SynthesizedMxSet } from '../synth/read-synth-output';
import { CheckDomainsOptions, DEFAULT_CONCURRENCY, DomainCheckRequest } from './check-domain';

/** The usage text of `cloudmail-mx check`. */
export const CHECK_USAGE = `Usage: cloudmail-mx check <domain...> [options]

Asks DNS which MX records a domain really serves and says what is wrong and how to fix it.

  --expect cloudmail           expected set: mx1.cloudaccess.net on top (default)
  --backup <host>              (repeatable) expected CloudMail backups, after mx1
  --expect-file <servers.json> expected set as [{ "hostName": "...", "priority": 10 }]
  --from-synth <cdktf.out>     expected sets for every domain found in synthesized stacks
                               (in stage LOWER_TTL: exactly its declared legacy list)
  --resolver <ip[:port]>       (repeatable) DNS server(s) to ask; default: the system resolvers
  --authoritative              find the domain's NS via the resolver and ask every authoritative server
  --file <domains.txt>         one domain per line (# comments), in addition to arguments
  --concurrency <n>            domains checked at once (default ${DEFAULT_CONCURRENCY})
  --timeout <ms>               per query attempt; 3 attempts (default 2000)
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
  const domains = [...positionals, ...(values.file === undefined ? [] : readDomainFile(values.file))];
  const requests = values['from-synth'] === undefined ? domains.map((domain) => ({ domain })) : synthRequests(values['from-synth'], domains);
  if (requests.length === 0) throw new UsageError(`No domain to check. Fix: name at least one domain, e.g. cloudmail-mx check example.com, or use --file or --from-synth.\n\n${CHECK_USAGE}`);
  return {
    requests,
    json: values.json ?? false,
    help: false,
    options: {
      expected: values['expect-file'] === undefined ? CloudMail.servers({ backups: values.backup ?? [] }) : readExpectFile(values['expect-file']),
      resolvers: values.resolver,
      authoritative: values.authoritative ?? false,
      concurrency: positiveInteger('--concurrency', values.concurrency) ?? DEFAULT_CONCURRENCY,
      timeoutMs: positiveInteger('--timeout', values.timeout),
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

export function positiveInteger(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1) throw new UsageError(`${option} ${value} is not a positive whole number. Fix: give e.g. ${option} 16.`);
  return number;
}

function readText(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${option} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix: check the path.`);
  }
}

export function readDomainFile(path: string): string[] {
  return readText('--file', path).split(/\r?\n/).map((line) => line.replace(/#.*/, '').trim()).filter((line) => line !== '');
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
    throw new UsageError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the synthesized stacks in ${outdir} (found: ${requests.map((r) => r.domain).join(', ') || 'none'}). Fix: check the spelling, or leave the domains out to check every synthesized domain.`);
  }
  return requests.filter((request) => wanted.has(request.domain));
}

/** A LOWER_TTL stage writes its declared legacy list over the live records, so DNS must already serve exactly that list. */
function declaredLegacyRequest({ domain, manifest }: SynthesizedMxSet): DomainCheckRequest | undefined {
  if (manifest?.rollout?.stage !== RolloutStage.LOWER_TTL || manifest.legacy === undefined) return undefined;
  return { domain, expected: manifest.legacy.records.map(parseMxRecordText), declaredLegacy: true };
}
