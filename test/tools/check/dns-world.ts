import { startKnot } from './knot-harness';
import { FixtureZone, findFreePort, programsAvailable, RunningNsd, serverAddress, startNsd } from './nsd-harness';
import { startUnbound } from './unbound-harness';

/**
 * A small Internet on loopback, every server real and on one port:
 *   127.0.0.1  NSD   the root and the parent zone `test`, which delegates the zones below
 *   127.0.0.2  NSD   the child zones (current data) and cloudaccess.net
 *   127.0.0.3  Knot  good.test (second server), and v6.test's old copy, also on [::1]
 *   127.0.0.4  NSD   stale.test's old copy, reachable only through the parent's delegation
 *   127.0.0.9  Unbound, the recursive resolver
 *   127.0.0.8  Unbound without TCP (answers that need TCP cannot be fetched from it)
 * The zones, one per situation:
 *   good.test    delegated to ns1 (127.0.0.2, NSD) and ns2 (127.0.0.3, Knot), both current: ok
 *   lame.test    also delegated to ns1.test, which serves only the parent and answers with a referral
 *   v6.test      ns4 (IPv4, current set) and ns6 (AAAA ::1 only, old set)
 *   stale.test   the zone lists ns1.good.test; the parent also delegates to old.stale.test (old set)
 *   deadns.test  one name server whose name does not exist
 *   alias.test   a CNAME (in the parent zone) to good.test
 *   big.test     20 MX records: too large for UDP without EDNS0 (512 bytes), small enough with it
 */
export interface DnsWorld {
  readonly port: number;
  /** Unbound: "127.0.0.9:port". */
  readonly resolver: string;
  /** Unbound without TCP. */
  readonly udpOnlyResolver: string;
  /** The root and `test` server. */
  readonly parent: string;
  /** The children's NSD. */
  readonly child: string;
  /** Knot on IPv4 and on [::1]. */
  readonly knot: string;
  readonly knot6: string;
  /** The old copy of stale.test. */
  readonly staleServer: string;
  stop(): Promise<void>;
}

/** A documentation address (RFC 5737): fixture hosts need an address, never a reachable one. */
const MAIL_ADDRESS = '192.0.2.10';
const CLOUDMAIL_MX = '@ MX 10 mx1.cloudaccess.net.';
const OLD_MX = ['@ 3600 MX 10 mail', `mail A ${MAIL_ADDRESS}`];

const PARENT_ZONES: FixtureZone[] = [
  { name: '.', lines: ['@ NS ns1.test.', 'test. NS ns1.test.', 'ns1.test. A 127.0.0.1', 'cloudaccess.net. NS ns1.good.test.'] },
  { name: 'test', lines: [
    '@ NS ns1', 'ns1 A 127.0.0.1',
    'good NS ns1.good', 'good NS ns2.good', 'ns1.good A 127.0.0.2', 'ns2.good A 127.0.0.3',
    'lame NS ns1.good', 'lame NS ns1',
    'v6 NS ns4.v6', 'v6 NS ns6.v6', 'ns4.v6 A 127.0.0.2', 'ns6.v6 AAAA ::1',
    'stale NS ns1.good', 'stale NS old.stale', 'old.stale A 127.0.0.4',
    'deadns NS ns1.good', 'deadns NS ns.gone',
    'big NS ns1.good',
    'alias CNAME good',
  ] },
];

const GOOD = { name: 'good.test', lines: ['@ NS ns1', '@ NS ns2', 'ns1 A 127.0.0.2', 'ns2 A 127.0.0.3', CLOUDMAIL_MX] };
const V6_NAME_SERVERS = ['@ NS ns4', '@ NS ns6', 'ns4 A 127.0.0.2', 'ns6 AAAA ::1'];

const CHILD_ZONES: FixtureZone[] = [
  GOOD,
  { name: 'lame.test', lines: ['@ NS ns1.good.test.', '@ NS ns1.test.', CLOUDMAIL_MX] },
  { name: 'v6.test', lines: [...V6_NAME_SERVERS, CLOUDMAIL_MX] },
  { name: 'stale.test', lines: ['@ NS ns1.good.test.', CLOUDMAIL_MX] },
  { name: 'deadns.test', lines: ['@ NS ns1.good.test.', '@ NS ns.gone.test.', CLOUDMAIL_MX] },
  { name: 'big.test', lines: ['@ NS ns1.good.test.', ...Array.from({ length: 20 }, (_, i) => `@ MX ${i + 10} mail-server-number-${i}.a-rather-long-provider-name.example.`)] },
  { name: 'cloudaccess.net', lines: ['@ NS ns1.good.test.', `mx1 A ${MAIL_ADDRESS}`] },
];

const KNOT_ZONES: FixtureZone[] = [GOOD, { name: 'v6.test', lines: [...V6_NAME_SERVERS, ...OLD_MX] }];
const STALE_ZONES: FixtureZone[] = [{ name: 'stale.test', lines: ['@ NS ns1.good.test.', '@ NS old', 'old A 127.0.0.4', ...OLD_MX] }];

/** True when the world's programs are installed (NSD, Knot, Unbound); see programsAvailable. */
export function dnsWorldAvailable(): boolean {
  return programsAvailable({ nsd: 'nsd', knotd: 'knot', unbound: 'unbound' });
}

/** Starts every server of the world; stop() stops them all. */
export async function startDnsWorld(): Promise<DnsWorld> {
  const port = await findFreePort('127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.8', '127.0.0.9', '::1');
  const at = (host: string) => `${host}@${port}`;
  const running: RunningNsd[] = [];
  const started = async (server: Promise<RunningNsd>) => {
    const one = await server;
    running.push(one);
    return one;
  };
  try {
    await Promise.all([
      started(startNsd('127.0.0.1', port, PARENT_ZONES)),
      started(startNsd('127.0.0.2', port, CHILD_ZONES)),
      started(startKnot(['127.0.0.3', '::1'], port, KNOT_ZONES)),
      started(startNsd('127.0.0.4', port, STALE_ZONES)),
    ]);
    const stubs = [
      // Every zone, the parent too: a delegation the resolver learns from an answer carries no port, so it would ask port 53.
      { name: '.', servers: [at('127.0.0.1')] },
      { name: 'test', servers: [at('127.0.0.1')] },
      { name: 'good.test', servers: [at('127.0.0.2'), at('127.0.0.3')] },
      ...['lame.test', 'v6.test', 'stale.test', 'deadns.test', 'big.test', 'cloudaccess.net'].map((name) => ({ name, servers: [at('127.0.0.2')] })),
    ];
    // Unbound answers NXDOMAIN for the special-use name test. itself unless told otherwise (RFC 6761).
    const resolveTest = 'local-zone: "test." nodefault';
    await Promise.all([
      started(startUnbound('127.0.0.9', port, stubs, 'good.test', [resolveTest])),
      started(startUnbound('127.0.0.8', port, stubs, 'good.test', [resolveTest, 'do-tcp: no'])), // answers only over UDP
    ]);
  } catch (error) {
    await Promise.all(running.map((server) => server.stop()));
    throw error;
  }
  return {
    port,
    resolver: serverAddress('127.0.0.9', port),
    udpOnlyResolver: serverAddress('127.0.0.8', port),
    parent: serverAddress('127.0.0.1', port),
    child: serverAddress('127.0.0.2', port),
    knot: serverAddress('127.0.0.3', port),
    knot6: serverAddress('::1', port),
    staleServer: serverAddress('127.0.0.4', port),
    stop: async () => {
      await Promise.all(running.map((server) => server.stop()));
    },
  };
}
