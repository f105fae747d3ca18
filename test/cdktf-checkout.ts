import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real cdktf CLI, run in throwaway checkouts of this repository (main.ts and lib/, node_modules linked). */
const repo = resolve(__dirname, '..');
const checkouts: string[] = [];

/** A temp checkout; `mainTs` replaces main.ts. Removed by {@link removeCheckouts}. */
export function checkout(mainTs?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-'));
  for (const file of ['main.ts', 'cdktf.json', 'package.json', 'tsconfig.json', 'register-typescript.js', 'lib']) cpSync(join(repo, file), join(dir, file), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  if (mainTs !== undefined) writeFileSync(join(dir, 'main.ts'), mainTs);
  checkouts.push(dir);
  return dir;
}

export function removeCheckouts(): void {
  checkouts.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

/** Runs `cdktf synth <args>` offline in `dir`, with `env` added to the environment. */
export function cdktfSynth(dir: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(join(repo, 'node_modules', '.bin', 'cdktf'), ['synth', ...args], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ status: null, output: String(error) }));
    child.on('close', (status) => done({ status, output }));
  });
}
