/**
 * npm run bench: prints a table and writes bench/results.json.
 *   1. import cost of the installed package (npm run package's tarball) beyond cdktf's own, in fresh node processes;
 *   2. construct + synth time and peak RSS, CloudMailMx and the fleet against
 *      hand-written cdktf DnsRecord resources, at 1,000 and 10,000 domains;
 *   3. the time per element written (resources, import blocks, locals, outputs) of the
 *      largest fleet with 1 domain in 5 mid-migration, against the same fleet without;
 *   4. the example fleet through the runner its cdktf.json names, against the
 *      same code compiled and run on plain node, whole process;
 *   5. check: start-up of the compiled CLI (`check --help`) against `node -e 0`,
 *      and whole-process check runs of 1,000 and 10,000 domains against a
 *      local NSD next to a bare dns.promises.Resolver#resolveMx loop at the
 *      same concurrency.
 * Every arm runs in its own fresh process, interleaved with its baseline,
 * and reports the median of several runs. Ratios compare arms of this run.
 * BENCH_SIZES=1000,10000 BENCH_RUNS=5 BENCH_CHECK_SIZES=1000,10000 override the defaults.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { buildForBench } from './build';
import { installedPackageProject } from './installed-package';
import { checkSection, CheckSection } from './check-section';
import { runnerSection, RunnerSection } from './runner-section';

const repo = resolve(__dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IMPORT_RUNS = 21;
const SHARDS = 16;
const TARGET = { ratio: 1.1, largeSeconds: 15, largeRssMb: 1536, importMs: 50, checkStartupMs: 150, checkRatio: 1.5, migrationRatio: 1.2, runnerRatio: 1.3 };
const CHECK_SIZES = (process.env.BENCH_CHECK_SIZES ?? '1000,10000').split(',').map(Number);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function nodeRun(cwd: string, args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** Wall time of a fresh `node -e <script>`, both arms alternating so drift hits both. */
/** Wall time of a fresh `node -e <script>` in a project with the packed package installed, both arms alternating. */
function importSection() {
  const project = installedPackageProject(repo);
  const arms = { cdktf: "require('cdktf')", library: "require('cdktf'); require('cloudmail-mx')" };
  const times: Record<keyof typeof arms, number[]> = { cdktf: [], library: [] };
  for (let i = 0; i < IMPORT_RUNS + 2; i++) {
    for (const [arm, script] of Object.entries(arms) as [keyof typeof arms, string][]) {
      const { ms } = nodeRun(project, ['-e', script]);
      if (i >= 2) times[arm].push(ms); // two warm-up rounds fill the OS file cache
    }
  }
  const cdktf = median(times.cdktf);
  const library = median(times.library);
  rmSync(join(project, '..'), { recursive: true, force: true });
  return { runs: IMPORT_RUNS, cdktfMs: cdktf, cdktfPlusLibraryMs: library, beyondCdktfMs: library - cdktf };
}

interface SynthSample { ms: number; maxRssMb: number; records: number; elements: number; resourcesAndImports: number; bytes: number }

/** Each arm against its baseline at each size, every run in a fresh worker process, arms interleaved. */
function synthSection(build: string, pairs: readonly (readonly [string, string])[] = [['cloudmailmx', 'raw'], ['fleet', 'raw-sharded']], sizes: readonly number[] = SIZES) {
  return sizes.flatMap((count) => {
    const samples: Record<string, SynthSample[]> = {};
    for (let run = 0; run < RUNS; run++) {
      for (const arm of pairs.flat()) {
        const { stdout } = nodeRun(build, [join('bench', 'synth-worker.js'), arm, String(count), String(SHARDS)]);
        (samples[arm] ??= []).push(JSON.parse(stdout) as SynthSample);
        process.stderr.write('.');
      }
    }
    const summary = (arm: string) => ({
      arm,
      ms: median(samples[arm].map((s) => s.ms)),
      maxRssMb: median(samples[arm].map((s) => s.maxRssMb)),
      records: samples[arm][0].records,
      elements: samples[arm][0].elements,
      resourcesAndImports: samples[arm][0].resourcesAndImports,
      bytes: samples[arm][0].bytes,
    });
    return pairs.map(([arm, baseline]) => {
      const [ours, base] = [summary(arm), summary(baseline)];
      const per = (field: 'elements' | 'resourcesAndImports' | 'bytes') => (ours.ms / ours[field]) / (base.ms / base[field]);
      return {
        count, ours, baseline: base, timeRatio: ours.ms / base.ms, rssRatio: ours.maxRssMb / base.maxRssMb, runs: RUNS,
        perElementRatio: per('elements'), perResourceOrImportRatio: per('resourcesAndImports'), perByteRatio: per('bytes'),
      };
    });
  });
}

async function main(): Promise<void> {
  const build = buildForBench(repo);
  try {
    process.stderr.write(`bench: ${cpus().length} cores, node ${process.version}, ${RUNS} runs per arm\n`);
    const imports = importSection();
    const synth = synthSection(build);
    const largest = Math.max(...SIZES);
    const [migration] = synthSection(build, [['fleet-migrating', 'fleet']], [largest]);
    const runner = runnerSection(repo, build, RUNS, median);
    const check = await checkSection(build, CHECK_SIZES, RUNS, median);
    process.stderr.write('\n');
    const targets = [
      ...synth.map((s) => ({ target: `${s.ours.arm} ${s.count}: time ≤ ${TARGET.ratio}× ${s.baseline.arm}`, measured: `${s.timeRatio.toFixed(2)}×`, met: s.timeRatio <= TARGET.ratio })),
      ...synth.filter((s) => s.count === largest).map((s) => ({ target: `${s.ours.arm} ${s.count}: ≤ ${TARGET.largeSeconds} s, ≤ ${TARGET.largeRssMb} MB`, measured: `${(s.ours.ms / 1000).toFixed(1)} s, ${s.ours.maxRssMb.toFixed(0)} MB`, met: s.ours.ms <= TARGET.largeSeconds * 1000 && s.ours.maxRssMb <= TARGET.largeRssMb })),
      { target: `${migration.ours.arm} ${largest}: time per element written (resources, imports, locals, outputs) ≤ ${TARGET.migrationRatio}× ${migration.baseline.arm}`, measured: `${migration.perElementRatio.toFixed(2)}×`, met: migration.perElementRatio <= TARGET.migrationRatio },
      { target: `${migration.ours.arm} ${largest}: time per resource or import block ≤ ${TARGET.migrationRatio}× ${migration.baseline.arm}`, measured: `${migration.perResourceOrImportRatio.toFixed(2)}×`, met: migration.perResourceOrImportRatio <= TARGET.migrationRatio },
      { target: `example fleet through its cdktf.json runner ≤ ${TARGET.runnerRatio}× compiled on plain node`, measured: `${runner.app.ratio.toFixed(2)}×`, met: runner.app.ratio <= TARGET.runnerRatio },
      { target: `import ≤ ${TARGET.importMs} ms beyond cdktf`, measured: `${imports.beyondCdktfMs.toFixed(0)} ms`, met: imports.beyondCdktfMs <= TARGET.importMs },
      ...(check === undefined ? [] : [
        { target: `check start-up (check --help) ≤ ${TARGET.checkStartupMs} ms beyond node -e 0`, measured: `${check.startup.beyondNodeMs.toFixed(0)} ms`, met: check.startup.beyondNodeMs <= TARGET.checkStartupMs },
        ...check.throughput.map((t) => ({ target: `check ${t.domains} domains ≤ ${TARGET.checkRatio}× the resolveMx loop (whole process)`, measured: `${t.ratio.toFixed(2)}×`, met: t.ratio <= TARGET.checkRatio })),
      ]),
    ];
    print(imports, synth, migration, runner, check, targets);
    writeFileSync(join(repo, 'bench', 'results.json'), `${JSON.stringify({ machine: { cores: cpus().length, node: process.version }, imports, synth, migration, runner, check, targets }, null, 2)}\n`);
    console.log('\nwrote bench/results.json');
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

type SynthPair = ReturnType<typeof synthSection>[number];

function print(imports: ReturnType<typeof importSection>, synth: SynthPair[], migration: SynthPair, runner: RunnerSection, check: CheckSection | undefined, targets: { target: string; measured: string; met: boolean }[]): void {
  const rows: string[][] = [['measurement', 'ours', 'baseline', 'ratio']];
  rows.push([`import of the installed package, median of ${imports.runs} fresh processes`, `cdktf + cloudmail-mx ${imports.cdktfPlusLibraryMs.toFixed(0)} ms`, `cdktf ${imports.cdktfMs.toFixed(0)} ms`, `${imports.beyondCdktfMs >= 0 ? '+' : ''}${imports.beyondCdktfMs.toFixed(0)} ms`]);
  for (const s of synth) {
    const cell = (x: typeof s.ours) => `${x.arm} ${(x.ms / 1000).toFixed(2)} s, ${x.maxRssMb.toFixed(0)} MB`;
    rows.push([`construct+synth ${s.count} domains (${s.ours.records} records), median of ${s.runs}`, cell(s.ours), cell(s.baseline), `${s.timeRatio.toFixed(2)}× time, ${s.rssRatio.toFixed(2)}× RSS`]);
  }
  const perElement = (x: SynthPair['ours']) => `${x.arm} ${(x.ms / 1000).toFixed(2)} s for ${x.elements} elements (${x.resourcesAndImports} resources and imports, ${(x.bytes / 1e6).toFixed(1)} MB)`;
  rows.push([`construct+synth ${migration.count} domains, 1 in 5 mid-migration, median of ${migration.runs}`, perElement(migration.ours), perElement(migration.baseline),
    `${migration.perElementRatio.toFixed(2)}× per element, ${migration.perResourceOrImportRatio.toFixed(2)}× per resource or import, ${migration.perByteRatio.toFixed(2)}× per byte`]);
  for (const figures of [runner.app, runner.tsx]) {
    rows.push([`example fleet, whole process, median of ${figures.runs}`, `\`${figures.command}\` ${(figures.runnerMs / 1000).toFixed(2)} s`, `compiled, plain node ${(figures.compiledMs / 1000).toFixed(2)} s`, `${figures.ratio.toFixed(2)}× time`]);
  }
  if (check === undefined) {
    rows.push(['check vs bare resolveMx loop', 'not measured: NSD is not installed', '-', '-']);
  } else {
    rows.push([`check start-up (check --help), median of ${check.startup.runs}`, `check ${check.startup.oursMs.toFixed(0)} ms`, `node -e 0 ${check.startup.baselineMs.toFixed(0)} ms`, `+${check.startup.beyondNodeMs.toFixed(0)} ms`]);
    for (const t of check.throughput) {
      rows.push([`check ${t.domains} domains, concurrency ${t.concurrency}, whole process, median of ${t.runs}`, `check ${(t.oursMs / 1000).toFixed(2)} s`, `resolveMx loop ${(t.baselineMs / 1000).toFixed(2)} s`, `${t.ratio.toFixed(2)}× time`]);
    }
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col])).join(' | ')} |`;
  console.log([line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n'));
  console.log('');
  for (const t of targets) console.log(`${t.met ? 'MET ' : 'MISS'}  ${t.target}: ${t.measured}`);
}

void main();
