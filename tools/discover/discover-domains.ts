import { normalizeDnsName } from '../../lib/model/dns-name';
import { UsageError } from '../check/check-args';
import { DEFAULT_CONCURRENCY } from '../check/check-domain';
import { DEFAULT_QUERY_OPTIONS, QueryOptions } from '../check/dns-query';
import { DnsServerAddress, formatDnsServerAddress, parseDnsServerAddress, systemResolvers } from '../check/dns-server-address';
import { discoverNameServers, lookUpMx } from '../check/lookups';
import { mapWithConcurrency } from '../check/map-with-concurrency';
import { ServerObservation } from '../check/observation';
import { classifyDiscovery } from './classify-discovery';
import { CLOUDFLARE_API_BASE_URL, CloudflareZoneAccess, listCloudflareMxRecords } from './cloudflare-api';
import { DiscoveryReport, DomainDiscovery } from './domain-discovery';
import { lookUpNameServerNames } from './name-server-provider';

/** The Cloudflare zone whose API lists the records' IDs. */
export interface DiscoverCloudflareOptions {
  /** The zone ID: 32 lowercase hex characters. */
  readonly zoneId: string;
  /** An API token that may read the zone's DNS records (CLOUDFLARE_API_TOKEN). */
  readonly token: string;
  /** @default https://api.cloudflare.com/client/v4 */
  readonly baseUrl?: string;
}

/** Options for {@link discoverDomains}. */
export interface DiscoverOptions {
  /**
   * DNS servers to ask, as "ip" or "ip:port".
   * @default - the system resolvers
   */
  readonly resolvers?: readonly string[];
  /**
   * Find each domain's name servers through the first resolver and ask each directly.
   * @default false
   */
  readonly authoritative?: boolean;
  /** @default 2000 */
  readonly timeoutMs?: number;
  /** @default 16 */
  readonly concurrency?: number;
  /** @default - no API call: no importId */
  readonly cloudflare?: DiscoverCloudflareOptions;
}

const CLOUDFLARE_ZONE_ID = /^[0-9a-f]{32}$/;
const API_TIMEOUT_MS = 30_000;

interface Settings {
  readonly resolvers: readonly DnsServerAddress[];
  readonly authoritative: boolean;
  readonly query: QueryOptions;
  readonly cloudflare?: CloudflareZoneAccess;
}

/**
 * Reads what each domain serves today and what its move to CloudMail must
 * take over: the library form of `cloudmail-mx discover --format json`. DNS
 * and API failures become findings; only bad input throws ({@link UsageError},
 * listing every problem, before anything is sent).
 */
export async function discoverDomains(domains: readonly string[], options: DiscoverOptions = {}): Promise<DiscoveryReport> {
  const settings = resolveSettings(options);
  const names = domains.map((domain, index) => normalizeDnsName(domain, { property: `domains[${index}]` }));
  const problems = names.flatMap((name) => name.reasons.map((r) => `${r.property} = ${JSON.stringify(r.value)}: ${r.problem}. Fix: ${r.fix}`));
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { domains: await mapWithConcurrency(names, options.concurrency ?? DEFAULT_CONCURRENCY, (name) => discoverOne(name.name!, settings)) };
}

function resolveSettings(options: DiscoverOptions): Settings {
  const problems: string[] = [];
  const resolvers = (options.resolvers ?? []).flatMap((text) => {
    const address = parseDnsServerAddress(text);
    if (address === undefined) problems.push(`--resolver ${text} is not an IP address with an optional port. Fix: give it as 192.0.2.53, 192.0.2.53:5353 or [2001:db8::53]:53.`);
    return address === undefined ? [] : [address];
  });
  const asked = options.resolvers === undefined ? systemResolvers() : resolvers;
  if (asked.length === 0 && problems.length === 0) problems.push('No resolver to ask: none was given and the system has none configured. Fix: pass one, e.g. --resolver 192.0.2.53.');
  const cloudflare = options.cloudflare;
  if (cloudflare !== undefined && !CLOUDFLARE_ZONE_ID.test(cloudflare.zoneId)) {
    problems.push(`--cloudflare-zone ${cloudflare.zoneId} is not a Cloudflare zone ID (32 lowercase hex characters). Fix: copy the Zone ID from the zone's Overview page in the dashboard.`);
  }
  if (cloudflare !== undefined && cloudflare.token === '') {
    problems.push('--cloudflare-zone needs an API token in CLOUDFLARE_API_TOKEN, which is not set. Fix: export CLOUDFLARE_API_TOKEN with a token that has Zone > DNS > Read on the zone.');
  }
  const baseUrl = cloudflare?.baseUrl ?? CLOUDFLARE_API_BASE_URL;
  if (cloudflare !== undefined && !URL.canParse(baseUrl)) problems.push(`CLOUDFLARE_API_BASE_URL ${baseUrl} is not a URL. Fix: unset it, or give e.g. ${CLOUDFLARE_API_BASE_URL}.`);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return {
    resolvers: asked,
    authoritative: options.authoritative ?? false,
    query: { ...DEFAULT_QUERY_OPTIONS, timeoutMs: options.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs },
    cloudflare: cloudflare && { baseUrl, token: cloudflare.token, zoneId: cloudflare.zoneId, timeoutMs: API_TIMEOUT_MS },
  };
}

async function discoverOne(domain: string, settings: Settings): Promise<DomainDiscovery> {
  const [resolver] = settings.resolvers;
  const [nameServers, observations, resolverAnswer, listing] = await Promise.all([
    lookUpNameServerNames(resolver, domain, settings.query),
    observe(domain, settings),
    settings.authoritative ? ask(resolver, domain, settings.query) : undefined,
    settings.cloudflare && listCloudflareMxRecords(settings.cloudflare, domain),
  ]);
  return classifyDiscovery({
    domain,
    nameServers,
    observations,
    authoritative: settings.authoritative,
    resolver: resolverAnswer,
    cloudflare: settings.cloudflare && listing && { zoneId: settings.cloudflare.zoneId, listing },
  });
}

/** Asks the resolvers, or with --authoritative each of the domain's name servers (the failure is the observation when they cannot be found). */
async function observe(domain: string, settings: Settings): Promise<ServerObservation[]> {
  const found = settings.authoritative ? await discoverNameServers(settings.resolvers[0], domain, settings.query) : { kind: 'found' as const, servers: settings.resolvers };
  if (found.kind === 'failed') return [{ server: found.server, outcome: found.outcome }];
  return Promise.all(found.servers.map((server) => ask(server, domain, settings.query)));
}

async function ask(server: DnsServerAddress, domain: string, query: QueryOptions): Promise<ServerObservation> {
  return { server: formatDnsServerAddress(server), outcome: await lookUpMx(server, domain, query) };
}
