import { canonicalIp } from '../../../tools/check/ip-address';
import { readDnsServerAddress } from '../../../tools/check/dns-server-address';

describe('canonicalIp', () => {
  test.each([
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['2001:db8:1:1:1:1:1:1', '2001:db8:1:1:1:1:1:1'],
    ['::FFFF:127.0.0.53', '127.0.0.53'],
    ['::ffff:7f00:35', '127.0.0.53'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['192.0.2.1', '192.0.2.1'],
  ])('%s is %s', (text, canonical) => {
    expect(canonicalIp(text)).toBe(canonical);
  });

  test('text that is not an address gives undefined', () => {
    for (const text of ['', 'localhost', '256.0.0.1', '1::2::3', '::1:53:']) expect(canonicalIp(text)).toBeUndefined();
  });
});

describe('readDnsServerAddress', () => {
  test.each([
    ['192.0.2.53', { host: '192.0.2.53', port: 53 }],
    ['192.0.2.53:5353', { host: '192.0.2.53', port: 5353 }],
    ['[0:0:0:0:0:0:0:1]:53', { host: '::1', port: 53 }],
    ['[::FFFF:127.0.0.53]:53', { host: '127.0.0.53', port: 53 }],
    ['2001:db8::53', { host: '2001:db8::53', port: 53 }],
    ['[2001:db8::53]', { host: '2001:db8::53', port: 53 }],
  ])('%s is %j', (text, server) => {
    expect(readDnsServerAddress(text)).toEqual({ kind: 'address', server });
  });

  test('an unbracketed IPv6 address whose last group could be a port is refused with both bracketed forms', () => {
    expect(readDnsServerAddress('::1:53')).toEqual({ kind: 'invalid', problem: 'is ambiguous: the IPv6 address ::1:53, or ::1 on port 53', fix: 'write [::1]:53 for the port, or [::1:53] for the address' });
  });

  test.each(['dns.example', '192.0.2.53:0', '192.0.2.53:65536', '[::1]:x', ''])('%j is not an address', (text) => {
    expect(readDnsServerAddress(text).kind).toBe('invalid');
  });
});
