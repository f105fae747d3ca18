import { cloudMailTypoGuard } from '../../lib/cloudmail/typo-guard';
import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { isIpLiteral, normalizeDnsName } from '../../lib/model/dns-name';
import { MxRecord, MxServer, NULL_MX_HOST } from '../../lib/model/mx-server';
import { validateMxServers } from '../../lib/model/mx-servers-validator';
import { ValidationReason } from '../../lib/model/validation-reason';
import { classifyDomain } from './classify-mx';
import { DEFAULT_QUERY_OPTIONS, MAX_TIMEOUT_MS } from './dns-query';
import { DnsServerAddress, readDnsServerAddress, systemResolvers } from './dns-server-address';
import { DomainStatus, Finding, finding, FindingCode, Severity, statusOf } from './finding';
import { lookUpTarget } from './lookups';
import { mapWithConcurrency } from './map-with-concurrency';
import { Observed, observeDomain, ObservationSettings, observationSettings } from './observe-domain';
import { ServedMxRecord, ServerObservation, TargetLookup } from './observation';

/** Options for {@link checkDomain}. */
export interface CheckOptions {
  /**
   * The MX set the domain should serve.
   * @default CloudMail.servers() - mx1.cloudaccess.net alone on top
   */
  readonly expected?: readonly MxServer[];
  /**
   * DNS servers to ask, as "ip", "ip:port" or "[ipv6]:port".
   * @default - the system resolvers
   */
  readonly resolvers?: readonly string[];
  /**
   * Resolvers asked when the `resolvers` cannot answer a question of their own
   * (they refuse it or refer it on, as an authoritative server given as
   * resolver does for MX target hosts and name servers outside its zones).
   * @default - the system resolvers
   */
  readonly fallbackResolvers?: readonly string[];
  /**
   * Find the domain's name servers through the resolvers (in order) and ask each directly.
   * @default false
   */
  readonly authoritative?: boolean;
  /**
   * Milliseconds to wait for each attempt of each query, at most 60000.
   * @default 2000
   */
  readonly timeoutMs?: number;
  /**
   * How many times a query is sent before it counts as timed out.
   * @default 3
   */
  readonly attempts?: number;
  /**
   * The UDP payload size advertised with EDNS0; 0 sends queries without EDNS0.
   * @default 1232
   */
  readonly ednsUdpSize?: number;
  /**
   * The time cache expiries are computed from.
   * @default - the time the check runs
   */
  readonly now?: Date;
}

/** One server's answer, in the `--json` shape. */
export interface ServerReport {
  readonly server: string;
  /** With --authoritative: the name server(s) at this address. */
  readonly nameServer?: string;
  /** When the domain is a CNAME: the name whose MX records these are. */
  readonly canonicalName?: string;
  readonly records: readonly ServedMxRecord[];
}

/** One domain's result, in the `--json` shape. */
export interface DomainReport {
  readonly domain: string;
  readonly status: DomainStatus;
  /** With --authoritative: the zone that holds the domain. */
  readonly zone?: string;
  readonly servers: readonly ServerReport[];
  readonly findings: readonly Finding[];
}

/** The result of a check, in the `--json` shape. */
export interface CheckReport {
  readonly domains: readonly DomainReport[];
}

/** One domain to check, with its own expected set (e.g. from synthesized stacks). */
export interface DomainCheckRequest {
  readonly domain: string;
  /** @default - the expected set of the shared options */
  readonly expected?: readonly MxServer[];
  /** `expected` is a LOWER_TTL stage's declared legacy list: any difference from it is LEGACY_MISMATCH. @default false */
  readonly declaredLegacy?: boolean;
  /**
   * Where the domain came from, e.g. "domains.txt line 17", for the message when it is not a domain name.
   * @default - its position in the list
   */
  readonly origin?: string;
}

/** Options for {@link checkDomains}. */
export interface CheckDomainsOptions extends CheckOptions {
  /**
   * How many domains are checked at once.
   * @default 16
   */
  readonly concurrency?: number;
  /** Called after each domain, e.g. for a progress bar. */
  readonly onDomainDone?: (done: number, total: number) => void;
}

/** Reasons listed in full in a {@link CheckOptionsError} message; the rest are counted. */
const MAX_REASONS_IN_MESSAGE = 10;

/** Thrown before any query is sent when the options are invalid; lists the reasons (the first ten in the message). */
export class CheckOptionsError extends Error {
  constructor(public readonly reasons: readonly ValidationReason[]) {
    const listed = reasons.slice(0, MAX_REASONS_IN_MESSAGE).map((r) => `  - ${r.property} = ${clip(JSON.stringify(r.value) ?? String(r.value))}: ${r.problem}. Fix: ${r.fix}`);
    const more = reasons.length > MAX_REASONS_IN_MESSAGE ? [`  … and ${reasons.length - MAX_REASONS_IN_MESSAGE} more`] : [];
    super(`Invalid check options:\n${[...listed, ...more].join('\n')}`);
    this.name = 'CheckOptionsError';
  }
}

/** The default number of domains checked at once. */
export const DEFAULT_CONCURRENCY = 16;

/**
 * Asks DNS what a domain really serves and judges it against the expected
 * set: the library form of `cloudmail-mx check --json`. DNS failures and a
 * domain that is not a domain name become findings; only invalid options
 * throw ({@link CheckOptionsError}).
 */
export async function checkDomain(domain: string, options: CheckOptions = {}): Promise<DomainReport> {
  const [report] = (await checkDomains([domain], options)).domains;
  return report;
}

/** {@link checkDomain} for many domains, `concurrency` at a time, in input order. */
export async function checkDomains(requests: readonly (string | DomainCheckRequest)[], options: CheckDomainsOptions = {}): Promise<CheckReport> {
  const settings = resolveSettings(options);
  const jobs = requests.map((request, index) => resolveRequest(typeof request === 'string' ? { domain: request } : request, index, settings.expected));
  const reasons: ValidationReason[] = [];
  for (const job of jobs) if (job.kind === 'check' && job.reasons.length > 0) reasons.push(...job.reasons);
  if (reasons.length > 0) throw new CheckOptionsError(reasons);
  let done = 0;
  const domains = await mapWithConcurrency(
    jobs,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    (job) => (job.kind === 'check' ? observe(job.domain, settings) : NOTHING_OBSERVED),
    (job, observed) => {
      const report = job.kind === 'check' ? judge(job, observed, settings) : job.report;
      options.onDomainDone?.(++done, jobs.length);
      return report;
    },
  );
  return { domains };
}

const NOTHING_OBSERVED: Promise<Observed> = Promise.resolve({ observations: [] });

interface Settings extends ObservationSettings {
  readonly expected: readonly MxRecord[];
  readonly now: Date;
  /** Target lookups of this run by host (null: not looked up): a fleet's domains mostly share their MX hosts, so each is asked once. */
  readonly targetLookups: Map<string, Promise<void> | null>;
  /** Their results, shared by every domain of the run. */
  readonly targets: Map<string, TargetLookup>;
}

function resolveSettings(options: CheckOptions): Settings {
  const expected = validateExpected(options.expected ?? CloudMail.servers(), 'expected');
  const reasons: ValidationReason[] = [...expected.reasons];
  const readServers = (texts: readonly string[], property: string): DnsServerAddress[] => texts.flatMap((text, index) => {
    const reading = readDnsServerAddress(text);
    if (reading.kind === 'address') return [reading.server];
    reasons.push({ property: `${property}[${index}]`, value: text, problem: reading.problem, fix: reading.fix });
    return [];
  });
  const given = options.resolvers === undefined ? undefined : readServers(options.resolvers, 'resolvers');
  const fallbacks = options.fallbackResolvers === undefined ? undefined : readServers(options.fallbackResolvers, 'fallbackResolvers');
  const timeoutMs = options.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs;
  const attempts = options.attempts ?? DEFAULT_QUERY_OPTIONS.attempts;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) reasons.push({ property: 'timeoutMs', value: timeoutMs, problem: `is not a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`, fix: 'use e.g. 2000' });
  if (!Number.isInteger(attempts) || attempts < 1) reasons.push({ property: 'attempts', value: attempts, problem: 'is not a positive whole number', fix: 'use e.g. 3' });
  const mxServers = given ?? systemResolvers();
  if (mxServers.length === 0 && reasons.length === 0) reasons.push({ property: 'resolvers', value: [], problem: 'is empty and the system has no resolvers configured', fix: 'pass a resolver, e.g. --resolver 192.0.2.53' });
  if (reasons.length > 0) throw new CheckOptionsError(reasons);
  const ednsUdpSize = options.ednsUdpSize ?? DEFAULT_QUERY_OPTIONS.ednsUdpSize;
  const query = { timeoutMs, attempts, ednsUdpSize: ednsUdpSize === 0 ? undefined : ednsUdpSize };
  return {
    ...observationSettings(mxServers, fallbacks ?? systemResolvers(), query, options.authoritative ?? false),
    expected: expected.records,
    now: options.now ?? new Date(),
    targetLookups: new Map(),
    targets: new Map(),
  };
}

function validateExpected(servers: readonly MxServer[], property: string): { records: readonly MxRecord[]; reasons: readonly ValidationReason[] } {
  return validateMxServers(servers, property, cloudMailTypoGuard);
}

type Job =
  | { readonly kind: 'check'; readonly domain: string; readonly expected: readonly MxRecord[]; readonly declaredLegacy?: boolean; readonly reasons: readonly ValidationReason[] }
  | { readonly kind: 'invalid'; readonly report: DomainReport };

/** Rules for the domains to check; the property is named only in reports of bad entries, which say where each came from. */
const DOMAIN_RULES = { property: 'domain' };

function resolveRequest(request: DomainCheckRequest, index: number, sharedExpected: readonly MxRecord[]): Job {
  const domain = normalizeDnsName(request.domain, DOMAIN_RULES);
  if (domain.name === undefined) return { kind: 'invalid', report: invalidDomainReport(request, index, domain.reasons) };
  if (request.expected === undefined) return { kind: 'check', domain: domain.name, expected: sharedExpected, reasons: NO_REASONS };
  const expected = validateExpected(request.expected, `domains[${index}].expected`);
  return { kind: 'check', domain: domain.name, expected: expected.records, declaredLegacy: request.declaredLegacy, reasons: expected.reasons };
}

const NO_REASONS: readonly ValidationReason[] = [];

/** A domain that is not a domain name is an error entry of its own: every other domain is still checked. */
function invalidDomainReport(request: DomainCheckRequest, index: number, reasons: readonly ValidationReason[]): DomainReport {
  const shown = clip(typeof request.domain === 'string' ? request.domain : String(request.domain));
  const where = request.origin ?? `domains[${index}]`;
  const findings = reasons.map((reason) => finding(FindingCode.INVALID_DOMAIN, Severity.ERROR, `${where}: ${JSON.stringify(shown)} ${reason.problem}, so it was not checked.`, `${reason.fix}.`));
  return { domain: shown, status: statusOf(findings), servers: [], findings };
}

/** Long garbage (a binary file given as --file) is cut, so one bad entry cannot flood the report. */
const MAX_SHOWN_LENGTH = 80;

function clip(text: string): string {
  return text.length <= MAX_SHOWN_LENGTH ? text : `${text.slice(0, MAX_SHOWN_LENGTH)}…`;
}

/** Everything DNS says about a domain: its servers' answers, and the lookups of their MX targets (in `settings.targets`). */
async function observe(domain: string, settings: Settings): Promise<Observed> {
  const observed = await observeDomain(domain, settings);
  for (const { outcome } of observed.observations) {
    if (outcome.kind !== 'records') continue;
    for (const { hostName } of outcome.records) {
      const pending = lookUpTargetOnce(hostName, settings);
      if (pending !== undefined) await pending;
    }
  }
  return observed;
}

/** The verdict on what was observed, in the `--json` shape. */
function judge({ domain, expected, declaredLegacy }: Extract<Job, { kind: 'check' }>, { observations, nameServers, zone }: Observed, settings: Settings): DomainReport {
  const findings = classifyDomain({ domain, expected, observations, targets: settings.targets, now: settings.now, nameServers, declaredLegacy });
  const servers = observations.map(serverReport);
  const status = statusOf(findings);
  return zone === undefined ? { domain, status, servers, findings } : { domain, status, zone, servers, findings };
}

/** An observation in the `--json` shape: optional fields only when they say something. */
function serverReport({ server, nameServer, outcome }: ServerObservation): ServerReport {
  const records = outcome.kind === 'records' ? outcome.records : [];
  const canonicalName = outcome.kind === 'records' ? outcome.canonicalName : undefined;
  if (nameServer === undefined && canonicalName === undefined) return { server, records };
  return { server, ...(nameServer !== undefined && { nameServer }), ...(canonicalName !== undefined && { canonicalName }), records };
}

/**
 * Looks a target host up once per run, and records the result in
 * `settings.targets`; a null MX or an IP literal is judged as such and not
 * looked up. Several domains may wait on the same lookup.
 */
function lookUpTargetOnce(host: string, settings: Settings): Promise<void> | undefined {
  if (settings.targets.has(host)) return undefined;
  let lookup = settings.targetLookups.get(host);
  if (lookup === undefined) {
    lookup = host === NULL_MX_HOST || isIpLiteral(host) ? null : lookUpTarget(settings.resolvers, host).then((target) => {
      settings.targets.set(host, target);
    });
    settings.targetLookups.set(host, lookup);
  }
  return lookup ?? undefined;
}

