import { MxBlock, normalizeMxBlocks } from './mx-block-normalization';

/** The attributes of an RFC 2136 MX set as they appear in `cdk.tf.json`. */
export interface Rfc2136MxAttributes {
  readonly zone: string;
  readonly name?: string;
  readonly ttl: number;
  readonly mx: readonly MxBlock<number>[];
}

/**
 * What `dns_mx_record_set` reads back for an MX set we wrote (Read asks the
 * server for the RRset; zone and name stay as configured). An emitted value
 * that this changes would show as a diff on every plan.
 * - mx.exchange: miekg/dns returns names absolute (dotted), in the case the
 *   server stores: Knot lowercases exchanges, BIND keeps what it was given
 *   (both seen in test/targets/rfc2136-server.test.ts), so only lowercase is
 *   stable on both;
 * - mx is a set of blocks: duplicates collapse, order does not matter;
 * - ttl: the lowest TTL in the answer, which is the set's one TTL.
 */
export function normalizeRfc2136Mx(attributes: Rfc2136MxAttributes): Rfc2136MxAttributes {
  return {
    ...attributes,
    mx: normalizeMxBlocks(attributes.mx, (block) => {
      const exchange = block.exchange.toLowerCase();
      return { preference: block.preference, exchange: exchange.endsWith('.') ? exchange : `${exchange}.` };
    }),
  };
}
