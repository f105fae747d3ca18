import { isIP } from 'node:net';
import { getServers } from 'node:dns';

/** The standard DNS port. */
export const DNS_PORT = 53;

/** A DNS server to send queries to. */
export interface DnsServerAddress {
  readonly host: string;
  readonly port: number;
}

/** Parses "192.0.2.1", "192.0.2.1:5353", "::1" or "[::1]:5353"; undefined when it is not an address. */
export function parseDnsServerAddress(value: string): DnsServerAddress | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const withPort = /^([^:]+):(\d+)$/.exec(value);
  const [host, port] = bracketed ? [bracketed[1], bracketed[2]] : withPort ? [withPort[1], withPort[2]] : [value, undefined];
  if (isIP(host) === 0) return undefined;
  const portNumber = port === undefined ? DNS_PORT : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) return undefined;
  return { host, port: portNumber };
}

/** "127.0.0.1:15353" or "[::1]:53": the form used in reports. */
export function formatDnsServerAddress(server: DnsServerAddress): string {
  return isIP(server.host) === 6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/** The resolvers the system uses (/etc/resolv.conf on Linux), as Node reads them. */
export function systemResolvers(): DnsServerAddress[] {
  return getServers().map(parseDnsServerAddress).filter((server): server is DnsServerAddress => server !== undefined);
}

/** True for 127.0.0.0/8 and ::1, where test servers listen on high ports. */
export function isLoopback(host: string): boolean {
  return host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}
