import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
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

/**
 * Sends one query over UDP from a fresh socket (a random source port) with a
 * random ID. Datagrams from another address, that do not parse, or whose ID
 * or question differ are ignored, so a spoofed or stale answer cannot win;
 * gives undefined when no matching answer came in time.
 */
export function exchangeOverUdp(server: DnsServerAddress, question: DnsQuestion, options: ExchangeOptions): Promise<DnsResponse | undefined> {
  return new Promise((resolve) => {
    const id = randomQueryId();
    const socket = createSocket(isIP(server.host) === 6 ? 'udp6' : 'udp4');
    const finish = (response: DnsResponse | undefined): void => {
      clearTimeout(timer);
      socket.close();
      resolve(response);
    };
    const timer = setTimeout(() => finish(undefined), options.timeoutMs);
    socket.on('message', (datagram, sender) => {
      if (sender.address !== server.host || sender.port !== server.port) return;
      const response = parseDnsResponse(datagram);
      if (response !== undefined && answersQuery(response, id, question)) finish(response);
    });
    // A send error (no route, port unreachable) is reported as no answer.
    socket.on('error', () => finish(undefined));
    socket.send(encodeQuery(question, id, options.ednsUdpSize), server.port, server.host);
  });
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
