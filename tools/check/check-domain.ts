import { cloudMailTypoGuard } from '../../lib/cloudmail/typo-guard';
import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { isIpLiteral, normalizeDnsName } from '../../lib/model/dns-name';
import { MxRecord, MxServer, NULL_MX_HOST } from '../../lib/model/mx-server';
import { validateMxServers } from '../../lib/model/mx-servers-validator';
import { ValidationReason } from '../../lib/model/validation-reason';
import { classifyDomain } from './classify-mx';
import { DEFAULT_QUERY_OPTIONS, QueryOptions } from './dns-query';
import { DnsServerAddress, formatDnsServerAddress, parseDnsServerAddress, systemResolvers } from './dns-server-address';
import { DomainStatus, Finding, statusOf } from './finding';
import { discoverNameServers, lookUpMx, lookUpTarget } from './lookups';
import { mapWithConcurrency } from './map-with-concurrency';
import { ServedMxRecord, ServerObservation, TargetLookup } from './observation';

/** Options for {@link checkDomain}. */
export interface CheckOptions {
  /**
   * The MX set the domain should serve.
   * @default CloudMail.servers() - mx1.cloudaccess.net alone on top
   */
  readonly expected?: readonly MxServer[];
  /**
   * DNS servers to ask, as "ip" or "ip:port".
   * @default - the system resolvers
   */
  readonly resolvers?: readonly string[];
  /**
   * Find the domain's name servers through the first resolver and ask each directly.
   * @default false
   */
  readonly authoritative?: boolean;
  /**
   * Milliseconds to wait for each attempt of each query.
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
  readonly records: readonly ServedMxRecord[];
}

/** One domain's result, in the `--json` shape. */
export interface DomainReport {
  readonly domain: string;
  readonly status: DomainStatus;
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

/** Thrown before any query is sent when the options or a domain are invalid; lists every reason. */
export class CheckOptionsError extends Error {
  constructor(public readonly reasons: readonly ValidationReason[]) {
    super(`Invalid check options:\n${reasons.map((r) => `  - ${r.property} = ${JSON.stringify(r.value)}: ${r.problem}. Fix: ${r.fix}`).join('\n')}`);
    this.name = 'CheckOptionsError';
  }
}

/** The default number of domains checked at once. */
export const DEFAULT_CONCURRENCY = 16;

/**
 * Asks DNS what a domain really serves and judges it against the expected
 * set: the library form of `cloudmail-mx check --json`. DNS failures become
 * findings; only invalid options throw ({@link CheckOptionsError}).
 */
export async function checkDomain(domain: string, options: CheckOptions = {}): Promise<DomainReport> {
  const [report] = (await checkDomains([domain], options)).domains;
  return report;
}

/** {@link checkDomain} for many domains, `concurrency` at a time, in input order. */
export async function checkDomains(requests: readonly (string | DomainCheckRequest)[], options: CheckDomainsOptions = {}): Promise<CheckReport> {
  const settings = resolveSettings(options);
  const jobs = requests.map((request, index) => resolveRequest(typeof request === 'string' ? { domain: request } : request, index, settings.expected));
  const reasons = jobs.flatMap((job) => job.reasons);
  if (reasons.length > 0) throw new CheckOptionsError(reasons);
  let done = 0;
  const domains = await mapWithConcurrency(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, async (job) => {
    const report = await checkOne(job.domain, job.expected, settings, job.declaredLegacy);
    options.onDomainDone?.(++done, jobs.length);
    return report;
  });
  return { domains };
}

interface Settings {
  readonly expected: readonly MxRecord[];
  readonly resolvers: readonly DnsServerAddress[];
  readonly authoritative: boolean;
  readonly query: QueryOptions;
  readonly now: Date;
  /** Target lookups of this run by host: a fleet's domains mostly share their MX hosts, so each is asked once. */
  readonly targetLookups: Map<string, Promise<TargetLookup>>;
}

function resolveSettings(options: CheckOptions): Settings {
  const expected = validateExpected(options.expected ?? CloudMail.servers(), 'expected');
  const resolverTexts = options.resolvers ?? [];
  const resolvers = resolverTexts.map(parseDnsServerAddress);
  const reasons: ValidationReason[] = [...expected.reasons];
  resolvers.forEach((resolver, index) => {
    if (resolver === undefined) reasons.push({ property: `resolvers[${index}]`, value: resolverTexts[index], problem: 'is not an IP address with an optional port', fix: 'give it as 192.0.2.53, 192.0.2.53:5353 or [2001:db8::53]:53' });
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs;
  const attempts = options.attempts ?? DEFAULT_QUERY_OPTIONS.attempts;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) reasons.push({ property: 'timeoutMs', value: timeoutMs, problem: 'is not a positive whole number of milliseconds', fix: 'use e.g. 2000' });
  if (!Number.isInteger(attempts) || attempts < 1) reasons.push({ property: 'attempts', value: attempts, problem: 'is not a positive whole number', fix: 'use e.g. 3' });
  const chosen = resolvers.filter((resolver): resolver is DnsServerAddress => resolver !== undefined);
  const fallback = chosen.length > 0 || resolverTexts.length > 0 ? chosen : systemResolvers();
  if (fallback.length === 0 && reasons.length === 0) reasons.push({ property: 'resolvers', value: [], problem: 'is empty and the system has no resolvers configured', fix: 'pass a resolver, e.g. --resolver 192.0.2.53' });
  if (reasons.length > 0) throw new CheckOptionsError(reasons);
  const ednsUdpSize = options.ednsUdpSize ?? DEFAULT_QUERY_OPTIONS.ednsUdpSize;
  return {
    expected: expected.records,
    resolvers: fallback,
    authoritative: options.authoritative ?? false,
    query: { timeoutMs, attempts, ednsUdpSize: ednsUdpSize === 0 ? undefined : ednsUdpSize },
    now: options.now ?? new Date(),
    targetLookups: new Map(),
  };
}

function validateExpected(servers: readonly MxServer[], property: string): { records: readonly MxRecord[]; reasons: readonly ValidationReason[] } {
  return validateMxServers(servers, property, cloudMailTypoGuard);
}

function resolveRequest(request: DomainCheckRequest, index: number, sharedExpected: readonly MxRecord[]): { domain: string; expected: readonly MxRecord[]; declaredLegacy?: boolean; reasons: readonly ValidationReason[] } {
  const domain = normalizeDnsName(request.domain, { property: `domains[${index}]` });
  const expected = request.expected === undefined ? { records: sharedExpected, reasons: [] } : validateExpected(request.expected, `domains[${index}].expected`);
  return { domain: domain.name ?? '', expected: expected.records, declaredLegacy: request.declaredLegacy, reasons: [...domain.reasons, ...expected.reasons] };
}

async function checkOne(domain: string, expected: readonly MxRecord[], settings: Settings, declaredLegacy?: boolean): Promise<DomainReport> {
  const observations = await observe(domain, settings);
  const hosts = new Set(observations.flatMap(({ outcome }) => (outcome.kind === 'records' ? outcome.records.map((record) => record.hostName) : [])));
  hosts.delete(NULL_MX_HOST);
  // IP literals are judged as such; looking them up as names would only add noise.
  for (const host of hosts) if (isIpLiteral(host)) hosts.delete(host);
  const targets = new Map<string, TargetLookup>(await Promise.all([...hosts].map(async (host) => [host, await lookUpTargetOnce(host, settings)] as const)));
  const findings = classifyDomain({ domain, expected, observations, targets, now: settings.now, declaredLegacy });
  return {
    domain,
    status: statusOf(findings),
    servers: observations.map(({ server, outcome }) => ({ server, records: outcome.kind === 'records' ? outcome.records : [] })),
    findings,
  };
}

function lookUpTargetOnce(host: string, settings: Settings): Promise<TargetLookup> {
  const known = settings.targetLookups.get(host);
  if (known !== undefined) return known;
  const lookup = lookUpTarget(settings.resolvers[0], host, settings.query);
  settings.targetLookups.set(host, lookup);
  return lookup;
}

async function observe(domain: string, settings: Settings): Promise<ServerObservation[]> {
  let servers = settings.resolvers;
  if (settings.authoritative) {
    const discovery = await discoverNameServers(settings.resolvers[0], domain, settings.query);
    if (discovery.kind === 'failed') return [{ server: discovery.server, outcome: discovery.outcome }];
    servers = discovery.servers;
  }
  return Promise.all(servers.map(async (server) => ({ server: formatDnsServerAddress(server), outcome: await lookUpMx(server, domain, settings.query) })));
}
