import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What the check section reports. */
export interface CheckSection {
  readonly status: 'skipped' | 'not-wired';
  readonly note: string;
}

/**
 * Hook for section 3: `check` throughput for 1,000 domains against a local
 * NSD, next to a bare loop of dns.promises.Resolver#resolveMx at the same
 * concurrency (targets: ≤ 3 s and ≤ 1.5× the loop). The `check` command is
 * built on another branch (issue 4); this build has no lib/check, so the
 * section reports itself skipped instead of inventing a number. When
 * lib/check lands, replace the 'not-wired' branch with the measurement.
 */
export function checkSection(repo: string): CheckSection {
  if (!existsSync(join(repo, 'lib', 'check')) && !existsSync(join(repo, 'lib', 'check.ts'))) {
    return { status: 'skipped', note: 'check not available in this build' };
  }
  return { status: 'not-wired', note: 'lib/check exists but is not wired into bench/check-section.ts yet' };
}
