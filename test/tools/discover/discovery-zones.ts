import { FixtureZone } from '../check/nsd-harness';

/** The name servers a fixture domain is delegated to: Cloudflare's names, Route53's, or its own. */
type Delegation = 'cloudflare' | 'route53' | 'own';

const NS_LINES: Record<Delegation, readonly string[]> = {
  cloudflare: ['@ NS ada.ns.cloudflare.com.', '@ NS bob.ns.cloudflare.com.'],
  route53: ['@ NS ns-1234.awsdns-01.org.', '@ NS ns-567.awsdns-01.org.'],
  own: ['@ NS ns1', '@ NS ns2', 'ns1 A 127.0.0.1', 'ns2 A 127.0.0.2'],
};

/** A documentation address (RFC 5737): hosts need one, never a reachable one. */
const ADDRESS = '192.0.2.10';

function domainZone(name: string, delegation: Delegation, mx: readonly string[], extra: readonly string[] = []): FixtureZone {
  return { name, lines: [...NS_LINES[delegation], ...mx, `mail A ${ADDRESS}`, `mail2 A ${ADDRESS}`, ...extra] };
}

/** The provider's name servers: each name has the address of one of the two NSDs (127.0.0.1, 127.0.0.2). */
const NAME_SERVER_ZONES: readonly FixtureZone[] = [
  { name: 'ns.cloudflare.com', lines: ['@ NS ada', 'ada A 127.0.0.1', 'bob A 127.0.0.2'] },
  { name: 'awsdns-01.org', lines: ['@ NS ns-1234', 'ns-1234 A 127.0.0.1', 'ns-567 A 127.0.0.2'] },
];

/** Zones both servers serve alike. */
const SHARED_ZONES: readonly FixtureZone[] = [
  domainZone('legacy-mail.test', 'cloudflare', ['@ 86400 MX 10 mail', '@ 86400 MX 20 mail2']),
  domainZone('on-cloudmail.test', 'cloudflare', ['@ MX 10 mx1.cloudaccess.net.']),
  domainZone('half-moved.test', 'cloudflare', ['@ 3600 MX 10 mx1.cloudaccess.net.', '@ 3600 MX 20 mail']),
  domainZone('null-mail.test', 'cloudflare', ['@ MX 0 .']),
  domainZone('no-mail.test', 'cloudflare', []),
  domainZone('r53-mail.test', 'route53', ['@ 3600 MX 10 mail']),
];

/**
 * The first server (127.0.0.1) also answers as the resolver and serves the
 * parent zone `test` (it serves the children too, so it answers their
 * delegation with authority). split-view.test
 * differs between the servers in its set and its TTL; one-dead-ns.test has a
 * second name server at 127.0.0.3, where nothing listens.
 */
export const FIRST_SERVER_ZONES: readonly FixtureZone[] = [
  // The parent of every domain: --authoritative also reads each domain's delegation from it.
  { name: 'test', lines: ['@ NS ns', 'ns A 127.0.0.1'] },
  ...NAME_SERVER_ZONES,
  ...SHARED_ZONES,
  domainZone('split-view.test', 'own', ['@ 3600 MX 10 mail', '@ 3600 MX 20 mail2']),
  { name: 'one-dead-ns.test', lines: ['@ NS ns1', '@ NS ns3', 'ns1 A 127.0.0.1', 'ns3 A 127.0.0.3', '@ MX 10 mail', `mail A ${ADDRESS}`] },
];

export const SECOND_SERVER_ZONES: readonly FixtureZone[] = [
  ...SHARED_ZONES,
  domainZone('split-view.test', 'own', ['@ 86400 MX 10 mail']),
];
