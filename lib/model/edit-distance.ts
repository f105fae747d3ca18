/**
 * Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of neighbours each cost 1. Swaps matter because "cloudacecss"
 * is one slip of the fingers, not two.
 *
 * With `max`, any distance above it is returned as `max + 1`, and names
 * whose lengths differ by more than `max` cost nothing to rule out: the typo
 * guard runs on every host of every domain, so a fleet of 10,000 domains
 * calls this tens of thousands of times.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (i-2, i-1, i) instead of a full matrix.
  let before = new Uint16Array(b.length + 1);
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j; // a loop: Uint16Array.from with a mapper is slow while cold
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], max + 1);
}
