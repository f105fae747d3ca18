import { ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { queryDns } from '../../../tools/check/dns-query';

/** A zone for a test server: its apex ("." for the root), and zone-file lines relative to it (SOA and $TTL are added). */
export interface FixtureZone {
  readonly name: string;
  readonly lines: readonly string[];
}

/** A running DNS server (NSD, Knot or Unbound). */
export interface RunningNsd {
  readonly host: string;
  readonly port: number;
  /** "host:port" ("[::1]:port" for IPv6), the form --resolver takes. */
  readonly address: string;
  stop(): Promise<void>;
}

const STARTUP_DEADLINE_MS = 10_000;

/** A program's path, looked up in /usr/sbin and on PATH; undefined when it is not installed. */
export function findProgram(name: string): string | undefined {
  return [`/usr/sbin/${name}`, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name))].find((candidate) => existsSync(candidate));
}

/**
 * True when the programs a DNS test needs are installed. In CI a missing one
 * is an error, never a silent skip; locally the tests are skipped with a loud
 * message. `programs` maps each program to its Debian package.
 */
export function programsAvailable(programs: Readonly<Record<string, string>>): boolean {
  const missing = Object.entries(programs).filter(([program]) => findProgram(program) === undefined);
  if (missing.length === 0) return true;
  const message = `${missing.map(([program]) => program).join(', ')} not installed, so these DNS integration tests cannot run. Fix: apt-get install -y ${missing.map(([, pkg]) => pkg).join(' ')} (or run .ci/install-system-packages).`;
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\n!!! SKIPPING: ${message}\n\n`);
  return false;
}

/** True when NSD tests can run (see {@link programsAvailable}). */
export function nsdAvailable(): boolean {
  return programsAvailable({ nsd: 'nsd' });
}

/** A port free for both UDP and TCP on every one of `hosts` (default 127.0.0.1), found by binding port 0 on the first. */
export async function findFreePort(...hosts: string[]): Promise<number> {
  const all = hosts.length === 0 ? ['127.0.0.1'] : hosts;
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, all[0], () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const free = await Promise.all(all.map(async (host) => (await udpPortFree(host, port)) && (await tcpPortFree(host, port))));
    if (free.every(Boolean)) return port;
  }
}

function udpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

function tcpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** "127.0.0.1:53", "[::1]:53". */
export function serverAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Starts NSD in the foreground on host:port serving the zones, and waits until it answers. */
export async function startNsd(host: string, port: number, zones: readonly FixtureZone[]): Promise<RunningNsd> {
  const binary = findProgram('nsd');
  if (binary === undefined) throw new Error('NSD is not installed. Fix: apt-get install -y nsd');
  const dir = mkdtempSync(join(tmpdir(), 'nsd-'));
  writeZoneFiles(dir, zones);
  const config = join(dir, 'nsd.conf');
  writeFileSync(config, nsdConfig(dir, host, port, zones));
  const log = () => (existsSync(join(dir, 'nsd.log')) ? readFileSync(join(dir, 'nsd.log'), 'utf8') : '');
  return startServer('NSD', binary, ['-d', '-c', config], dir, { host, port }, zones[0].name, log);
}

/** Writes each zone to `<dir>/<file>` (see {@link zoneFileName}). */
export function writeZoneFiles(dir: string, zones: readonly FixtureZone[]): void {
  for (const zone of zones) writeFileSync(join(dir, zoneFileName(zone)), zoneFile(zone));
}

/** "example.test.zone", and "root.zone" for the root. */
export function zoneFileName(zone: FixtureZone): string {
  return zone.name === '.' ? 'root.zone' : `${zone.name}.zone`;
}

/**
 * Starts a server program in the foreground, waits until it answers an NS
 * query for `probe` at `answerer`, and gives a handle that stops it and
 * removes `dir`. On failure its stderr and `log()` are in the error.
 */
export async function startServer(what: string, binary: string, args: readonly string[], dir: string, answerer: { host: string; port: number }, probe: string, log: () => string = () => ''): Promise<RunningNsd> {
  const child = spawn(binary, [...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(answerer.host, answerer.port, probe, child);
  } catch (error) {
    const details = `${stderr}${log()}`;
    await stop();
    throw new Error(`${what} on ${serverAddress(answerer.host, answerer.port)} did not start: ${(error as Error).message}\n${details}`);
  }
  return { host: answerer.host, port: answerer.port, address: serverAddress(answerer.host, answerer.port), stop };
}

function zoneFile(zone: FixtureZone): string {
  return [
    `$ORIGIN ${zone.name === '.' ? '.' : `${zone.name}.`}`,
    '$TTL 300',
    '@ 300 IN SOA ns1 hostmaster 1 3600 600 86400 300',
    ...zone.lines,
    '',
  ].join('\n');
}

function nsdConfig(dir: string, host: string, port: number, zones: readonly FixtureZone[]): string {
  const server = [
    'server:',
    `  ip-address: ${host}@${port}`,
    `  port: ${port}`,
    '  username: ""',
    '  chroot: ""',
    `  zonesdir: "${dir}"`,
    `  pidfile: "${join(dir, 'nsd.pid')}"`,
    '  database: ""',
    `  zonelistfile: "${join(dir, 'zone.list')}"`,
    `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
    `  logfile: "${join(dir, 'nsd.log')}"`,
    '  verbosity: 1',
    '  server-count: 1',
    // No response rate limiting: tests ask the same name hundreds of times a second.
    '  rrl-ratelimit: 0',
    '  rrl-whitelist-ratelimit: 0',
    'remote-control:',
    '  control-enable: no',
  ];
  const zoneBlocks = zones.flatMap((zone) => ['zone:', `  name: "${zone.name}"`, `  zonefile: "${zoneFileName(zone)}"`]);
  return [...server, ...zoneBlocks, ''].join('\n');
}

/** Resolves once the server on host:port answers NS queries for `zone`; fails when `child` exits first. */
export async function waitUntilAnswering(host: string, port: number, zone: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with code ${child.exitCode}`);
    const result = await queryDns({ host, port }, { name: zone, type: 'NS' }, { timeoutMs: 200, attempts: 1 });
    if (result.kind === 'answered' && result.response.rcode === 'NOERROR') return;
    // Nothing listens yet (the port is closed): wait a little instead of spinning.
    if (result.kind === 'unreachable') await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no answer within ${STARTUP_DEADLINE_MS} ms`);
}

/** Stops a server started in the foreground, and waits until it has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
