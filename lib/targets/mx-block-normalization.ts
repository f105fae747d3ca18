/** One MX record written as a `{ preference, exchange }` block (Azure: preference is a string). */
export interface MxBlock<P> {
  readonly preference: P;
  readonly exchange: string;
}

/**
 * Record blocks of a set-typed attribute, read back: the provider hashes
 * each block by its values (duplicates collapse, order does not matter), so
 * they are modelled without duplicates in (priority, exchange) order.
 */
export function normalizeMxBlocks<P extends string | number>(blocks: readonly MxBlock<P>[], normalizeBlock: (block: MxBlock<P>) => MxBlock<P>): MxBlock<P>[] {
  const byValue = new Map(blocks.map(normalizeBlock).map((block) => [`${block.preference} ${block.exchange}`, block]));
  return [...byValue.values()].sort((a, b) => Number(a.preference) - Number(b.preference) || (a.exchange < b.exchange ? -1 : a.exchange > b.exchange ? 1 : 0));
}
