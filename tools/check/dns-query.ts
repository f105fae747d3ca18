import { DnsQuestion, DnsResponse } from './dns-message';
import { DnsServerAddress } from './dns-server-address';
import { exchangeOverTcp, exchangeOverUdp } from './dns-transport';

/** How {@link queryDns} sends and retries. */
export interface QueryOptions {
  /** Time to wait for each attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** How many times to send the query before giving up. */
  readonly attempts: number;
  /**
   * UDP payload size advertised with EDNS0.
   * @default - no EDNS0
   */
  readonly ednsUdpSize?: number;
}

/** An answer, and the transport that carried it. */
export interface AnsweredQuery {
  readonly kind: 'answered';
  readonly response: DnsResponse;
  readonly transport: 'udp' | 'tcp';
}

/** No matching answer after every attempt. */
export interface TimedOutQuery {
  readonly kind: 'timeout';
  readonly attempts: number;
  readonly timeoutMs: number;
}

export type QueryResult = AnsweredQuery | TimedOutQuery;

/** The defaults the command uses: 2 s per attempt, 3 attempts, EDNS0 at the 1232 bytes DNS Flag Day 2020 recommends. */
export const DEFAULT_QUERY_OPTIONS: QueryOptions = { timeoutMs: 2000, attempts: 3, ednsUdpSize: 1232 };

/**
 * Asks one server one question: UDP first, then TCP when the answer is
 * truncated (TC bit), each attempt with a new random ID.
 */
export async function queryDns(server: DnsServerAddress, question: DnsQuestion, options: QueryOptions): Promise<QueryResult> {
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const overUdp = await exchangeOverUdp(server, question, options);
    if (overUdp !== undefined && !overUdp.truncated) return { kind: 'answered', response: overUdp, transport: 'udp' };
    if (overUdp !== undefined) {
      const overTcp = await exchangeOverTcp(server, question, options);
      if (overTcp !== undefined) return { kind: 'answered', response: overTcp, transport: 'tcp' };
    }
  }
  return { kind: 'timeout', attempts: options.attempts, timeoutMs: options.timeoutMs };
}
