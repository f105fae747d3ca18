import { normalizeDnsName } from '../../lib/model/dns-name';
import { UsageError } from '../check/check-args';
import { DEFAULT_CONCURRENCY } from '../check/check-domain';
import { DEFAULT_QUERY_OPTIONS } from '../check/dns-query';
import { readDnsServerAddress, systemResolvers } from '../check/dns-server-address';
import { mapWithConcurrency } from '../check/map-with-concurrency';
import { ServerObservation } from '../check/observation';
import { observationSettings, ObservationSettings, observeDomain } from '../check/observe-domain';
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
   * Asked when a resolver refuses a question it does not serve (name servers, the parent's delegation), as "ip" or "ip:port".
   * @default - the system resolvers
   */
  readonly fallbackResolvers?: readonly string[];
  /**
   * Find each domain's name servers (the parent's delegation and the zone's NS set) through the resolvers and ask each directly.
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

interface Settings extends ObservationSettings {
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
  return { domains: await mapWithConcurrency(names, options.concurrency ?? DEFAULT_CONCURRENCY, (name) => discoverOne(name.name!, settings), (_name, discovery) => discovery) };
}

function resolveSettings(options: DiscoverOptions): Settings {
  const problems: string[] = [];
  const readServers = (option: string, texts: readonly string[]) => texts.flatMap((text) => {
    const reading = readDnsServerAddress(text);
    if (reading.kind === 'address') return [reading.server];
    problems.push(`${option} ${text} ${reading.problem}. Fix: ${reading.fix}.`);
    return [];
  });
  const asked = options.resolvers === undefined ? systemResolvers() : readServers('--resolver', options.resolvers);
  const fallbacks = options.fallbackResolvers === undefined ? systemResolvers() : readServers('--fallback-resolver', options.fallbackResolvers);
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
  const query = { ...DEFAULT_QUERY_OPTIONS, timeoutMs: options.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs };
  return {
    ...observationSettings(asked, fallbacks, query, options.authoritative ?? false),
    cloudflare: cloudflare && { baseUrl, token: cloudflare.token, zoneId: cloudflare.zoneId, timeoutMs: API_TIMEOUT_MS },
  };
}

async function discoverOne(domain: string, settings: Settings): Promise<DomainDiscovery> {
  const [observed, resolverAnswer, listing] = await Promise.all([
    observeDomain(domain, settings),
    settings.authoritative ? askResolver(domain, settings) : undefined,
    settings.cloudflare && listCloudflareMxRecords(settings.cloudflare, domain),
  ]);
  const nameServers = observed.nameServers?.map((nameServer) => nameServer.name) ?? await lookUpNameServerNames(settings.resolvers, domain);
  return classifyDiscovery({
    domain,
    nameServers,
    observations: observed.observations,
    authoritative: settings.authoritative,
    resolver: resolverAnswer,
    cloudflare: settings.cloudflare && listing && { zoneId: settings.cloudflare.zoneId, listing },
  });
}

/** The first resolver's answer, which a caching resolver may hold with a TTL counted down: previousTtl is never below it. */
async function askResolver(domain: string, settings: Settings): Promise<ServerObservation> {
  const firstResolver = { ...settings, authoritative: false, mxServers: settings.mxServers.slice(0, 1), mxServerLabels: settings.mxServerLabels.slice(0, 1) };
  const { observations: [answer] } = await observeDomain(domain, firstResolver);
  return answer;
}
