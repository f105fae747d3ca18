import { CloudMail } from '../../lib/cloudmail/cloudmail';
import { suggestCloudMailHost } from '../../lib/cloudmail/typo-guard';
import { isIpLiteral } from '../../lib/model/dns-name';
import { compareMxRecords, MxRecord, NULL_MX_HOST } from '../../lib/model/mx-server';
import { Finding, FindingCode, finding, Severity } from './finding';
import { NameServer, NameServerListing } from './name-servers';
import { ServedMxRecord, ServerObservation, TargetLookup } from './observation';

/** The TTL the CloudMail article asks for while records change, in seconds. */
export const SWITCH_TTL = 300;

/** Everything the classifier needs; plain data, so it can be tested without a network. */
export interface ClassifyInput {
  readonly domain: string;
  /** The validated expected set, sorted by priority. */
  readonly expected: readonly MxRecord[];
  readonly observations: readonly ServerObservation[];
  /** What the resolver said about each MX target host; hosts not in the map are not judged. */
  readonly targets: ReadonlyMap<string, TargetLookup>;
  /** The time cache expiries are computed from. */
  readonly now: Date;
  /** `expected` is a LOWER_TTL stage's declared legacy list, which DNS must serve exactly. @default false */
  readonly declaredLegacy?: boolean;
  /** With --authoritative: the zone's name servers, for findings about the delegation itself. */
  readonly nameServers?: readonly NameServer[];
}

/** Servers that served the same MX set. */
interface ServedSet {
  readonly servers: readonly string[];
  readonly records: readonly ServedMxRecord[];
  /** The name that owns the set when the domain is a CNAME. */
  readonly canonicalName?: string;
}

/**
 * Judges what the servers serve against the expected set. Findings that hold
 * only on some servers name those servers, so a user sees where the change
 * has not arrived yet.
 */
export function classifyDomain(input: ClassifyInput): Finding[] {
  if (isPlainlyExpected(input)) return [];
  const sets = groupBySet(input.observations);
  const setFindings = sets.flatMap((set) => {
    const owner = set.canonicalName ?? input.domain;
    const found = input.declaredLegacy ? legacyMismatchFindings(owner, set.records, input.expected) : classifyRecords(owner, set.records, input.expected);
    return sets.length > 1 ? found.map((f) => ({ ...f, message: `On ${set.servers.join(', ')}: ${f.message}` })) : found;
  });
  const inconsistent = consistencyFindings(input.domain, sets, input.now);
  const settled = setFindings.length === 0 && inconsistent.length === 0;
  return unique([
    ...serverErrorFindings(input.domain, input.observations),
    ...cnameFindings(input.domain, input.observations),
    ...delegationFindings(input.domain, input.nameServers ?? []),
    ...setFindings,
    ...targetFindings(sets, input.targets),
    ...inconsistent,
    // A LOWER_TTL stage is what lowers the TTL, so a high one is expected there.
    ...(settled || input.declaredLegacy ? [] : ttlFindings(input.domain, sets, input.now)),
  ]);
}

/**
 * The common case of a fleet, decided without building any finding: one
 * server, no CNAME, no delegation to judge, exactly the expected records
 * (same hosts, same priorities) and every target with an address.
 */
function isPlainlyExpected(input: ClassifyInput): boolean {
  if (input.observations.length !== 1 || input.nameServers !== undefined) return false;
  const { outcome } = input.observations[0];
  if (outcome.kind !== 'records' || outcome.canonicalName !== undefined || outcome.records.length !== input.expected.length) return false;
  for (let i = 0; i < outcome.records.length; i++) {
    const [served, wanted] = [outcome.records[i], input.expected[i]];
    if (served.hostName !== wanted.hostName || served.priority !== wanted.priority) return false;
    if (input.targets.get(served.hostName)?.kind !== 'address') return false;
  }
  return true;
}

/** Findings about one served set; empty when it is exactly what is expected (priorities may differ in value, not in order). */
export function classifyRecords(domain: string, records: readonly ServedMxRecord[], expected: readonly MxRecord[]): Finding[] {
  if (records.length === 0) {
    return [finding(FindingCode.NO_MX, Severity.FAIL, `${domain} has no MX records, so senders fall back to its A/AAAA record or give up.`, `publish ${describeRecords(expected)}.`)];
  }
  const expectedHosts = new Set(expected.map((record) => record.hostName));
  if (records.some((record) => record.hostName === NULL_MX_HOST) && !expectedHosts.has(NULL_MX_HOST)) {
    return [finding(FindingCode.NULL_MX, Severity.FAIL, `${domain} publishes a null MX ("0 ."), which tells every sender that it accepts no mail.`, `delete the "0 ." record and publish ${describeRecords(expected)}.`)];
  }
  const served = new Map(records.map((record) => [record.hostName, record]));
  return [
    ...primaryFindings(domain, records, expected, served),
    ...expected.slice(primaryOf(expected) ? 1 : 0).filter((backup) => !served.has(backup.hostName)).map((backup) =>
      finding(FindingCode.MISSING_BACKUP, Severity.FAIL, `The expected backup ${backup.hostName} is not among ${domain}'s MX records.`, `add "${backup.priority} ${backup.hostName}" (a priority above the primary's).`)),
    ...legacyFindings(domain, records, expectedHosts),
  ];
}

/**
 * A LOWER_TTL stage writes its declared legacy list over the live records, so
 * a served set must be exactly that list, hosts and priorities; its TTL may
 * still be the old one until the stage is applied.
 */
function legacyMismatchFindings(domain: string, records: readonly ServedMxRecord[], declared: readonly MxRecord[]): Finding[] {
  const text = (record: MxRecord): string => `${record.priority} ${record.hostName}`;
  const undeclared = records.filter((record) => !declared.some((other) => text(other) === text(record)));
  const notServed = declared.filter((record) => !records.some((other) => text(other) === text(record)));
  if (undeclared.length === 0 && notServed.length === 0) return [];
  return [finding(FindingCode.LEGACY_MISMATCH, Severity.FAIL,
    `${domain}'s LOWER_TTL stage declares the legacy records ${describeRecords(declared)}, but DNS serves ${describeRecords(records)} (served, not declared: ${undeclared.length === 0 ? 'none' : describeRecords(undeclared)}; declared, not served: ${notServed.length === 0 ? 'none' : describeRecords(notServed)}). The stage writes the declared list over the live records: a record not declared is dropped (Route53) or left unmanaged at its priority (Cloudflare), and a declared one is published as written.`,
    `list in legacy.servers exactly the records DNS serves, with the same hosts and priorities (cloudmail-mx discover ${domain} --authoritative prints them).`)];
}

/** The expected primary: the first record when its priority is unique and lowest. */
function primaryOf(expected: readonly MxRecord[]): MxRecord | undefined {
  const [first, second] = expected;
  return first !== undefined && (second === undefined || second.priority > first.priority) ? first : undefined;
}

function primaryFindings(domain: string, records: readonly ServedMxRecord[], expected: readonly MxRecord[], served: ReadonlyMap<string, ServedMxRecord>): Finding[] {
  const primary = primaryOf(expected);
  if (primary === undefined || primary.hostName === NULL_MX_HOST) return [];
  const servedPrimary = served.get(primary.hostName);
  if (servedPrimary === undefined) {
    return [finding(FindingCode.MISSING_PRIMARY, Severity.FAIL, `${primary.hostName} is not among ${domain}'s MX records, so mail does not reach it.`, `add "${primary.priority} ${primary.hostName}" with a priority lower than every other record.`)];
  }
  const rivals = records.filter((record) => record.hostName !== primary.hostName && record.priority <= servedPrimary.priority);
  if (rivals.length === 0) return [];
  return [finding(
    FindingCode.PRIMARY_NOT_TOP,
    Severity.FAIL,
    `${primary.hostName} has priority ${servedPrimary.priority}, but ${describeRecords(rivals)} ${rivals.length === 1 ? 'has' : 'have'} the same or a lower value, so senders may deliver there first.`,
    `give ${primary.hostName} a priority strictly lower than every other record, or remove the others.`,
  )];
}

function legacyFindings(domain: string, records: readonly ServedMxRecord[], expectedHosts: ReadonlySet<string>): Finding[] {
  const expectedPriorities = records.filter((record) => expectedHosts.has(record.hostName)).map((record) => record.priority);
  const highestExpected = Math.max(...expectedPriorities);
  return records.filter((record) => !expectedHosts.has(record.hostName)).map((record) => {
    const suggestion = suggestCloudMailHost(record.hostName);
    const typo = suggestion === undefined ? '' : ` It looks like a misspelling of ${suggestion}.`;
    if (expectedPriorities.length > 0 && record.priority > highestExpected) {
      return finding(FindingCode.LEGACY_DEMOTED, Severity.WARN,
        `${domain} still lists "${record.priority} ${record.hostName}", which is not in the expected set; it is demoted below every expected server but still receives mail whenever they are unreachable.${typo}`,
        `delete it once you no longer need the old mail server.`);
    }
    return finding(FindingCode.LEGACY_PRESENT, Severity.FAIL,
      `${domain} still lists "${record.priority} ${record.hostName}", which is not in the expected set, at a priority that competes with the expected servers, so some mail goes there.${typo}`,
      `delete it, or demote it to a priority higher than every expected record${expectedPriorities.length > 0 ? ` (above ${highestExpected})` : ''}.`);
  });
}

/** "192.0.2.53:53 (ns1.example.net)" with --authoritative, else the address. */
function labelOf(observation: ServerObservation): string {
  return observation.nameServer === undefined || observation.nameServer === observation.server ? observation.server : `${observation.server} (${observation.nameServer})`;
}

function serverErrorFindings(domain: string, observations: readonly ServerObservation[]): Finding[] {
  return observations.flatMap((observation): Finding[] => {
    const { outcome } = observation;
    const server = labelOf(observation);
    switch (outcome.kind) {
      case 'nxdomain':
        return outcome.canonicalName === undefined
          ? [finding(FindingCode.NXDOMAIN, Severity.ERROR, `${server} says ${domain} does not exist (NXDOMAIN).`, 'check the spelling of the domain, and that its zone is delegated to the DNS provider you deployed to.')]
          : [finding(FindingCode.NXDOMAIN, Severity.ERROR, `${server} says ${outcome.canonicalName}, the CNAME target of ${domain}, does not exist (NXDOMAIN), so mail for ${domain} cannot be delivered.`, `point the CNAME at a name that exists, or replace it by MX records of ${domain}'s own.`)];
      case 'timeout':
        return [finding(FindingCode.TIMEOUT, Severity.ERROR, `${server} did not answer for ${domain}: ${outcome.detail}.`, 'check that the server is reachable, or raise --timeout, and run the check again.')];
      case 'servfail':
        return [finding(FindingCode.SERVFAIL, Severity.ERROR, `${server} could not answer for ${domain}: ${outcome.detail}.`, 'check the zone on that server (a broken DNSSEC chain or a lame delegation gives SERVFAIL; REFUSED means it does not serve the zone), then run the check again.')];
      case 'unreachable':
        return [finding(FindingCode.UNREACHABLE, Severity.ERROR, `${server} could not be asked about ${domain}: ${outcome.detail}.`, 'check that the address is right and reachable from here (an IPv6 name server needs IPv6 on this machine), then run the check again; a name server that resolvers cannot reach should leave the delegation.')];
      case 'lame':
        return [finding(FindingCode.LAME_DELEGATION, Severity.ERROR, `${server} is listed as a name server of ${domain}'s zone, but it ${outcome.detail}. Resolvers that pick it get no usable answer, and what it serves for ${domain} is unknown.`, `make that server serve the zone, or remove it from the zone's NS set and from the delegation at the registrar.`)];
      case 'referral':
        return [finding(FindingCode.REFERRAL, Severity.ERROR, `${server} ${outcome.detail}: it does not resolve recursively (a root, TLD or authoritative-only server), so it cannot say what senders see for ${domain}.`, 'give --resolver a recursive resolver (or leave it out to use the system\'s), or add --authoritative to ask the zone\'s own servers.')];
      case 'no-address':
        return [finding(FindingCode.NS_NO_ADDRESS, Severity.WARN, `${outcome.detail[0].toUpperCase()}${outcome.detail.slice(1)}; the other name servers of ${domain}'s zone were checked.`, 'give that name server an A or AAAA record, or remove it from the zone\'s NS set and from the delegation at the registrar.')];
      case 'records':
        return [];
    }
  });
}

/** DOMAIN_IS_CNAME once per CNAME target the servers named. */
function cnameFindings(domain: string, observations: readonly ServerObservation[]): Finding[] {
  const targets = new Set(observations.flatMap(({ outcome }) => (outcome.kind === 'records' && outcome.canonicalName !== undefined ? [outcome.canonicalName] : [])));
  return [...targets].map((target) => finding(FindingCode.DOMAIN_IS_CNAME, Severity.WARN,
    `${domain} is a CNAME to ${target}. Mail follows the CNAME (RFC 5321 §5.1), so the MX records of ${target} were judged; whoever changes ${target}'s MX records changes where ${domain}'s mail goes.`,
    `nothing, if ${target} is meant to receive ${domain}'s mail; otherwise replace the CNAME by MX records of ${domain}'s own (a CNAME cannot have other records beside it).`));
}

/** DELEGATION_MISMATCH when some name servers are only in the parent's delegation or only in the zone's NS set. */
function delegationFindings(domain: string, nameServers: readonly NameServer[]): Finding[] {
  const only = (listing: NameServerListing) => nameServers.filter((ns) => ns.listedIn.length === 1 && ns.listedIn[0] === listing).map((ns) => ns.name);
  const [delegationOnly, zoneOnly] = [only(NameServerListing.DELEGATION), only(NameServerListing.ZONE)];
  if (delegationOnly.length === 0 && zoneOnly.length === 0) return [];
  const parts = [
    ...(delegationOnly.length > 0 ? [`only the parent's delegation lists ${delegationOnly.join(', ')}`] : []),
    ...(zoneOnly.length > 0 ? [`only the zone's own NS set lists ${zoneOnly.join(', ')}`] : []),
  ];
  return [finding(FindingCode.DELEGATION_MISMATCH, Severity.WARN,
    `The name servers of ${domain}'s zone differ between the parent and the zone: ${parts.join('; ')}. Resolvers use either list, so every server on both was asked.`,
    'make the delegation at the registrar and the zone\'s NS records list the same servers.')];
}

function consistencyFindings(domain: string, sets: readonly ServedSet[], now: Date): Finding[] {
  if (sets.length < 2) return [];
  const highestTtl = Math.max(...sets.flatMap((set) => set.records.map((record) => record.ttl)), 0);
  const variants = sets.map((set) => `${set.servers.join(', ')} serve${set.servers.length === 1 ? 's' : ''} ${describeRecords(set.records)}`).join('; ');
  return [finding(FindingCode.INCONSISTENT, Severity.WARN,
    `The servers disagree about ${domain}: ${variants}. Propagation is in progress; once every server serves the same set, caches hold the old answer for at most ${highestTtl} s (until ${expiry(now, highestTtl)} if that happened now).`,
    'wait and run the check again; if a server still serves an old set after that, its copy of the zone is not updating (check the zone serial and NOTIFY/transfer on that server, or the provider\'s status).')];
}

function targetFindings(sets: readonly ServedSet[], targets: ReadonlyMap<string, TargetLookup>): Finding[] {
  const hosts = [...new Set(sets.flatMap((set) => set.records.map((record) => record.hostName)))].filter((host) => host !== NULL_MX_HOST);
  return hosts.flatMap((host): Finding[] => {
    if (isIpLiteral(host)) {
      return [finding(FindingCode.TARGET_IS_IP, Severity.FAIL, `The MX target ${host} is an IP address; MX records must name a host (RFC 5321 §5.1), and most senders reject or ignore it.`, `point the record at a host name with A/AAAA records, e.g. ${CloudMail.PRIMARY_HOST}.`)];
    }
    const lookup = targets.get(host);
    switch (lookup?.kind) {
      case 'cname':
        return [finding(FindingCode.TARGET_IS_CNAME, Severity.FAIL, `The MX target ${host} is a CNAME (to ${lookup.canonicalName}); RFC 2181 §10.3 forbids that and some senders refuse it.`, `point the MX record at ${lookup.canonicalName} directly.`)];
      case 'no-address':
        return [finding(FindingCode.TARGET_NO_ADDRESS, Severity.FAIL, `The MX target ${host} has no A or AAAA record, so mail for it cannot be delivered.`, `add an address for ${host}, or point the MX record at a host that has one (check the spelling).`)];
      case 'timeout':
        return [finding(FindingCode.TIMEOUT, Severity.ERROR, `The address of the MX target ${host} could not be looked up: ${lookup.detail}.`, 'check that the resolver is reachable, or raise --timeout, and run the check again.')];
      case 'servfail':
        return [finding(FindingCode.SERVFAIL, Severity.ERROR, `The address of the MX target ${host} could not be looked up: ${lookup.detail}.`, 'check the resolver and the zone of that host, then run the check again.')];
      case 'unreachable':
        return [finding(FindingCode.UNREACHABLE, Severity.ERROR, `The address of the MX target ${host} could not be looked up: ${lookup.detail}.`, 'check that the resolver is reachable from here, then run the check again.')];
      case 'address':
      case undefined:
        return [];
    }
  });
}

function ttlFindings(domain: string, sets: readonly ServedSet[], now: Date): Finding[] {
  const highestTtl = Math.max(...sets.flatMap((set) => set.records.map((record) => record.ttl)), 0);
  if (highestTtl <= SWITCH_TTL) return [];
  return [finding(FindingCode.TTL_HIGH, Severity.WARN,
    `${domain}'s MX TTL is ${highestTtl} s while its MX set is not final yet: resolvers that cached the current answer keep it until ${expiry(now, highestTtl)}, so a fix made now reaches every sender only then.`,
    `lower the TTL to ${SWITCH_TTL} s while you switch, and raise it again once the check is clean.`)];
}

function groupBySet(observations: readonly ServerObservation[]): ServedSet[] {
  const sets = new Map<string, { servers: string[]; records: readonly ServedMxRecord[]; canonicalName?: string }>();
  for (const observation of observations) {
    const { outcome } = observation;
    if (outcome.kind !== 'records') continue;
    const key = describeRecords(outcome.records);
    const set = sets.get(key) ?? { servers: [], records: outcome.records, ...(outcome.canonicalName !== undefined && { canonicalName: outcome.canonicalName }) };
    set.servers.push(labelOf(observation));
    sets.set(key, set);
  }
  return [...sets.values()];
}

/** "10 mx1.cloudaccess.net, 20 backup.example.net" in priority order; TTLs are left out because caches count them down. */
function describeRecords(records: readonly MxRecord[]): string {
  if (records.length === 0) return 'no MX records';
  return [...records].sort(compareMxRecords).map((record) => `${record.priority} ${record.hostName}`).join(', ');
}

function expiry(now: Date, ttlSeconds: number): string {
  return new Date(now.getTime() + ttlSeconds * 1000).toISOString();
}

function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.message) && seen.add(f.message) !== undefined);
}
