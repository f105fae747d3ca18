import { mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Compiles lib/, tools/, the CLI entry and the bench workers file by file
 * to CommonJS in a temp folder, as a published package would ship them, so
 * the measurements run on plain node and never pay a TypeScript loader. Not
 * bundled: a bundle would hide the cost of resolving and loading each module.
 */
export function buildForBench(repo: string): string {
  const out = mkdtempSync(join(tmpdir(), 'cloudmail-mx-bench-'));
  const sources = (folder: string) => readdirSync(join(repo, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(folder, file));
  buildSync({
    absWorkingDir: repo,
    entryPoints: [...sources('lib'), ...sources('tools'), 'bin/cloudmail-mx-main.ts', 'bench/synth-worker.ts', 'bench/check-worker.ts'],
    outdir: out,
    outbase: repo,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  symlinkSync(join(repo, 'node_modules'), join(out, 'node_modules'));
  return out;
}

/** The compiled CLI entry, relative to the build folder. */
export const COMPILED_CLI = join('bin', 'cloudmail-mx-main.js');
