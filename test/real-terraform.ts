import { spawnSync } from 'node:child_process';

/**
 * The real terraform binary, or undefined. CI must never skip the tests that
 * need it: with CI set, a missing binary fails the suite instead.
 */
export const terraformPath: string | undefined = (() => {
  const found = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
})();

if (terraformPath === undefined && process.env.CI) {
  throw new Error('terraform is not on PATH: these tests need the real binary and CI must not skip them.');
}

/** `describe` when terraform is on PATH; otherwise skipped, loudly. */
export function describeWithTerraform(name: string, body: () => void): void {
  if (terraformPath === undefined) process.stderr.write(`SKIPPING "${name}": terraform is not on PATH.\n`);
  (terraformPath === undefined ? describe.skip : describe)(name, body);
}
