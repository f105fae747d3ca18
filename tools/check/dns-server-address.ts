import { isIP } from 'node:net';
import { getServers } from 'node:dns';
import { canonicalIp } from './ip-address';

/** The standard DNS port. */
export const DNS_PORT = 53;

/** A DNS server to send queries to; `host` is in the canonical form of {@link canonicalIp}. */
export interface DnsServerAddress {
  readonly host: string;
  readonly port: number;
}

/** A server address as read from text, or why the text is not one and how to write it. */
export type DnsServerAddressReading =
  | { readonly kind: 'address'; readonly server: DnsServerAddress }
  | { readonly kind: 'invalid'; readonly problem: string; readonly fix: string };

const ADDRESS_FORMS = 'give it as 192.0.2.53, 192.0.2.53:5353, 2001:db8::53 or [2001:db8::53]:5353';

/**
 * Reads "192.0.2.1", "192.0.2.1:5353", "2001:db8::1" or "[2001:db8::1]:5353".
 * The address is normalized ({@link canonicalIp}), so "[0:0:0:0:0:0:0:1]"
 * and "::1" are one server. An unbracketed IPv6 address whose last group
 * could be a port ("::1:53": the address ::1:53, or ::1 on port 53?) is
 * refused with the bracketed forms to choose from.
 */
export function readDnsServerAddress(value: string): DnsServerAddressReading {
  const invalid = (problem: string, fix = ADDRESS_FORMS): DnsServerAddressReading => ({ kind: 'invalid', problem, fix });
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const ipv4WithPort = /^([\d.]+):(\d+)$/.exec(value);
  const [hostText, portText] = bracketed ? [bracketed[1], bracketed[2]] : ipv4WithPort ? [ipv4WithPort[1], ipv4WithPort[2]] : [value, undefined];
  const host = canonicalIp(hostText);
  if (host === undefined) return invalid('is not an IP address with an optional port');
  if (bracketed === null && isIP(hostText) === 6) {
    const lastColon = hostText.lastIndexOf(':');
    const [front, last] = [hostText.slice(0, lastColon), hostText.slice(lastColon + 1)];
    if (/^\d{1,5}$/.test(last) && isIP(front) === 6) {
      return invalid(`is ambiguous: the IPv6 address ${hostText}, or ${front} on port ${last}`, `write [${front}]:${last} for the port, or [${hostText}] for the address`);
    }
  }
  const port = portText === undefined ? DNS_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return invalid(`has port ${portText}, which is not from 1 to 65535`);
  return { kind: 'address', server: { host, port } };
}

/** {@link readDnsServerAddress} for callers that only need the address; undefined when the text is not one. */
export function parseDnsServerAddress(value: string): DnsServerAddress | undefined {
  const reading = readDnsServerAddress(value);
  return reading.kind === 'address' ? reading.server : undefined;
}

/** "127.0.0.1:15353" or "[::1]:53": the form used in reports. */
export function formatDnsServerAddress(server: DnsServerAddress): string {
  return isIP(server.host) === 6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/** The resolvers the system uses (/etc/resolv.conf on Linux), as Node reads them: a bare address means port 53. */
export function systemResolvers(): DnsServerAddress[] {
  return getServers().flatMap((text) => {
    const host = canonicalIp(text);
    if (host !== undefined) return [{ host, port: DNS_PORT }];
    const server = parseDnsServerAddress(text);
    return server === undefined ? [] : [server];
  });
}

/** True for 127.0.0.0/8 and ::1, where test servers listen on high ports. */
export function isLoopback(host: string): boolean {
  return host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}
