import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProgram, RunningNsd, startServer } from './nsd-harness';

/** A zone the resolver asks given servers for, instead of following the parent's referral. */
export interface StubZone {
  readonly name: string;
  /** "127.0.0.2@15353" */
  readonly servers: readonly string[];
}

/**
 * Starts Unbound, a real recursive resolver, on host:port. Test servers
 * listen on a high port, which a referral cannot carry, so every zone is a
 * stub zone pointing at its servers; "." must be one of them, so nothing is
 * ever asked outside this machine. `probe` is a zone it can resolve;
 * `extraServerLines` go into its server section (e.g. "do-tcp: no").
 */
export async function startUnbound(host: string, port: number, stubs: readonly StubZone[], probe: string, extraServerLines: readonly string[] = []): Promise<RunningNsd> {
  const binary = findProgram('unbound');
  if (binary === undefined) throw new Error('Unbound is not installed. Fix: apt-get install -y unbound');
  if (!stubs.some((stub) => stub.name === '.')) throw new Error('a stub zone for "." is required, so the resolver never asks the real root');
  const dir = mkdtempSync(join(tmpdir(), 'unbound-'));
  const config = join(dir, 'unbound.conf');
  writeFileSync(config, [
    'server:',
    `  interface: ${host}@${port}`,
    `  port: ${port}`,
    '  do-daemonize: no',
    '  username: ""',
    '  chroot: ""',
    `  directory: "${dir}"`,
    `  pidfile: "${join(dir, 'unbound.pid')}"`,
    '  use-syslog: no',
    '  logfile: ""',
    '  verbosity: 0',
    '  do-ip6: yes',
    '  do-not-query-localhost: no',
    '  module-config: "iterator"',
    '  num-threads: 1',
    '  qname-minimisation: no',
    '  access-control: 127.0.0.0/8 allow',
    '  access-control: ::1 allow',
    ...extraServerLines.map((line) => `  ${line}`),
    'remote-control:',
    '  control-enable: no',
    ...stubs.flatMap((stub) => ['stub-zone:', `  name: "${stub.name}"`, ...stub.servers.map((server) => `  stub-addr: ${server}`)]),
    '',
  ].join('\n'));
  return startServer('Unbound', binary, ['-d', '-c', config], dir, { host, port }, probe);
}
