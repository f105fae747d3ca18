import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureZone, findProgram, RunningNsd, startServer, writeZoneFiles, zoneFileName } from './nsd-harness';

/** Starts Knot DNS in the foreground serving the zones on every host at `port`, and waits until the first host answers. */
export async function startKnot(hosts: readonly string[], port: number, zones: readonly FixtureZone[]): Promise<RunningNsd> {
  const binary = findProgram('knotd');
  if (binary === undefined) throw new Error('Knot is not installed. Fix: apt-get install -y knot');
  const dir = mkdtempSync(join(tmpdir(), 'knot-'));
  writeZoneFiles(dir, zones);
  const config = join(dir, 'knot.conf');
  writeFileSync(config, [
    'server:',
    `    rundir: "${dir}"`,
    `    listen: [ ${hosts.map((host) => `${host}@${port}`).join(', ')} ]`,
    'database:',
    `    storage: "${dir}"`,
    'log:',
    '  - target: stderr',
    '    any: warning',
    'template:',
    '  - id: default',
    `    storage: "${dir}"`,
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    '    semantic-checks: off',
    'zone:',
    ...zones.map((zone) => `  - domain: "${zone.name}"\n    file: "${zoneFileName(zone)}"`),
    '',
  ].join('\n'));
  return startServer('Knot', binary, ['-c', config], dir, { host: hosts[0], port }, zones[0].name);
}
