import { copyFileSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Compiles lib/, tools/ (with the CLI entry), the bench workers and the example fleet file by file
 * to CommonJS in a temp folder, as a published package would ship them, so
 * the measurements run on plain node and never pay a TypeScript loader. Not
 * bundled: a bundle would hide the cost of resolving and loading each module.
 */
export function buildForBench(repo: string): string {
  const out = mkdtempSync(join(tmpdir(), 'cloudmail-mx-bench-'));
  const sources = (folder: string) => readdirSync(join(repo, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(folder, file));
  buildSync({
    absWorkingDir: repo,
    entryPoints: [...sources('lib'), ...sources('tools'), 'bench/synth-worker.ts', 'bench/check-worker.ts', 'examples/fleet/main.ts'],
    outdir: out,
    outbase: repo,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  // The example reads its domain list from beside its main file.
  copyFileSync(join(repo, 'examples', 'fleet', 'mail-domains.json'), join(out, 'examples', 'fleet', 'mail-domains.json'));
  symlinkSync(join(repo, 'node_modules'), join(out, 'node_modules'));
  return out;
}

/** The compiled CLI entry, relative to the build folder. */
export const COMPILED_CLI = join('tools', 'main.js');
