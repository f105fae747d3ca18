import { randomFillSync } from 'node:crypto';
import { createSocket, Socket } from 'node:dgram';
import { connect, isIP } from 'node:net';
import { answersQuery, DnsQuestion, DnsResponse, encodeQuery, parseDnsResponse, QueryFlags } from './dns-message';
import { DnsServerAddress, formatDnsServerAddress } from './dns-server-address';

/** How one exchange is sent. */
export interface ExchangeOptions extends QueryFlags {
  /** How long to wait for the matching answer, in milliseconds. */
  readonly timeoutMs: number;
}

/** What one exchange gave: the matching answer, nothing in time, or why the server could not be asked at all. */
export type ExchangeResult =
  | { readonly kind: 'answer'; readonly response: DnsResponse }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly reason: string };

/**
 * Queries in flight per server. Answers that arrive faster than the process
 * reads them overflow the socket's receive buffer and are lost, which turned
 * high --concurrency into false timeouts; at most this many unanswered
 * queries per server keeps every answer within the buffer below (256 answers
 * of ~1.2 kB kernel size each fit the 416 kB Linux grants by default).
 */
export const MAX_IN_FLIGHT_PER_SERVER = 256;
const RECEIVE_BUFFER_BYTES = 1 << 20;
/** Sockets kept open at most; idle ones beyond are closed (authoritative checks of a fleet meet many servers). */
const MAX_IDLE_CHANNELS = 512;

/** A query on a channel: waiting for a slot in the window, then for its answer. */
interface ChannelQuery {
  readonly question: DnsQuestion;
  readonly options: ExchangeOptions;
  readonly resolve: (result: ExchangeResult) => void;
  id: number;
  deadline: number;
  /** The query as sent: answers echo its question section. */
  packet: Buffer | undefined;
}

/**
 * One connected UDP socket per server, shared by every query of the process
 * to that server and told apart by random query ID, as stub resolvers do.
 * Connected, the kernel drops datagrams from any other address, and a closed
 * port is reported (ECONNREFUSED) instead of timing out. At most
 * {@link MAX_IN_FLIGHT_PER_SERVER} queries are in flight; the rest wait their
 * turn, and their timeout starts when they are sent. One timer per channel
 * watches the deadlines. The socket is unref'd: only a pending query keeps
 * the process alive.
 */
class UdpChannel {
  private socket: Socket | undefined;
  private ready = false;
  private readonly inFlight = new Map<number, ChannelQuery>();
  private waiting: ChannelQuery[] = [];
  private waitingHead = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDeadline = Infinity;
  /** Closed to keep the number of sockets bounded; a new channel replaces it. */
  public retired = false;

  constructor(private readonly server: DnsServerAddress) {}

  public get idle(): boolean {
    return this.inFlight.size === 0 && this.waitingHead === this.waiting.length;
  }

  public exchange(question: DnsQuestion, options: ExchangeOptions): Promise<ExchangeResult> {
    return new Promise((resolve) => {
      const query = { question, options, resolve, id: 0, deadline: 0, packet: undefined };
      // The common case: connected, and room in the window; nothing waits.
      if (this.ready && this.inFlight.size < MAX_IN_FLIGHT_PER_SERVER && this.waitingHead === this.waiting.length) return this.send(query);
      this.waiting.push(query);
      if (this.ready) this.pump();
      else this.open();
    });
  }

  public close(): void {
    this.socket?.close();
    this.socket = undefined;
    this.ready = false;
  }

  private open(): void {
    if (this.socket !== undefined) return;
    const socket = createSocket({ type: isIP(this.server.host) === 6 ? 'udp6' : 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
    this.socket = socket;
    socket.unref();
    socket.on('message', (datagram) => this.receive(datagram));
    // Unreachable network, no IPv6, or ICMP port unreachable: nothing sent to this server can be answered now.
    socket.on('error', (error) => this.fail(socket, describeSocketError(error)));
    socket.connect(this.server.port, this.server.host, () => {
      this.ready = true;
      this.pump();
    });
  }

  private fail(socket: Socket, reason: string): void {
    if (this.socket !== socket) return;
    this.close();
    this.stopWatching();
    socket.removeAllListeners('message');
    const queries = [...this.inFlight.values(), ...this.waiting.slice(this.waitingHead)];
    this.inFlight.clear();
    this.waiting = [];
    this.waitingHead = 0;
    for (const query of queries) query.resolve({ kind: 'unreachable', reason });
  }

  /** Sends waiting queries while the window has room. */
  private pump(): void {
    while (this.inFlight.size < MAX_IN_FLIGHT_PER_SERVER && this.waitingHead < this.waiting.length) {
      const query = this.waiting[this.waitingHead];
      this.waiting[this.waitingHead++] = undefined as unknown as ChannelQuery;
      this.send(query);
    }
    if (this.waitingHead === this.waiting.length && this.waitingHead > 0) {
      this.waiting.length = 0;
      this.waitingHead = 0;
    }
  }

  private send(query: ChannelQuery): void {
    let packet: Buffer;
    try {
      query.id = this.freeQueryId();
      packet = encodeQuery(query.question, query.id, query.options);
    } catch (error) {
      query.resolve({ kind: 'unreachable', reason: (error as Error).message });
      return;
    }
    query.packet = packet;
    query.deadline = Date.now() + query.options.timeoutMs;
    this.inFlight.set(query.id, query);
    this.watch(query.deadline);
    // Without a callback a send error surfaces as the socket's 'error' event, which fails the channel: one fewer tick per query.
    this.socket!.send(packet);
  }

  private finish(query: ChannelQuery, result: ExchangeResult): void {
    if (this.inFlight.get(query.id) !== query) return;
    this.inFlight.delete(query.id);
    query.resolve(result);
    this.pump();
    // A timer left armed would keep the process alive for up to a timeout after the last answer.
    if (this.idle) this.stopWatching();
  }

  /** Datagrams that do not parse, or whose ID or question differ, are ignored: a stale or forged answer cannot win. */
  private receive(datagram: Buffer): void {
    if (datagram.length < 2) return;
    const query = this.inFlight.get(datagram.readUInt16BE(0));
    if (query === undefined) return;
    const response = parseDnsResponse(datagram, query.question, query.packet);
    if (response !== undefined && answersQuery(response, query.id, query.question)) this.finish(query, { kind: 'answer', response });
  }

  /** Arms the channel's one timer for the earliest deadline. */
  private watch(deadline: number): void {
    if (deadline >= this.timerDeadline) return;
    clearTimeout(this.timer);
    this.timerDeadline = deadline;
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - Date.now()));
  }

  private expire(): void {
    this.timer = undefined;
    this.timerDeadline = Infinity;
    const now = Date.now();
    for (const query of [...this.inFlight.values()]) if (query.deadline <= now) this.finish(query, { kind: 'timeout' });
    let next = Infinity;
    for (const query of this.inFlight.values()) next = Math.min(next, query.deadline);
    if (next < Infinity) this.watch(next);
  }

  private stopWatching(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDeadline = Infinity;
  }

  private freeQueryId(): number {
    let id = randomQueryId();
    while (this.inFlight.has(id)) id = randomQueryId();
    return id;
  }
}

const channels = new Map<string, UdpChannel>();

/**
 * Sends one query over UDP to the server's shared channel (see
 * {@link UdpChannel}) with a random ID, and gives the matching answer, a
 * timeout, or why the server cannot be reached.
 */
export function exchangeOverUdp(server: DnsServerAddress, question: DnsQuestion, options: ExchangeOptions): Promise<ExchangeResult> {
  return channelFor(server).exchange(question, options);
}

/** Channels by server object too, so the hot path does not format an address per query. */
const channelsByServer = new WeakMap<DnsServerAddress, UdpChannel>();

function channelFor(server: DnsServerAddress): UdpChannel {
  const known = channelsByServer.get(server);
  if (known !== undefined && !known.retired) return known;
  const key = formatDnsServerAddress(server);
  let channel = channels.get(key);
  if (channel === undefined) {
    if (channels.size >= MAX_IDLE_CHANNELS) closeIdleChannels();
    channel = new UdpChannel(server);
    channels.set(key, channel);
  }
  channelsByServer.set(server, channel);
  return channel;
}

function closeIdleChannels(): void {
  for (const [key, channel] of channels) {
    if (!channel.idle) continue;
    channel.close();
    channel.retired = true;
    channels.delete(key);
  }
}

/**
 * Sends one query over TCP (RFC 7766 two-byte length framing) with a random
 * ID, reading messages until the matching one.
 */
export function exchangeOverTcp(server: DnsServerAddress, question: DnsQuestion, options: ExchangeOptions): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const id = randomQueryId();
    let query: Buffer;
    try {
      query = encodeQuery(question, id, { ...options, ednsUdpSize: undefined });
    } catch (error) {
      resolve({ kind: 'unreachable', reason: (error as Error).message });
      return;
    }
    const socket = connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (result: ExchangeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), options.timeoutMs);
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      while (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        const message = received.subarray(2, 2 + received.readUInt16BE(0));
        received = received.subarray(2 + message.length);
        const response = parseDnsResponse(message, question, query);
        if (response !== undefined && answersQuery(response, id, question)) return finish({ kind: 'answer', response });
      }
    });
    socket.on('error', (error) => finish({ kind: 'unreachable', reason: describeSocketError(error) }));
    socket.on('close', () => finish({ kind: 'unreachable', reason: 'the server closed the connection without an answer' }));
  });
}

const SOCKET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused: nothing listens there',
  ENETUNREACH: 'this machine has no route to that network',
  EHOSTUNREACH: 'this machine has no route to that host',
  EADDRNOTAVAIL: 'this machine has no address to send from to that network',
  EAFNOSUPPORT: 'this machine does not support that address family',
  ECONNRESET: 'the server reset the connection',
};

function describeSocketError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && SOCKET_ERRORS[code] !== undefined ? `${SOCKET_ERRORS[code]} (${code})` : error.message;
}

/** Random query IDs, drawn from a pool refilled by the CSPRNG: one syscall per 1024 IDs instead of one per query. */
const idPool = Buffer.alloc(2048);
let idPoolAt = idPool.length;

function randomQueryId(): number {
  if (idPoolAt >= idPool.length) {
    randomFillSync(idPool);
    idPoolAt = 0;
  }
  const id = idPool.readUInt16BE(idPoolAt);
  idPoolAt += 2;
  return id;
}
