import { DnsQuestion, DnsResponse } from './dns-message';
import { queryDns, QueryOptions, QueryResult } from './dns-query';
import { DnsServerAddress } from './dns-server-address';

/**
 * The recursive resolvers of a run, in order, and the answers they gave:
 * target lookups and name-server discovery ask about the same few names
 * (mx1.cloudaccess.net, a provider's name servers) for every domain, so each
 * question is asked once per run.
 */
export interface Resolvers {
  /** Asked in order: the next one when a resolver cannot answer (see {@link askResolvers}). */
  readonly servers: readonly DnsServerAddress[];
  readonly options: QueryOptions;
  readonly answers: Map<string, Promise<ResolverAnswer>>;
}

/** A result, and the resolver that gave it. */
export interface ResolverAnswer {
  readonly resolver: DnsServerAddress;
  readonly result: QueryResult;
}

/** A new set of resolvers with an empty memory. */
export function createResolvers(servers: readonly DnsServerAddress[], options: QueryOptions): Resolvers {
  return { servers, options, answers: new Map() };
}

/**
 * Asks the resolvers one question, each in turn until one can answer it: a
 * resolver that is unreachable, times out, answers REFUSED or with a
 * referral (it does not recurse, e.g. an authoritative server asked about a
 * name outside its zones) passes the question on. When none can, the first
 * resolver's result is given, since it says most about the user's setup.
 */
export function askResolvers(resolvers: Resolvers, question: DnsQuestion): Promise<ResolverAnswer> {
  const key = `${question.type} ${question.name}`;
  const known = resolvers.answers.get(key);
  if (known !== undefined) return known;
  const asked = askInTurn(resolvers, question);
  resolvers.answers.set(key, asked);
  return asked;
}

async function askInTurn(resolvers: Resolvers, question: DnsQuestion): Promise<ResolverAnswer> {
  let first: ResolverAnswer | undefined;
  for (const resolver of resolvers.servers) {
    const answer = { resolver, result: await queryDns(resolver, question, resolvers.options) };
    if (canAnswer(answer.result)) return answer;
    first ??= answer;
  }
  return first!;
}

function canAnswer(result: QueryResult): boolean {
  return result.kind === 'answered' && result.response.rcode !== 'REFUSED' && !isReferral(result.response);
}

/**
 * True for a referral: no answer, not authoritative, and name servers in the
 * authority section without an SOA. A recursive resolver never gives one; an
 * authoritative server gives one for a name in a zone it delegates.
 */
export function isReferral(response: DnsResponse): boolean {
  return response.rcode === 'NOERROR'
    && !response.authoritative
    && response.answers.length === 0
    && response.authorities.some((record) => record.type === 'NS')
    && !response.authorities.some((record) => record.type === 'SOA');
}
