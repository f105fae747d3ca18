import { DnsAnswer, DnsResponse } from './dns-message';
import { queryDns, QueryResult } from './dns-query';
import { DnsServerAddress, formatDnsServerAddress } from './dns-server-address';
import { ServerOutcome } from './observation';
import { askResolvers, Resolvers } from './resolvers';

/** Where a name server of a zone is listed. */
export enum NameServerListing {
  /** In the parent zone's delegation (the NS records resolvers are referred to). */
  DELEGATION = 'delegation',
  /** In the zone's own NS set (what the zone's servers publish at its apex). */
  ZONE = 'zone',
}

/** A query through the resolvers that gave no answer. */
type QueryFailure = Extract<ServerOutcome, { kind: 'timeout' | 'unreachable' }>;
/** A part of the discovery that could not be read. */
type Problem = Extract<ServerOutcome, { kind: 'timeout' | 'unreachable' | 'servfail' }>;

/** Why some or all addresses of a name server are unknown. */
export type AddressProblem = Extract<ServerOutcome, { kind: 'no-address' | 'timeout' | 'servfail' | 'unreachable' }>;

/** One name server of a zone. */
export interface NameServer {
  /** Its host name, lowercase without trailing dot. */
  readonly name: string;
  /** Where it is listed: the parent's delegation, the zone's NS set, or both. */
  readonly listedIn: readonly NameServerListing[];
  /** Every address to ask it at: the glue the parent gives, and its A and AAAA records, IPv4 and IPv6 alike. */
  readonly addresses: readonly DnsServerAddress[];
  /** Why it has no address, or why one of its address lookups failed; undefined when both lookups answered. */
  readonly addressProblem?: AddressProblem;
}

/** The name servers of the zone that holds a name. */
export interface ZoneNameServers {
  readonly kind: 'found';
  /** The zone apex, e.g. example.com for www.example.com. */
  readonly zone: string;
  /** The union of the parent's delegation and the zone's own NS set, sorted by name. */
  readonly nameServers: readonly NameServer[];
  /**
   * Parts of the picture that could not be read (the parent's delegation,
   * the zone's NS set): a name server listed only there may be missing.
   */
  readonly problems: readonly Problem[];
}

/** Why the zone or its name servers could not be found at all. */
export interface FailedNameServerDiscovery {
  readonly kind: 'failed';
  /** The resolver that was asked. */
  readonly server: string;
  readonly outcome: ServerOutcome;
}

export type NameServerDiscovery = ZoneNameServers | FailedNameServerDiscovery;

/**
 * Finds every name server of the zone that holds `name`, with the addresses
 * to ask each at, through the resolvers:
 * 1. the zone apex, from the SOA record a resolver returns for the name (in
 *    the answer, or in the authority section of a negative answer), walking
 *    up past CNAMEs and names without one, down to the top-level domain;
 * 2. the zone's own NS set, from the resolvers;
 * 3. the parent's delegation, asked without recursion from the parent zone's
 *    servers, with its glue;
 * 4. the A and AAAA records of every name in the union, plus the glue.
 * Nothing is dropped: a name server without an address carries the reason in
 * `addressProblem`, and a part that could not be read is in `problems`.
 * Servers are asked on `port` (53, or a test's port on loopback).
 */
export async function discoverZoneNameServers(resolvers: Resolvers, name: string, port: number): Promise<NameServerDiscovery> {
  const apex = await findZoneApex(resolvers, name);
  if (apex.kind === 'failed') return apex;
  const [own, delegation] = await Promise.all([zoneNsSet(resolvers, apex.zone), parentDelegation(resolvers, apex.zone, port)]);
  const listings = new Map<string, NameServerListing[]>();
  for (const [names, listing] of [[delegation.names, NameServerListing.DELEGATION], [own.names, NameServerListing.ZONE]] as const) {
    for (const nameServer of names) listings.set(nameServer, [...(listings.get(nameServer) ?? []), listing]);
  }
  const problems = [own.problem, delegation.problem].filter((problem) => problem !== undefined);
  if (listings.size === 0) {
    return { kind: 'failed', server: formatDnsServerAddress(resolvers.servers[0]), outcome: { kind: 'servfail', detail: `no name servers were found for the zone ${apex.zone}${problems.length > 0 ? `: ${problems.map((p) => p.detail).join('; ')}` : ''}` } };
  }
  const nameServers = await Promise.all([...listings].sort(([a], [b]) => (a < b ? -1 : 1)).map(async ([nameServer, listedIn]) => ({
    name: nameServer,
    listedIn,
    ...(await addressesOf(resolvers, nameServer, delegation.glue.get(nameServer) ?? [], port)),
  })));
  return { kind: 'found', zone: apex.zone, nameServers, problems };
}

type Apex = { readonly kind: 'found'; readonly zone: string } | FailedNameServerDiscovery;

/** The apex of the zone holding `name`: the owner of the SOA record resolvers give for it. */
export async function findZoneApex(resolvers: Resolvers, name: string): Promise<Apex> {
  let candidate = name;
  for (;;) {
    const { resolver, result } = await askResolvers(resolvers, { name: candidate, type: 'SOA' });
    const failure = failureOf(result, `the SOA query for ${candidate}`);
    if (failure !== undefined) return { kind: 'failed', server: formatDnsServerAddress(resolver), outcome: failure };
    const { response } = result as Extract<QueryResult, { kind: 'answered' }>;
    const aliased = response.answers.some((answer) => answer.type === 'CNAME' && answer.name === candidate);
    const soa = aliased ? undefined : [...response.answers, ...response.authorities].find((record) => record.type === 'SOA' && isWithin(candidate, record.name));
    if (soa !== undefined && soa.name !== '.') return { kind: 'found', zone: soa.name };
    if (!aliased && response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') {
      return { kind: 'failed', server: formatDnsServerAddress(resolver), outcome: { kind: 'servfail', detail: `it answered ${response.rcode} to the SOA query for ${candidate}` } };
    }
    const dot = candidate.indexOf('.');
    if (dot < 0) {
      return { kind: 'failed', server: formatDnsServerAddress(resolver), outcome: { kind: 'servfail', detail: `no zone holding ${name} was found: no SOA record for it or any name above it, up to the top-level domain` } };
    }
    candidate = candidate.slice(dot + 1);
  }
}

interface NsSet {
  readonly names: readonly string[];
  readonly problem?: Problem;
}

/** The zone's own NS set, as the resolvers give it (a resolver asks the zone's servers for it). */
async function zoneNsSet(resolvers: Resolvers, zone: string): Promise<NsSet> {
  const { resolver, result } = await askResolvers(resolvers, { name: zone, type: 'NS' });
  const failure = failureOf(result, `${formatDnsServerAddress(resolver)}: the NS query for ${zone}`);
  if (failure !== undefined) return { names: [], problem: failure };
  const { response } = result as Extract<QueryResult, { kind: 'answered' }>;
  if (response.rcode !== 'NOERROR') return { names: [], problem: { kind: 'servfail', detail: `${formatDnsServerAddress(resolver)} answered ${response.rcode} to the NS query for ${zone}` } };
  return { names: valuesOf(response.answers, 'NS', zone) };
}

interface Delegation extends NsSet {
  /** Addresses the parent gives for in-zone name servers. */
  readonly glue: ReadonlyMap<string, readonly string[]>;
}

/**
 * The NS records the parent zone's servers hand out for `zone`, asked
 * without recursion from each parent server in turn until one answers: a
 * referral, or an authoritative NS answer when that server serves both zones.
 */
async function parentDelegation(resolvers: Resolvers, zone: string, port: number): Promise<Delegation> {
  const none = (problem?: Problem): Delegation => ({ names: [], glue: new Map(), problem });
  const dot = zone.indexOf('.');
  const parentName = dot < 0 ? '.' : zone.slice(dot + 1);
  const parent = parentName === '.' ? { kind: 'found' as const, zone: '.' } : await findZoneApex(resolvers, parentName);
  if (parent.kind === 'failed') return none(readFailure(parent, `the parent zone of ${zone}`));
  const parentServers = await zoneNsSet(resolvers, parent.zone);
  if (parentServers.names.length === 0) return none(parentServers.problem ?? { kind: 'servfail', detail: `the parent zone ${parent.zone} of ${zone} has no NS records` });
  const failures: string[] = [];
  for (const parentServer of parentServers.names) {
    const { addresses } = await addressesOf(resolvers, parentServer, [], port);
    for (const address of addresses) {
      const result = await queryDns(address, { name: zone, type: 'NS' }, { ...resolvers.options, recursionDesired: false });
      const delegation = result.kind === 'answered' ? readDelegation(result.response, zone) : undefined;
      if (delegation !== undefined) return delegation;
      failures.push(`${parentServer} (${formatDnsServerAddress(address)}): ${result.kind === 'answered' ? `answered ${result.response.rcode} without NS records for ${zone}` : result.detail}`);
    }
  }
  return none({ kind: 'servfail', detail: `the delegation of ${zone} in its parent zone ${parent.zone} could not be read${failures.length > 0 ? ` (${failures.join('; ')})` : ': no parent server has an address'}` });
}

function readDelegation(response: DnsResponse, zone: string): Delegation | undefined {
  if (response.rcode !== 'NOERROR') return undefined;
  const names = valuesOf(response.authoritative ? response.answers : response.authorities, 'NS', zone);
  if (names.length === 0) return undefined;
  const glue = new Map<string, string[]>();
  for (const record of response.additionals) {
    if ((record.type === 'A' || record.type === 'AAAA') && names.includes(record.name)) glue.set(record.name, [...(glue.get(record.name) ?? []), record.value]);
  }
  return { names, glue };
}

/** Every address of a name server: the given glue, then its A and AAAA records through the resolvers. */
async function addressesOf(resolvers: Resolvers, nameServer: string, glue: readonly string[], port: number): Promise<Pick<NameServer, 'addresses' | 'addressProblem'>> {
  const lookups = await Promise.all((['A', 'AAAA'] as const).map(async (type): Promise<{ hosts: string[]; problem?: AddressProblem }> => {
    const { resolver, result } = await askResolvers(resolvers, { name: nameServer, type });
    const failure = failureOf(result, `${formatDnsServerAddress(resolver)}: the ${type} query for the name server ${nameServer}`);
    if (failure !== undefined) return { hosts: [], problem: failure };
    const { response } = result as Extract<QueryResult, { kind: 'answered' }>;
    if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') {
      return { hosts: [], problem: { kind: 'servfail', detail: `${formatDnsServerAddress(resolver)} answered ${response.rcode} to the ${type} query for the name server ${nameServer}` } };
    }
    return { hosts: valuesOf(response.answers, type, nameServer), problem: undefined };
  }));
  const hosts = [...new Set([...glue, ...lookups.flatMap((lookup) => lookup.hosts)])];
  const addresses = hosts.map((host) => ({ host, port }));
  const failed = lookups.find((lookup) => lookup.problem !== undefined)?.problem;
  if (failed !== undefined) return { addresses, addressProblem: failed };
  if (hosts.length === 0) return { addresses, addressProblem: { kind: 'no-address', detail: `the name server ${nameServer} has no A or AAAA record, so no resolver can ask it` } };
  return { addresses };
}

/** The values of the records of one type owned by `owner`, following a CNAME at `owner` as resolvers do. */
function valuesOf(records: readonly DnsAnswer[], type: 'NS' | 'A' | 'AAAA', owner: string): string[] {
  const alias = records.find((record) => record.type === 'CNAME' && record.name === owner);
  const name = alias !== undefined && alias.type === 'CNAME' ? alias.value : owner;
  const values = records.flatMap((record) => (record.type === type && record.name === name ? [record.value] : []));
  return [...new Set(values)].sort();
}

function isWithin(name: string, zone: string): boolean {
  return zone === '.' || name === zone || name.endsWith(`.${zone}`);
}

/** Why a query through the resolvers gave no answer; undefined when it was answered. */
function failureOf(result: QueryResult, what: string): QueryFailure | undefined {
  if (result.kind === 'answered') return undefined;
  return { kind: result.kind, detail: `${what}: ${result.detail}` };
}

function readFailure(failed: FailedNameServerDiscovery, what: string): Problem {
  const { outcome } = failed;
  const detail = `${what} could not be found (${failed.server}: ${'detail' in outcome ? outcome.detail : 'NXDOMAIN'})`;
  return { kind: outcome.kind === 'timeout' || outcome.kind === 'unreachable' ? outcome.kind : 'servfail', detail };
}
