import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort, nsdAvailable, startNsd } from '../test/tools/check/nsd-harness';
import { benchDomain } from './check-worker';

const CONCURRENCY = 16;

/** The check section's figures: medians over fresh processes, both arms alternating. */
export interface CheckSection {
  readonly domains: number;
  readonly concurrency: number;
  readonly runs: number;
  readonly checkMs: number;
  readonly resolverLoopMs: number;
  readonly ratio: number;
}

/**
 * Section 3: `check` throughput for `count` domains against a local NSD,
 * next to a bare loop of dns.promises.Resolver#resolveMx at the same
 * concurrency, each run in a fresh node process on the compiled build.
 * Every domain must come back as expected, or the run is not counted.
 */
export async function checkSection(build: string, count: number, runs: number, median: (values: readonly number[]) => number): Promise<CheckSection | undefined> {
  if (!nsdAvailable()) return undefined;
  const mail = Array.from({ length: count }, (_, i) => `${benchDomain(i).replace('.bench.test', '')} MX 10 mx1.cloudaccess.net.`);
  const nsd = await startNsd('127.0.0.1', await findFreePort(), [
    { name: 'bench.test', lines: ['@ NS ns1', 'ns1 A 127.0.0.1', ...mail] },
    { name: 'cloudaccess.net', lines: ['@ NS ns1.bench.test.', 'mx1 A 192.0.2.10'] },
  ]);
  try {
    const times: Record<'check' | 'resolver', number[]> = { check: [], resolver: [] };
    for (let run = 0; run < runs + 1; run++) {
      for (const arm of ['check', 'resolver'] as const) {
        const result = spawnSync(process.execPath, [join('bench', 'check-worker.js'), arm, nsd.address, String(count), String(CONCURRENCY)], { cwd: build, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`check-worker ${arm} failed:\n${result.stderr}`);
        const { ms, ok } = JSON.parse(result.stdout) as { ms: number; ok: number };
        if (ok !== count) throw new Error(`check-worker ${arm}: only ${ok} of ${count} domains came back as expected`);
        if (run > 0) times[arm].push(ms); // the first round warms NSD and the file cache
        process.stderr.write('.');
      }
    }
    const checkMs = median(times.check);
    const resolverLoopMs = median(times.resolver);
    return { domains: count, concurrency: CONCURRENCY, runs, checkMs, resolverLoopMs, ratio: checkMs / resolverLoopMs };
  } finally {
    await nsd.stop();
  }
}
