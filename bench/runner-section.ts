import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One runner against compiled code: whole-process medians, arms alternating. */
export interface RunnerFigures {
  readonly command: string;
  readonly runs: number;
  readonly runnerMs: number;
  readonly compiledMs: number;
  readonly ratio: number;
}

/** The app command of examples/fleet/cdktf.json, and tsx (what the examples used before) for comparison. */
export interface RunnerSection {
  readonly app: RunnerFigures;
  readonly tsx: RunnerFigures;
}

const TSX = 'npx tsx main.ts';

/**
 * The example fleet (examples/fleet: 1,000 domains, 100 of them mid-move)
 * synthesized by the command its cdktf.json names as `app`, as `cdktf synth`
 * runs it, against the same code compiled beforehand and run on plain node.
 * Both write to a fresh outdir; a run that fails stops the bench.
 */
export function runnerSection(repo: string, build: string, runs: number, median: (values: readonly number[]) => number): RunnerSection {
  const example = join(repo, 'examples', 'fleet');
  const { app } = JSON.parse(readFileSync(join(example, 'cdktf.json'), 'utf8')) as { app: string };
  const compiled = () => timed(process.execPath, [join(build, 'examples', 'fleet', 'main.js')], join(build, 'examples', 'fleet'));
  const against = (command: string): RunnerFigures => {
    timed('sh', ['-c', command], example); // fills the OS file cache and the runner's own caches, as in a developer's second synth
    const times = { runner: [] as number[], compiled: [] as number[] };
    for (let run = 0; run < runs; run++) {
      times.runner.push(timed('sh', ['-c', command], example));
      times.compiled.push(compiled());
      process.stderr.write('.');
    }
    const [runnerMs, compiledMs] = [median(times.runner), median(times.compiled)];
    return { command, runs, runnerMs, compiledMs, ratio: runnerMs / compiledMs };
  };
  return { app: against(app), tsx: against(TSX) };
}

function timed(command: string, args: readonly string[], cwd: string): number {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-runner-'));
  try {
    const start = performance.now();
    const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: outdir } });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
    return ms;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
