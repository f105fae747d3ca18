import { compareMxRecords } from '../../lib/model/mx-server';
import { DnsQuestion, DnsQueryType } from './dns-message';
import { queryDns, QueryOptions, QueryResult } from './dns-query';
import { DNS_PORT, DnsServerAddress, formatDnsServerAddress, isLoopback } from './dns-server-address';
import { ServerOutcome, TargetLookup } from './observation';

/** Asks one server for a domain's MX set. */
export async function lookUpMx(server: DnsServerAddress, domain: string, options: QueryOptions): Promise<ServerOutcome> {
  const result = await queryDns(server, { name: domain, type: 'MX' }, options);
  if (result.kind === 'timeout') return { kind: 'timeout', detail: describeTimeout(result.attempts, result.timeoutMs) };
  const { rcode, answers } = result.response;
  if (rcode === 'NXDOMAIN') return { kind: 'nxdomain' };
  if (rcode !== 'NOERROR') return { kind: 'servfail', detail: `it answered ${rcode}` };
  const records = answers.flatMap((answer) => (answer.type === 'MX' && answer.name === domain ? [{ hostName: answer.exchange, priority: answer.preference, ttl: answer.ttl }] : []));
  return { kind: 'records', records: records.sort(compareMxRecords) };
}

/** Whether an MX target has an address, is a CNAME, or neither, as the resolver sees it. */
export async function lookUpTarget(resolver: DnsServerAddress, host: string, options: QueryOptions): Promise<TargetLookup> {
  for (const type of ['A', 'AAAA'] as const) {
    const result = await queryDns(resolver, { name: host, type }, options);
    if (result.kind === 'timeout') return { kind: 'timeout', detail: `${formatDnsServerAddress(resolver)} ${describeTimeout(result.attempts, result.timeoutMs)}` };
    const { rcode, answers } = result.response;
    const alias = answers.find((answer) => answer.type === 'CNAME' && answer.name === host);
    if (alias !== undefined && alias.type === 'CNAME') return { kind: 'cname', canonicalName: alias.value };
    if (rcode === 'NXDOMAIN') return { kind: 'no-address' };
    if (rcode !== 'NOERROR') return { kind: 'servfail', detail: `${formatDnsServerAddress(resolver)} answered ${rcode}` };
    if (answers.some((answer) => answer.type === type)) return { kind: 'address' };
  }
  return { kind: 'no-address' };
}

/** The authoritative servers of a domain, or why they could not be found. */
export type NameServerDiscovery =
  | { readonly kind: 'found'; readonly servers: readonly DnsServerAddress[] }
  | { readonly kind: 'failed'; readonly server: string; readonly outcome: ServerOutcome };

/**
 * Finds the zone that holds `domain` (the closest enclosing name with NS
 * records), then the IPv4 address of each name server, all through the
 * resolver. The servers are asked on port 53, except when the resolver is on
 * loopback: then on the resolver's port, so a test NSD on a high port can
 * serve the delegation and the zone.
 */
export async function discoverNameServers(resolver: DnsServerAddress, domain: string, options: QueryOptions): Promise<NameServerDiscovery> {
  const resolverName = formatDnsServerAddress(resolver);
  const names = await findZoneNameServers(resolver, domain, options);
  if (names.kind === 'failed') return names;
  const port = isLoopback(resolver.host) ? resolver.port : DNS_PORT;
  const addresses = await Promise.all(names.names.map(async (name) => answerValues(await queryDns(resolver, { name, type: 'A' }, options), 'A', name)));
  const hosts = [...new Set(addresses.flat())];
  if (hosts.length === 0) {
    return { kind: 'failed', server: resolverName, outcome: { kind: 'servfail', detail: `none of ${domain}'s name servers (${names.names.join(', ')}) has an IPv4 address` } };
  }
  return { kind: 'found', servers: hosts.sort().map((host) => ({ host, port })) };
}

async function findZoneNameServers(resolver: DnsServerAddress, domain: string, options: QueryOptions): Promise<{ kind: 'found'; names: string[] } | { kind: 'failed'; server: string; outcome: ServerOutcome }> {
  const labels = domain.split('.');
  for (let start = 0; start < labels.length - 1; start++) {
    const question: DnsQuestion = { name: labels.slice(start).join('.'), type: 'NS' };
    const result = await queryDns(resolver, question, options);
    const server = formatDnsServerAddress(resolver);
    if (result.kind === 'timeout') return { kind: 'failed', server, outcome: { kind: 'timeout', detail: `no answer to the NS query for ${question.name}: ${describeTimeout(result.attempts, result.timeoutMs)}` } };
    if (result.response.rcode === 'NXDOMAIN') return { kind: 'failed', server, outcome: { kind: 'nxdomain' } };
    if (result.response.rcode !== 'NOERROR') return { kind: 'failed', server, outcome: { kind: 'servfail', detail: `it answered ${result.response.rcode} to the NS query for ${question.name}` } };
    const names = answerValues(result, 'NS', question.name);
    if (names.length > 0) return { kind: 'found', names: [...new Set(names)].sort() };
  }
  return { kind: 'failed', server: formatDnsServerAddress(resolver), outcome: { kind: 'servfail', detail: `no NS records were found for ${domain} or any parent zone` } };
}

/** The values of the answer records of one type owned by `name`. */
function answerValues(result: QueryResult, type: Exclude<DnsQueryType, 'MX'>, name: string): string[] {
  if (result.kind !== 'answered' || result.response.rcode !== 'NOERROR') return [];
  return result.response.answers.flatMap((answer) => (answer.type === type && answer.name === name ? [answer.value] : []));
}

function describeTimeout(attempts: number, timeoutMs: number): string {
  return `no matching answer after ${attempts} attempt(s) of ${timeoutMs} ms`;
}
