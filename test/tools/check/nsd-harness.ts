import { ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { queryDns } from '../../../tools/check/dns-query';

/** A zone for NSD: its apex, and zone-file lines relative to it (SOA and $TTL are added). */
export interface FixtureZone {
  readonly name: string;
  readonly lines: readonly string[];
}

/** A running NSD. */
export interface RunningNsd {
  readonly host: string;
  readonly port: number;
  /** "host:port", the form --resolver takes. */
  readonly address: string;
  stop(): Promise<void>;
}

const NSD_CANDIDATES = ['/usr/sbin/nsd', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nsd'))];
const STARTUP_DEADLINE_MS = 10_000;

/** The NSD binary, or undefined when it is not installed. */
export function findNsd(): string | undefined {
  return NSD_CANDIDATES.find((candidate) => existsSync(candidate));
}

/**
 * True when NSD tests can run. In CI a missing NSD is an error, never a
 * silent skip; locally the tests are skipped with a loud message.
 */
export function nsdAvailable(): boolean {
  if (findNsd() !== undefined) return true;
  const message = 'NSD is not installed, so the DNS integration tests cannot run. Fix: apt-get install -y nsd (or run .ci/install-system-packages).';
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\n!!! SKIPPING: ${message}\n\n`);
  return false;
}

/** A port free for both UDP and TCP on `host`, found by binding port 0. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, host, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    if (await udpPortFree(host, port)) return port;
  }
}

function udpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

/** Starts NSD in the foreground on host:port serving the zones, and waits until it answers. */
export async function startNsd(host: string, port: number, zones: readonly FixtureZone[]): Promise<RunningNsd> {
  const binary = findNsd();
  if (binary === undefined) throw new Error('NSD is not installed. Fix: apt-get install -y nsd');
  const dir = mkdtempSync(join(tmpdir(), 'nsd-'));
  for (const zone of zones) writeFileSync(join(dir, `${zone.name}.zone`), zoneFile(zone));
  const config = join(dir, 'nsd.conf');
  writeFileSync(config, nsdConfig(dir, host, port, zones));
  const child = spawn(binary, ['-d', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(host, port, zones[0].name, child);
  } catch (error) {
    await stop();
    const log = existsSync(join(dir, 'nsd.log')) ? readFileSync(join(dir, 'nsd.log'), 'utf8') : '';
    throw new Error(`NSD on ${host}:${port} did not start: ${(error as Error).message}\n${stderr}${log}`);
  }
  return { host, port, address: `${host}:${port}`, stop };
}

function zoneFile(zone: FixtureZone): string {
  return [
    `$ORIGIN ${zone.name}.`,
    '$TTL 300',
    `@ 300 IN SOA ns1.${zone.name}. hostmaster.${zone.name}. 1 3600 600 86400 300`,
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
    'remote-control:',
    '  control-enable: no',
  ];
  const zoneBlocks = zones.flatMap((zone) => ['zone:', `  name: "${zone.name}"`, `  zonefile: "${zone.name}.zone"`]);
  return [...server, ...zoneBlocks, ''].join('\n');
}

/** Resolves once the server on host:port answers NS queries for `zone`; fails when `child` exits first. */
export async function waitUntilAnswering(host: string, port: number, zone: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with code ${child.exitCode}`);
    const result = await queryDns({ host, port }, { name: zone, type: 'NS' }, { timeoutMs: 200, attempts: 1 });
    if (result.kind === 'answered' && result.response.rcode === 'NOERROR') return;
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
