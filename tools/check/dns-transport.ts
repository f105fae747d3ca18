import { randomInt } from 'node:crypto';
import { createSocket, Socket } from 'node:dgram';
import { connect, isIP } from 'node:net';
import { answersQuery, DnsQuestion, DnsResponse, encodeQuery, parseDnsResponse } from './dns-message';
import { DnsServerAddress } from './dns-server-address';

/** How one exchange is sent. */
export interface ExchangeOptions {
  /** How long to wait for the matching answer, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * UDP payload size advertised with EDNS0.
   * @default - no EDNS0: servers truncate UDP answers above 512 bytes
   */
  readonly ednsUdpSize?: number;
}

/** A query waiting for its answer on the shared UDP socket. */
interface PendingQuery {
  readonly server: DnsServerAddress;
  readonly question: DnsQuestion;
  readonly finish: (response: DnsResponse | undefined) => void;
}

/**
 * One UDP socket per address family, shared by every query of the process
 * and told apart by query ID, as stub resolvers do: a socket per query cost
 * most of a bulk check's time. The socket is unref'd, so it never keeps the
 * process alive; a pending query's timer does.
 */
class SharedUdpSocket {
  private socket: Socket | undefined;
  private readonly pending = new Map<number, PendingQuery>();

  constructor(private readonly family: 'udp4' | 'udp6') {}

  public exchange(server: DnsServerAddress, question: DnsQuestion, options: ExchangeOptions): Promise<DnsResponse | undefined> {
    return new Promise((resolve) => {
      const id = this.freeQueryId();
      const finish = (response: DnsResponse | undefined): void => {
        if (this.pending.get(id)?.finish !== finish) return;
        this.pending.delete(id);
        clearTimeout(timer);
        resolve(response);
      };
      const timer = setTimeout(() => finish(undefined), options.timeoutMs);
      this.pending.set(id, { server, question, finish });
      // A send error (no route, port unreachable) is reported as no answer.
      this.open().send(encodeQuery(question, id, options.ednsUdpSize), server.port, server.host, (error) => {
        if (error) finish(undefined);
      });
    });
  }

  private open(): Socket {
    if (this.socket !== undefined) return this.socket;
    const socket = createSocket(this.family);
    socket.unref();
    socket.on('message', (datagram, sender) => this.receive(datagram, sender.address, sender.port));
    socket.on('error', () => {
      // The socket is unusable: fail what waits on it and open a new one next time.
      this.socket = undefined;
      socket.close();
      [...this.pending.values()].forEach((query) => query.finish(undefined));
    });
    this.socket = socket;
    return socket;
  }

  /** Datagrams from another address, that do not parse, or whose ID or question differ are ignored. */
  private receive(datagram: Buffer, address: string, port: number): void {
    if (datagram.length < 2) return;
    const query = this.pending.get(datagram.readUInt16BE(0));
    if (query === undefined || address !== query.server.host || port !== query.server.port) return;
    const response = parseDnsResponse(datagram);
    if (response !== undefined && answersQuery(response, datagram.readUInt16BE(0), query.question)) query.finish(response);
  }

  /** A random ID no query in flight uses, so answers cannot be confused. */
  private freeQueryId(): number {
    let id = randomQueryId();
    while (this.pending.has(id)) id = randomQueryId();
    return id;
  }
}

const sharedSockets = { udp4: new SharedUdpSocket('udp4'), udp6: new SharedUdpSocket('udp6') };

/**
 * Sends one query over UDP with a random ID. Datagrams from another address,
 * that do not parse, or whose ID or question differ are ignored, so a
 * spoofed or stale answer cannot win; gives undefined when no matching
 * answer came in time.
 */
export function exchangeOverUdp(server: DnsServerAddress, question: DnsQuestion, options: ExchangeOptions): Promise<DnsResponse | undefined> {
  return sharedSockets[isIP(server.host) === 6 ? 'udp6' : 'udp4'].exchange(server, question, options);
}

/**
 * Sends one query over TCP (RFC 7766 two-byte length framing) with a random
 * ID, reading messages until the matching one; gives undefined when the
 * connection fails or no matching answer came in time.
 */
export function exchangeOverTcp(server: DnsServerAddress, question: DnsQuestion, options: ExchangeOptions): Promise<DnsResponse | undefined> {
  return new Promise((resolve) => {
    const id = randomQueryId();
    const query = encodeQuery(question, id);
    const socket = connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (response: DnsResponse | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(response);
    };
    const timer = setTimeout(() => finish(undefined), options.timeoutMs);
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
        const response = parseDnsResponse(message);
        if (response !== undefined && answersQuery(response, id, question)) return finish(response);
      }
    });
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
  });
}

function randomQueryId(): number {
  return randomInt(0, 65536);
}
