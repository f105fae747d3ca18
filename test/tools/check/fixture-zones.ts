import { FixtureZone } from './nsd-harness';

/** A zone delegated to ns1 (127.0.0.1) and ns2 (127.0.0.2) that serves `mx` as its MX lines. */
function mailZone(name: string, mx: readonly string[], extra: readonly string[] = []): FixtureZone {
  return { name, lines: ['@ NS ns1', '@ NS ns2', 'ns1 A 127.0.0.1', 'ns2 A 127.0.0.2', ...mx, ...extra] };
}

/** A documentation address (RFC 5737): fixture hosts need an address, never a reachable one. */
const MAIL_ADDRESS = '192.0.2.10';

/** Zones for the primary server (127.0.0.1): one domain per finding. */
export const PRIMARY_ZONES: readonly FixtureZone[] = [
  { name: 'cloudaccess.net', lines: ['@ NS ns1.ok.test.', `mx1 A ${MAIL_ADDRESS}`] },
  mailZone('ok.test', ['@ MX 10 mx1.cloudaccess.net.'], [`backup A ${MAIL_ADDRESS}`]),
  mailZone('nomx.test', [], [`@ A ${MAIL_ADDRESS}`]),
  mailZone('nullmx.test', ['@ MX 0 .']),
  mailZone('legacy.test', ['@ 3600 MX 10 mx1.cloudaccess.net.', '@ 3600 MX 10 mail'], [`mail A ${MAIL_ADDRESS}`]),
  mailZone('demoted.test', ['@ MX 10 mx1.cloudaccess.net.', '@ MX 50 mail'], [`mail A ${MAIL_ADDRESS}`]),
  mailZone('noprimary.test', ['@ MX 10 mail'], [`mail A ${MAIL_ADDRESS}`]),
  mailZone('ip.test', ['@ MX 10 mx1.cloudaccess.net.', '@ MX 20 192.0.2.25.']),
  mailZone('cname.test', ['@ MX 10 mx1.cloudaccess.net.', '@ MX 20 alias'], ['alias CNAME mx1.cloudaccess.net.']),
  mailZone('noaddress.test', ['@ MX 10 mx1.cloudaccess.net.', '@ MX 20 nowhere']),
  mailZone('split.test', ['@ MX 10 mx1.cloudaccess.net.'], [`mail A ${MAIL_ADDRESS}`]),
  mailZone('big.test', Array.from({ length: 40 }, (_, i) => `@ MX ${i + 10} mail-server-number-${i}.a-rather-long-provider-name.example.`)),
  mailZone('synth.test', ['@ MX 10 mx1.cloudaccess.net.', '@ MX 20 backup.ok.test.']),
];

/** Zones for the second server (127.0.0.2): split.test still serves the old set there. */
export const SECONDARY_ZONES: readonly FixtureZone[] = [
  mailZone('split.test', ['@ 3600 MX 10 mail'], [`mail A ${MAIL_ADDRESS}`]),
];
