import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findFreePort, stopChild, waitUntilAnswering } from '../tools/check/nsd-harness';

/** A running authoritative server that accepts RFC 2136 updates from 127.0.0.1 for one zone. */
export interface UpdateServer {
  readonly name: 'BIND' | 'Knot';
  /** "host:port", the form --resolver takes. */
  readonly address: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** One MX record as a server answers it. */
export interface ServedMx {
  readonly ttl: number;
  readonly preference: number;
  readonly exchange: string;
}

const HOST = '127.0.0.1';
const PROGRAMS = { named: 'bind9', knotd: 'knot', knsupdate: 'knot-dnsutils', kdig: 'knot-dnsutils' } as const;
const SBIN_AND_PATH = ['/usr/sbin', '/usr/bin', ...(process.env.PATH ?? '').split(delimiter)];

function findProgram(program: string): string | undefined {
  return SBIN_AND_PATH.map((dir) => join(dir, program)).find((candidate) => existsSync(candidate));
}

/**
 * True when BIND, Knot and Knot's update and query clients are installed. In
 * CI a missing one is an error, never a silent skip; locally the tests are
 * skipped with a loud message.
 */
export function updateServersAvailable(): boolean {
  const missing = Object.entries(PROGRAMS).filter(([program]) => findProgram(program) === undefined);
  if (missing.length === 0) return true;
  const message = `${missing.map(([program]) => program).join(', ')} not installed, so the RFC 2136 server tests cannot run. Fix: apt-get install -y ${[...new Set(missing.map(([, pkg]) => pkg))].join(' ')} (or run .ci/install-system-packages).`;
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\n!!! SKIPPING: ${message}\n\n`);
  return false;
}

/** Starts BIND 9 in the foreground serving `zone` from `zoneText`, dynamic updates allowed from 127.0.0.1. */
export async function startBind(zone: string, zoneText: string): Promise<UpdateServer> {
  const port = await findFreePort(HOST);
  const dir = mkdtempSync(join(tmpdir(), 'bind-'));
  writeFileSync(join(dir, 'zone.db'), zoneText);
  writeFileSync(join(dir, 'named.conf'), [
    `options { directory "${dir}"; listen-on port ${port} { ${HOST}; }; listen-on-v6 { none; }; pid-file "${dir}/named.pid";`,
    `  session-keyfile "${dir}/session.key"; recursion no; dnssec-validation no; };`,
    `zone "${zone}" { type primary; file "${dir}/zone.db"; allow-update { ${HOST}; }; };`,
    '',
  ].join('\n'));
  return started('BIND', spawn(findProgram('named')!, ['-g', '-u', 'root', '-c', join(dir, 'named.conf')], { stdio: 'ignore' }), zone, port, dir);
}

/** Starts Knot DNS in the foreground serving `zone` from `zoneText`, dynamic updates allowed from 127.0.0.1. */
export async function startKnot(zone: string, zoneText: string): Promise<UpdateServer> {
  const port = await findFreePort(HOST);
  const dir = mkdtempSync(join(tmpdir(), 'knot-'));
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'zone.db'), zoneText);
  writeFileSync(join(dir, 'knot.conf'), [
    'server:', `  listen: ${HOST}@${port}`, `  rundir: ${dir}`,
    'database:', `  storage: ${dir}/db`,
    'acl:', '  - id: local_update', `    address: ${HOST}`, '    action: update',
    'template:', '  - id: default', `    storage: ${dir}`, '    zonefile-sync: -1',
    'zone:', `  - domain: ${zone}`, '    file: zone.db', '    acl: local_update',
    '',
  ].join('\n'));
  return started('Knot', spawn(findProgram('knotd')!, ['-c', join(dir, 'knot.conf')], { stdio: 'ignore' }), zone, port, dir);
}

async function started(name: UpdateServer['name'], child: ChildProcess, zone: string, port: number, dir: string): Promise<UpdateServer> {
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(HOST, port, zone, child);
  } catch (error) {
    await stop();
    throw new Error(`${name} on ${HOST}:${port} did not start: ${(error as Error).message}`);
  }
  return { name, address: `${HOST}:${port}`, port, stop };
}

/** Sends one UPDATE message for `zone` made of `updates` (knsupdate's "update add|delete …" lines); throws when the server refuses it. */
export function sendUpdate(server: UpdateServer, zone: string, updates: readonly string[]): void {
  const script = [`server ${HOST} ${server.port}`, `zone ${zone}`, ...updates, 'send', ''].join('\n');
  const result = spawnSync(findProgram('knsupdate')!, [], { input: script, encoding: 'utf8' });
  if (result.status !== 0 || /ERROR/.test(result.stderr + result.stdout)) {
    throw new Error(`${server.name} refused the update:\n${script}\n${result.stdout}${result.stderr}`);
  }
}

/** The MX records `name` serves, exchanges as the server stores them, sorted by preference then exchange. */
export function servedMx(server: UpdateServer, name: string): ServedMx[] {
  const result = spawnSync(findProgram('kdig')!, [`@${HOST}`, '-p', String(server.port), '+noall', '+answer', '+norecurse', name, 'MX'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kdig failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => /\sMX\s/.test(line)).map((line) => {
    const [, ttl, , , preference, exchange] = line.trim().split(/\s+/);
    return { ttl: Number(ttl), preference: Number(preference), exchange };
  }).sort((a, b) => a.preference - b.preference || (a.exchange < b.exchange ? -1 : 1));
}
