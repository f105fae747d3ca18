import { isIPv4, isIPv6 } from 'node:net';

/**
 * The one text form of an IP address, so that an address the user typed and
 * the sender address of a datagram compare equal: IPv4 as dotted quad; IPv6
 * as RFC 5952 (lowercase, no leading zeros, the longest run of zero groups
 * as "::"), which is also how Node reports senders; an IPv4-mapped IPv6
 * address (::ffff:192.0.2.1) as the IPv4 address it maps, since that is where
 * the datagram goes. Undefined when the text is not an address.
 */
export function canonicalIp(text: string): string | undefined {
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return undefined;
  const [address, zone] = text.split('%');
  const bytes = parseIpv6(address);
  if (isIpv4Mapped(bytes)) return bytes.subarray(12).join('.');
  return zone === undefined ? formatIpv6(bytes) : `${formatIpv6(bytes)}%${zone}`;
}

/** RFC 5952 text of 16 address bytes. */
export function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let [bestStart, bestLength] = [-1, 1];
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
    start += length;
  }
  const hex = (from: number, to: number): string => groups.slice(from, to).map((group) => group.toString(16)).join(':');
  return bestStart < 0 ? hex(0, 8) : `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** The 16 bytes of a valid IPv6 text without zone (checked by the caller), including a trailing dotted IPv4 part. */
function parseIpv6(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groupsOf = (part: string): number[] => (part === '' ? [] : part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [parseInt(group, 16)];
    const [a, b, c, d] = group.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  }));
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const groups = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}
