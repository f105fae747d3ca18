/**
 * Maps items in two steps: `fetch` (waits on the network) with at most
 * `limit` calls in flight, then `settle` (CPU only) on what it gave. A
 * worker starts its next fetch before it settles the current item, so the
 * next query is on the wire while this one is judged, and the server never
 * waits for our CPU. Results keep the input order.
 */
export async function mapWithConcurrency<T, F, R>(items: readonly T[], limit: number, fetch: (item: T) => Promise<F>, settle: (item: T, fetched: F) => R): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const start = (): { index: number; fetched: Promise<F> } | undefined => {
    if (next >= items.length) return undefined;
    const index = next++;
    return { index, fetched: fetch(items[index]) };
  };
  const worker = async (): Promise<void> => {
    for (let current = start(); current !== undefined;) {
      const fetched = await current.fetched;
      const following = start();
      results[current.index] = settle(items[current.index], fetched);
      current = following;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
