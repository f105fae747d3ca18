import { DnsQuestion, DnsResponse } from './dns-message';
import { DnsServerAddress } from './dns-server-address';
import { exchangeOverTcp, exchangeOverUdp, ExchangeOptions } from './dns-transport';

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
  /**
   * RD: ask for recursion; off when asking a zone's own servers.
   * @default true
   */
  readonly recursionDesired?: boolean;
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
  /** What happened, e.g. "no matching answer after 3 attempt(s) of 2000 ms". */
  readonly detail: string;
}

/** The server could not be asked at all: no route, nothing listening, a refused TCP connection after truncation. */
export interface UnreachableQuery {
  readonly kind: 'unreachable';
  readonly detail: string;
}

export type QueryResult = AnsweredQuery | TimedOutQuery | UnreachableQuery;

/** The largest --timeout: Node's timers overflow above 2^31-1 ms, and a minute per attempt is already far beyond any DNS server. */
export const MAX_TIMEOUT_MS = 60_000;

/** The defaults the command uses: 2 s per attempt, 3 attempts, EDNS0 at the 1232 bytes DNS Flag Day 2020 recommends. */
export const DEFAULT_QUERY_OPTIONS: QueryOptions = { timeoutMs: 2000, attempts: 3, ednsUdpSize: 1232 };

/** The longest pause before a retry; the pause doubles per attempt up to this, randomized so that retries of a burst spread out. */
const MAX_BACKOFF_MS = 1000;

/**
 * Asks one server one question: UDP first, then TCP when the answer is
 * truncated (TC bit), each attempt with a new random ID. A timed-out attempt
 * is retried after a randomized, growing pause; an unreachable server is not
 * retried, and the result says why it could not be asked.
 */
export async function queryDns(server: DnsServerAddress, question: DnsQuestion, options: QueryOptions): Promise<QueryResult> {
  const exchange: ExchangeOptions = options;
  let truncatedThenTimedOut = false;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) await pause(backoffMs(attempt, options.timeoutMs));
    const overUdp = await exchangeOverUdp(server, question, exchange);
    if (overUdp.kind === 'unreachable') return { kind: 'unreachable', detail: overUdp.reason };
    if (overUdp.kind === 'timeout') continue;
    if (!overUdp.response.truncated) return { kind: 'answered', response: overUdp.response, transport: 'udp' };
    const overTcp = await exchangeOverTcp(server, question, exchange);
    if (overTcp.kind === 'answer') return { kind: 'answered', response: overTcp.response, transport: 'tcp' };
    if (overTcp.kind === 'unreachable') return { kind: 'unreachable', detail: `the UDP answer was truncated, and over TCP ${overTcp.reason}` };
    truncatedThenTimedOut = true;
  }
  const detail = truncatedThenTimedOut
    ? `the UDP answer was truncated, and no answer came over TCP within ${options.timeoutMs} ms (${options.attempts} attempt(s))`
    : `no matching answer after ${options.attempts} attempt(s) of ${options.timeoutMs} ms`;
  return { kind: 'timeout', attempts: options.attempts, timeoutMs: options.timeoutMs, detail };
}

function backoffMs(attempt: number, timeoutMs: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, timeoutMs / 2) * 2 ** (attempt - 2);
  return Math.random() * Math.min(ceiling, MAX_BACKOFF_MS);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
