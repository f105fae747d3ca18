import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, nsdAvailable, startNsd } from '../test/tools/check/nsd-harness';
import { COMPILED_CLI } from './build';

const CONCURRENCY = 16;
const STARTUP_RUNS = 21;

/** Wall times of the two arms of one comparison: medians over fresh processes, run alternately. */
export interface ArmPair {
  readonly runs: number;
  readonly oursMs: number;
  readonly baselineMs: number;
}

/** `check --help` of the compiled CLI against `node -e 0`. */
export interface CheckStartup extends ArmPair {
  readonly beyondNodeMs: number;
}

/** Whole-process `check` of `domains` domains against a bare resolveMx loop at the same concurrency. */
export interface CheckThroughput extends ArmPair {
  readonly domains: number;
  readonly concurrency: number;
  readonly ratio: number;
}

/** The check section's figures. */
export interface CheckSection {
  readonly startup: CheckStartup;
  readonly throughput: readonly CheckThroughput[];
}

type Median = (values: readonly number[]) => number;

/** Runs a command to completion; its wall time in ms, from spawn to exit, as a user sees it. */
function timed(build: string, args: readonly string[], stdout: number | 'ignore' = 'ignore'): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...args], { cwd: build, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return ms;
}

/** Runs both arms alternately, so that drift of the machine hits both; the first `warmup` rounds are not counted. */
function alternate(rounds: number, warmup: number, ours: () => number, baseline: () => number, median: Median): ArmPair {
  const times = { ours: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < rounds + warmup; round++) {
    const [o, b] = [ours(), baseline()];
    if (round >= warmup) {
      times.ours.push(o);
      times.baseline.push(b);
    }
    process.stderr.write('.');
  }
  return { runs: rounds, oursMs: median(times.ours), baselineMs: median(times.baseline) };
}

/**
 * Section 3, `check` as users run it: the compiled CLI in fresh processes.
 * - start-up: `check --help` against `node -e 0`;
 * - throughput: `check --file <n domains> --json` against a local NSD,
 *   next to the baseline, a bare dns.promises.Resolver#resolveMx loop over
 *   the same file at the same concurrency (bench/check-worker.ts). Both are
 *   timed from spawn to exit, start-up included; every domain must come back
 *   ok (check) or as mx1.cloudaccess.net (loop), or the run fails.
 */
export async function checkSection(build: string, sizes: readonly number[], runs: number, median: Median): Promise<CheckSection | undefined> {
  if (!nsdAvailable()) return undefined;
  const startupPair = alternate(STARTUP_RUNS, 2, () => timed(build, [COMPILED_CLI, 'check', '--help']), () => timed(build, ['-e', '0']), median);
  const startup = { ...startupPair, beyondNodeMs: startupPair.oursMs - startupPair.baselineMs };
  const largest = Math.max(...sizes);
  const names = Array.from({ length: largest }, (_, i) => `d${i}`);
  const nsd = await startNsd('127.0.0.1', await findFreePort(), [
    { name: 'bench.test', lines: ['@ NS ns1', 'ns1 A 127.0.0.1', ...names.map((name) => `${name} MX 10 mx1.cloudaccess.net.`)] },
    { name: 'cloudaccess.net', lines: ['@ NS ns1.bench.test.', 'mx1 A 192.0.2.10'] },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  try {
    const throughput = sizes.map((count) => {
      const file = join(dir, `domains-${count}.txt`);
      writeFileSync(file, names.slice(0, count).map((name) => `${name}.bench.test\n`).join(''));
      const report = join(dir, 'report.json');
      const check = (): number => {
        const out = openSync(report, 'w');
        let ms: number;
        try {
          ms = timed(build, [COMPILED_CLI, 'check', '--file', file, '--resolver', nsd.address, '--fallback-resolver', nsd.address, '--concurrency', String(CONCURRENCY), '--json'], out);
        } finally {
          closeSync(out);
        }
        const domains = (JSON.parse(readFileSync(report, 'utf8')) as { domains: { status: string }[] }).domains;
        const ok = domains.filter((domain) => domain.status === 'ok').length;
        if (ok !== count) throw new Error(`check: only ${ok} of ${count} domains came back ok`);
        return ms;
      };
      const loop = (): number => timed(build, [join('bench', 'check-worker.js'), file, nsd.address, String(CONCURRENCY)]);
      // The first round warms NSD and the file cache.
      const pair = alternate(runs, 1, check, loop, median);
      return { ...pair, domains: count, concurrency: CONCURRENCY, ratio: pair.oursMs / pair.baselineMs };
    });
    return { startup, throughput };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await nsd.stop();
  }
}
