import { compareMxRecords } from '../../lib/model/mx-server';
import { DnsResponse } from './dns-message';
import { queryDns, QueryOptions, QueryResult } from './dns-query';
import { DnsServerAddress, formatDnsServerAddress } from './dns-server-address';
import { ServedMxRecord, ServerOutcome, TargetLookup } from './observation';
import { askResolvers, isReferral, Resolvers } from './resolvers';

/** The longest CNAME chain followed, as resolvers bound theirs. */
export const MAX_CNAME_CHAIN = 8;

/** How a server is asked for a domain's MX set. */
export enum AskedAs {
  /** A resolver: it recurses, and follows CNAMEs for us. */
  RESOLVER = 'resolver',
  /** One of the zone's own servers: asked without recursion, it must answer with authority. */
  AUTHORITATIVE = 'authoritative',
}

/** A server's MX answer, or the name its CNAME chain leads to when that server has no MX set for it. */
export type MxLookup = ServerOutcome | { readonly kind: 'cname'; readonly canonicalName: string };

/**
 * Asks one server for a domain's MX set. A CNAME chain in the answer is
 * followed (mail follows it, RFC 5321 §5.1): a resolver is asked again for
 * the end of the chain when its answer stops short; an authoritative server
 * gives `cname`, since the chain's end may live in another zone. A resolver
 * that answers with a referral, or an authoritative server that answers
 * without authority, gives no MX verdict: it is `referral` or `lame`.
 */
export async function lookUpMx(server: DnsServerAddress, domain: string, options: QueryOptions, askedAs: AskedAs): Promise<MxLookup> {
  const queryOptions = askedAs === AskedAs.AUTHORITATIVE ? { ...options, recursionDesired: false } : options;
  let name = domain;
  for (let asked = 0; asked < MAX_CNAME_CHAIN; asked++) {
    const result = await queryDns(server, { name, type: 'MX' }, queryOptions);
    const failure = failureOf(result, `the MX query for ${name}`);
    if (failure !== undefined) return failure;
    const { response } = result as Extract<QueryResult, { kind: 'answered' }>;
    const canonicalName = followCnames(response, name);
    const aliased = canonicalName !== domain;
    if (askedAs === AskedAs.AUTHORITATIVE && !response.authoritative && (response.rcode === 'NOERROR' || response.rcode === 'NXDOMAIN')) {
      return { kind: 'lame', detail: describeLameAnswer(response, name) };
    }
    if (response.rcode === 'NXDOMAIN') return aliased ? { kind: 'nxdomain', canonicalName } : { kind: 'nxdomain' };
    if (response.rcode !== 'NOERROR') return { kind: 'servfail', detail: `it answered ${response.rcode}` };
    const records = mxRecordsOf(response, canonicalName);
    if (records.length > 0 || canonicalName === name) {
      if (records.length === 0 && askedAs === AskedAs.RESOLVER && isReferral(response)) return { kind: 'referral', detail: describeReferral(response) };
      return aliased ? { kind: 'records', records, canonicalName } : { kind: 'records', records };
    }
    if (askedAs === AskedAs.AUTHORITATIVE) return { kind: 'cname', canonicalName };
    name = canonicalName;
  }
  return { kind: 'servfail', detail: `the CNAME chain of ${domain} is longer than ${MAX_CNAME_CHAIN} names` };
}

/** The end of the CNAME chain that starts at `name` in the answer section (at most {@link MAX_CNAME_CHAIN} links). */
function followCnames(response: DnsResponse, name: string): string {
  let current = name;
  for (let links = 0; links < MAX_CNAME_CHAIN; links++) {
    const alias = response.answers.find((answer) => answer.type === 'CNAME' && answer.name === current);
    if (alias === undefined || alias.type !== 'CNAME') return current;
    current = alias.value;
  }
  return current;
}

function mxRecordsOf(response: DnsResponse, owner: string): ServedMxRecord[] {
  const records: ServedMxRecord[] = [];
  for (const answer of response.answers) {
    if (answer.type === 'MX' && answer.name === owner) records.push({ hostName: answer.exchange, priority: answer.preference, ttl: answer.ttl });
  }
  return records.length > 1 ? records.sort(compareMxRecords) : records;
}

function describeReferral(response: DnsResponse): string {
  const delegation = response.authorities.filter((record) => record.type === 'NS');
  const zone = delegation[0].name;
  const names = [...new Set(delegation.map((record) => (record.type === 'NS' ? record.value : '')))].sort();
  return `answered with a referral to the name servers of ${zone === '.' ? 'the root' : zone} (${names.join(', ')}) instead of an answer`;
}

function describeLameAnswer(response: DnsResponse, name: string): string {
  if (isReferral(response)) return `${describeReferral(response)}: it is not authoritative for ${name}`;
  return `answered for ${name} without authority (no AA bit): it does not serve the zone itself`;
}

/** The outcome of a query that gave no answer, or undefined when it was answered. */
function failureOf(result: QueryResult, what: string): Extract<ServerOutcome, { detail: string }> | undefined {
  if (result.kind === 'timeout') return { kind: 'timeout', detail: result.detail };
  if (result.kind === 'unreachable') return { kind: 'unreachable', detail: `${what}: ${result.detail}` };
  return undefined;
}

/**
 * Whether an MX target has an address, is a CNAME, or neither, as the
 * resolvers see it. Each resolver is asked in turn until one answers, so a
 * server that refuses recursion (an authoritative server given as
 * --resolver) does not hide the verdict: the fallback resolvers answer.
 */
export async function lookUpTarget(resolvers: Resolvers, host: string): Promise<TargetLookup> {
  for (const type of ['A', 'AAAA'] as const) {
    const { resolver, result } = await askResolvers(resolvers, { name: host, type });
    if (result.kind !== 'answered') return { kind: result.kind, detail: `${formatDnsServerAddress(resolver)}: ${result.detail}` };
    const { rcode, answers } = result.response;
    const alias = answers.find((answer) => answer.type === 'CNAME' && answer.name === host);
    if (alias !== undefined && alias.type === 'CNAME') return { kind: 'cname', canonicalName: alias.value };
    if (rcode === 'NXDOMAIN') return { kind: 'no-address' };
    if (rcode !== 'NOERROR') return { kind: 'servfail', detail: `${formatDnsServerAddress(resolver)} answered ${rcode}` };
    if (isReferral(result.response)) return { kind: 'servfail', detail: `${formatDnsServerAddress(resolver)} ${describeReferral(result.response)}: it does not resolve recursively` };
    if (answers.some((answer) => answer.type === type)) return { kind: 'address' };
  }
  return { kind: 'no-address' };
}
