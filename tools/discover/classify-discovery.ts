import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { compareMxRecords, MxRecord, NULL_MX_HOST } from '../../lib/model/mx-server';
import { finding, Severity, statusOf } from '../check/finding';
import { ServedMxRecord, ServerObservation } from '../check/observation';
import { CloudflareListing } from './cloudflare-api';
import { CloudflareMxRecord, DiscoveredLegacyRecord, DiscoveryFinding, DiscoveryFindingCode, DiscoveryState, DomainDiscovery, UNKNOWN_PROVIDER } from './domain-discovery';
import { providerOf } from './name-server-provider';

/** Everything read about one domain; plain data, so it can be judged without a network. */
export interface DiscoveryInput {
  readonly domain: string;
  /** The NS names of the domain's zone; empty when they could not be read. */
  readonly nameServers: readonly string[];
  /** What each server asked answered. */
  readonly observations: readonly ServerObservation[];
  /** The servers asked are the authoritative ones, so their TTLs are the zone's own. */
  readonly authoritative: boolean;
  /** With `authoritative`, what the resolver answered: caches may hold a higher TTL than the zone now sets. */
  readonly resolver?: ServerObservation;
  /** The Cloudflare zone given, and what its API lists for the domain. */
  readonly cloudflare?: { readonly zoneId: string; readonly listing: CloudflareListing };
}

/**
 * What a domain serves today and what its move to CloudMail must take over:
 * the legacy records (the union over every server, each host at the lowest
 * priority served), the TTL the CUTOVER must wait out (the highest served),
 * and findings for whatever makes that list or TTL doubtful.
 */
export function classifyDiscovery(input: DiscoveryInput): DomainDiscovery {
  const { domain } = input;
  const provider = providerOf(input.nameServers);
  const asked = input.resolver === undefined ? input.observations : [...input.observations, input.resolver];
  // With --authoritative the resolver may fail twice (finding the name servers, then the MX set): say it once.
  const readErrors = [...new Map(asked.flatMap((observation) => readErrorFindings(domain, observation)).map((f) => [f.message, f])).values()];
  const answers = input.observations.flatMap(({ server, outcome }) => (outcome.kind === 'records' ? [{ server, records: outcome.records }] : []));
  const served = uniqueRecords(answers.flatMap((answer) => answer.records));
  const state = readErrors.length > 0 ? DiscoveryState.ERROR : stateOf(served);
  const resolverRecords = input.resolver?.outcome.kind === 'records' ? input.resolver.outcome.records : [];
  const ttls = [...answers.flatMap((answer) => answer.records), ...resolverRecords].map((record) => record.ttl);
  const previousTtl = state === DiscoveryState.ERROR || ttls.length === 0 ? undefined : Math.max(...ttls);
  const apiRecords = input.cloudflare?.listing.kind === 'records' ? input.cloudflare.listing.records : undefined;
  const legacy = state === DiscoveryState.ERROR ? [] : legacyRecords(served, input.cloudflare?.zoneId, apiRecords);
  const findings = [
    ...readErrors,
    ...disagreementFindings(domain, answers, input.authoritative),
    ...stateFindings(domain, state, served),
    ...(state === DiscoveryState.LEGACY && !input.authoritative ? [ttlFromResolverFinding(domain, previousTtl, answers.map((answer) => answer.server))] : []),
    ...(provider === UNKNOWN_PROVIDER && state !== DiscoveryState.ERROR && state !== DiscoveryState.CLOUDMAIL ? [providerUnknownFinding(domain, input.nameServers)] : []),
    ...(input.cloudflare ? cloudflareFindings(domain, input.cloudflare.zoneId, input.cloudflare.listing, state === DiscoveryState.ERROR ? undefined : served) : []),
  ];
  return {
    domain,
    state,
    status: statusOf(findings),
    provider,
    nameServers: input.nameServers,
    servers: input.observations.map(({ server, outcome }) => ({ server, records: outcome.kind === 'records' ? outcome.records : [] })),
    resolver: input.resolver && { server: input.resolver.server, records: resolverRecords },
    cloudflare: input.cloudflare && { zoneId: input.cloudflare.zoneId, records: apiRecords },
    legacy,
    previousTtl,
    findings,
  };
}

function stateOf(served: readonly MxRecord[]): DiscoveryState {
  if (served.length === 0) return DiscoveryState.NO_MX;
  if (served.some((record) => record.hostName === NULL_MX_HOST)) return DiscoveryState.NULL_MX;
  const onCloudMail = served.filter((record) => CloudMail.isCloudMailHost(record.hostName)).length;
  if (onCloudMail === 0) return DiscoveryState.LEGACY;
  return onCloudMail === served.length ? DiscoveryState.CLOUDMAIL : DiscoveryState.PARTIAL;
}

/** Each non-CloudMail host once, at the lowest priority any server serves it, with its import ID when the API lists that record. */
function legacyRecords(served: readonly MxRecord[], zoneId: string | undefined, apiRecords: readonly CloudflareMxRecord[] | undefined): DiscoveredLegacyRecord[] {
  const byHost = new Map<string, MxRecord>();
  for (const record of served) {
    if (record.hostName === NULL_MX_HOST || CloudMail.isCloudMailHost(record.hostName)) continue;
    const known = byHost.get(record.hostName);
    if (known === undefined || record.priority < known.priority) byHost.set(record.hostName, record);
  }
  return [...byHost.values()].sort(compareMxRecords).map(({ hostName, priority }) => {
    const listed = apiRecords?.find((record) => record.hostName === hostName && record.priority === priority);
    return listed === undefined ? { hostName, priority } : { hostName, priority, importId: `${zoneId}/${listed.id}` };
  });
}

/** Host and priority pairs, each once, sorted; TTLs are left out. */
function uniqueRecords(records: readonly MxRecord[]): MxRecord[] {
  const unique = new Map(records.map(({ hostName, priority }) => [`${priority} ${hostName}`, { hostName, priority }]));
  return [...unique.values()].sort(compareMxRecords);
}

function describe(records: readonly MxRecord[]): string {
  return records.length === 0 ? 'no MX records' : records.map((record) => `${record.priority} ${record.hostName}`).join(', ');
}

function readErrorFindings(domain: string, { server, outcome }: ServerObservation): DiscoveryFinding[] {
  const retry = 'the legacy list and previousTtl need every server\'s answer, so run discover again once it answers';
  switch (outcome.kind) {
    case 'nxdomain':
      return [finding(DiscoveryFindingCode.NXDOMAIN, Severity.ERROR, `${server} says ${domain} does not exist (NXDOMAIN).`, 'check the spelling of the domain.')];
    case 'timeout':
      return [finding(DiscoveryFindingCode.TIMEOUT, Severity.ERROR, `${server} did not answer for ${domain}: ${outcome.detail}.`, `check that the server is reachable, or raise --timeout; ${retry}.`)];
    case 'servfail':
      return [finding(DiscoveryFindingCode.SERVFAIL, Severity.ERROR, `${server} could not answer for ${domain}: ${outcome.detail}.`, `check the zone on that server (REFUSED means it does not serve the zone); ${retry}.`)];
    case 'unreachable':
      return [finding(DiscoveryFindingCode.UNREACHABLE, Severity.ERROR, `${server} could not be asked about ${domain}: ${outcome.detail}.`, `check the address and the network path to it; ${retry}.`)];
    case 'lame':
      return [finding(DiscoveryFindingCode.LAME_DELEGATION, Severity.ERROR, `${server} is listed as a name server of ${domain}'s zone but answered without authority: ${outcome.detail}.`, `fix the delegation or the server's zone; ${retry}.`)];
    case 'referral':
      return [finding(DiscoveryFindingCode.REFERRAL, Severity.ERROR, `${server} answered with a referral, so it is not a recursive resolver: ${outcome.detail}.`, 'give a recursive resolver with --resolver, or use --authoritative.')];
    case 'no-address':
      return [finding(DiscoveryFindingCode.NS_NO_ADDRESS, Severity.ERROR, `${server} is a name server of ${domain}'s zone, but ${outcome.detail}, so it cannot be asked.`, `give the name server an A or AAAA record (or remove it from the NS set); ${retry}.`)];
    case 'records':
      return [];
  }
}

/** Authoritative servers must agree on the set and its TTL; resolvers count TTLs down, so only their sets are compared. */
function disagreementFindings(domain: string, answers: readonly { server: string; records: readonly ServedMxRecord[] }[], compareTtls: boolean): DiscoveryFinding[] {
  const variant = (records: readonly ServedMxRecord[]): string => {
    const ttls = [...new Set(records.map((record) => record.ttl))].sort((a, b) => a - b);
    return `${describe(uniqueRecords(records))}${compareTtls && ttls.length > 0 ? ` at TTL ${ttls.join('/')}` : ''}`;
  };
  const servers = new Map<string, string[]>();
  for (const { server, records } of answers) servers.set(variant(records), [...(servers.get(variant(records)) ?? []), server]);
  if (servers.size < 2) return [];
  const variants = [...servers].map(([records, names]) => `${names.join(', ')} serve${names.length === 1 ? 's' : ''} ${records}`).join('; ');
  return [finding(DiscoveryFindingCode.SERVERS_DISAGREE, Severity.FAIL,
    `The servers disagree about ${domain}: ${variants}. legacy lists every host any of them serves (at its lowest priority) and previousTtl the highest TTL, but the LOWER_TTL stage must match what every server serves.`,
    'find out why (a secondary that has not loaded the latest zone, or a change in progress), wait until every server serves the same set, and run discover again.')];
}

function stateFindings(domain: string, state: DiscoveryState, served: readonly MxRecord[]): DiscoveryFinding[] {
  if (state === DiscoveryState.PARTIAL) {
    const cloudMail = served.filter((record) => CloudMail.isCloudMailHost(record.hostName));
    const others = served.filter((record) => !CloudMail.isCloudMailHost(record.hostName));
    return [finding(DiscoveryFindingCode.PARTIAL, Severity.FAIL,
      `${domain} already serves CloudMail records (${describe(cloudMail)}) beside others (${describe(others)}): a move was started outside this tool. CloudMailMx takes over only the others, so the CloudMail ones would be left unmanaged (Cloudflare) or dropped by the LOWER_TTL stage (Route53).`,
      'finish or undo that move first: delete the other records (then nothing is left to migrate), or delete the CloudMail ones and run discover again.')];
  }
  if (state === DiscoveryState.NULL_MX) {
    return [finding(DiscoveryFindingCode.NULL_MX, Severity.FAIL,
      `${domain} publishes a null MX ("0 ."): it accepts no mail today, and a null MX must stay alone in its set, so CloudMailMx cannot take it over as a legacy record.`,
      'delete the null MX record first (remove the NullMx construct if one wrote it, and apply), then add the CloudMailMx below; there is no old record whose TTL must be waited out.')];
  }
  return [];
}

function ttlFromResolverFinding(domain: string, previousTtl: number | undefined, resolvers: readonly string[]): DiscoveryFinding {
  return finding(DiscoveryFindingCode.TTL_FROM_RESOLVER, Severity.WARN,
    `previousTtl ${previousTtl} s is the TTL ${resolvers.join(', ')} reported for ${domain}; a caching resolver counts a TTL down from the value the zone sets, so the real TTL may be higher and the CUTOVER would wait too short.`,
    'run discover with --authoritative, which reads the TTL from the domain\'s own name servers.');
}

function providerUnknownFinding(domain: string, nameServers: readonly string[]): DiscoveryFinding {
  const names = nameServers.length === 0 ? 'could not be read' : `(${nameServers.join(', ')}) are neither Cloudflare's (*.ns.cloudflare.com) nor Route53's (ns-*.awsdns-*)`;
  return finding(DiscoveryFindingCode.PROVIDER_UNKNOWN, Severity.WARN,
    `${domain}'s name servers ${names}, and CloudMailMx writes to those two only, so the block for it is printed commented out.`,
    'if the zone is on Cloudflare or Route53, uncomment the block and set its target; for another provider, implement IDnsTarget (README: "Writing a target for another provider").');
}

function cloudflareFindings(domain: string, zoneId: string, listing: CloudflareListing, served: readonly MxRecord[] | undefined): DiscoveryFinding[] {
  if (listing.kind === 'failed') {
    return [finding(DiscoveryFindingCode.CLOUDFLARE_API_ERROR, Severity.ERROR, `${domain}'s MX records could not be listed: ${listing.problem}.`, `${listing.fix}.`)];
  }
  if (served === undefined) return [];
  const listed = uniqueRecords(listing.records);
  const text = (record: MxRecord): string => `${record.priority} ${record.hostName}`;
  const onlyApi = listed.filter((record) => !served.some((other) => text(other) === text(record)));
  const onlyDns = served.filter((record) => !listed.some((other) => text(other) === text(record)));
  if (onlyApi.length === 0 && onlyDns.length === 0) return [];
  if (listed.length === 0) {
    return [finding(DiscoveryFindingCode.CLOUDFLARE_ZONE_MISMATCH, Severity.ERROR,
      `Cloudflare zone ${zoneId} lists no MX record named ${domain}, while DNS serves ${describe(served)}: the zone does not hold ${domain}, or ${domain} is not served by Cloudflare, so no importId is known.`,
      `pass ${domain}'s own zone ID (the dashboard's Overview page of the zone), or leave --cloudflare-zone out if ${domain} is not on Cloudflare.`)];
  }
  return [finding(DiscoveryFindingCode.CLOUDFLARE_DNS_MISMATCH, Severity.FAIL,
    `Cloudflare zone ${zoneId} and DNS disagree about ${domain}: only the API lists ${describe(onlyApi)}; only DNS serves ${describe(onlyDns)}. legacy holds what DNS serves, and a record the API does not list gets no importId.`,
    'if a change is in progress, wait until DNS serves it and run discover again; otherwise check that the domain\'s name servers are Cloudflare\'s and that the records were not changed by hand.')];
}
