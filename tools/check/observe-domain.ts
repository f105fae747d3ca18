import { QueryOptions } from './dns-query';
import { DNS_PORT, DnsServerAddress, formatDnsServerAddress, isLoopback } from './dns-server-address';
import { AskedAs, lookUpMx, MAX_CNAME_CHAIN, MxLookup } from './lookups';
import { discoverZoneNameServers, NameServer } from './name-servers';
import { ServerObservation } from './observation';
import { createResolvers, Resolvers } from './resolvers';

/** Whom a run asks for MX sets, and how; shared by `check` and `discover`. */
export interface ObservationSettings {
  /** The servers asked for MX sets without --authoritative. */
  readonly mxServers: readonly DnsServerAddress[];
  /** Their names in reports. */
  readonly mxServerLabels: readonly string[];
  /** The given resolvers, then the fallbacks: for target lookups and name-server discovery. */
  readonly resolvers: Resolvers;
  readonly authoritative: boolean;
  /** The port name servers are asked on: 53, or the first resolver's port when it is on loopback (the tests' servers). */
  readonly nameServerPort: number;
  readonly query: QueryOptions;
}

/** What the servers asked said about a domain's MX set; with --authoritative, the zone and its name servers too. */
export interface Observed {
  readonly observations: ServerObservation[];
  readonly nameServers?: readonly NameServer[];
  readonly zone?: string;
}

/** Settings for asking `mxServers` (the resolvers given, at least one), with `fallbacks` after them for lookups they refuse. */
export function observationSettings(mxServers: readonly DnsServerAddress[], fallbacks: readonly DnsServerAddress[], query: QueryOptions, authoritative: boolean): ObservationSettings {
  return {
    mxServers,
    mxServerLabels: mxServers.map(formatDnsServerAddress),
    resolvers: createResolvers(uniqueServers([...mxServers, ...fallbacks]), query),
    authoritative,
    nameServerPort: isLoopback(mxServers[0].host) ? mxServers[0].port : DNS_PORT,
    query,
  };
}

/** Asks the resolvers for a domain's MX set, or with --authoritative every name server of its zone. */
export function observeDomain(domain: string, settings: ObservationSettings): Promise<Observed> {
  return settings.authoritative ? observeAuthoritative(domain, settings, 0) : observeThroughResolvers(domain, settings);
}

function uniqueServers(servers: readonly DnsServerAddress[]): DnsServerAddress[] {
  const seen = new Set<string>();
  return servers.filter((server) => !seen.has(formatDnsServerAddress(server)) && seen.add(formatDnsServerAddress(server)) !== undefined);
}

async function observeThroughResolvers(domain: string, settings: ObservationSettings): Promise<Observed> {
  // A resolver follows CNAMEs itself, so lookUpMx never gives `cname` here.
  const ask = (server: DnsServerAddress) => lookUpMx(server, domain, settings.query, AskedAs.RESOLVER) as Promise<Exclude<MxLookup, { kind: 'cname' }>>;
  const outcomes = settings.mxServers.length === 1 ? [await ask(settings.mxServers[0])] : await Promise.all(settings.mxServers.map(ask));
  return { observations: outcomes.map((outcome, index) => ({ server: settings.mxServerLabels[index], outcome })) };
}

/**
 * Asks every name server of the domain's zone, at each of its addresses.
 * Servers that answer with a CNAME to a name outside their zone are followed
 * to the authoritative servers of that name.
 */
async function observeAuthoritative(domain: string, settings: ObservationSettings, depth: number): Promise<Observed> {
  const discovery = await discoverZoneNameServers(settings.resolvers, domain, settings.nameServerPort);
  if (discovery.kind === 'failed') return { observations: [{ server: discovery.server, outcome: discovery.outcome }] };
  const observations: ServerObservation[] = discovery.problems.map((outcome) => ({ server: `the NS lookup of ${discovery.zone}`, outcome }));
  const byAddress = new Map<string, { address: DnsServerAddress; names: string[] }>();
  for (const nameServer of discovery.nameServers) {
    if (nameServer.addressProblem !== undefined) observations.push({ server: nameServer.name, nameServer: nameServer.name, outcome: nameServer.addressProblem });
    for (const address of nameServer.addresses) {
      const key = formatDnsServerAddress(address);
      const entry = byAddress.get(key) ?? { address, names: [] };
      entry.names.push(nameServer.name);
      byAddress.set(key, entry);
    }
  }
  const answers = await Promise.all([...byAddress].map(async ([server, { address, names }]) => ({
    server,
    nameServer: names.join(', '),
    lookup: await lookUpMx(address, domain, settings.query, AskedAs.AUTHORITATIVE),
  })));
  const aliases = new Map<string, Promise<Observed>>();
  for (const { server, nameServer, lookup } of answers) {
    if (lookup.kind !== 'cname') {
      observations.push({ server, nameServer, outcome: lookup });
    } else if (depth + 1 >= MAX_CNAME_CHAIN) {
      observations.push({ server, nameServer, outcome: { kind: 'servfail', detail: `the CNAME chain of ${domain} is longer than ${MAX_CNAME_CHAIN} names` } });
    } else if (!aliases.has(lookup.canonicalName)) {
      aliases.set(lookup.canonicalName, observeAuthoritative(lookup.canonicalName, settings, depth + 1));
    }
  }
  for (const [canonicalName, alias] of aliases) {
    for (const observation of (await alias).observations) {
      const { outcome } = observation;
      const canonical = (outcome.kind === 'records' || outcome.kind === 'nxdomain') && outcome.canonicalName === undefined ? { ...outcome, canonicalName } : outcome;
      observations.push({ ...observation, outcome: canonical });
    }
  }
  return { observations, nameServers: discovery.nameServers, zone: discovery.zone };
}
