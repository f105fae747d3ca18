import * as fc from 'fast-check';
import { shardOf } from '../../lib/fleet/shard';
import { shardStackName } from '../../lib/fleet/shard';

test('is deterministic and in range', () => {
  fc.assert(fc.property(fc.domain(), fc.integer({ min: 1, max: 1000 }), (domain, shards) => {
    const shard = shardOf(domain, shards);
    expect(shard).toBe(shardOf(domain, shards));
    expect(shard).toBeGreaterThanOrEqual(0);
    expect(shard).toBeLessThan(shards);
  }));
});

// Expected values from the shell: printf %s example.com | sha256sum → first 8 hex digits, mod 16.
test('pins known names to known shards, so a Node or platform change cannot move state', () => {
  expect(['example.com', 'example.org', 'shop-0001.example.com'].map((domain) => shardOf(domain, 16))).toEqual([6, 4, 6]);
});

test('spreads 1,000 names over 8 shards within 25% of the mean', () => {
  const counts = new Array<number>(8).fill(0);
  for (let i = 0; i < 1000; i++) counts[shardOf(`shop-${i}.example.com`, 8)]++;
  for (const count of counts) expect(Math.abs(count - 125)).toBeLessThan(125 * 0.25);
});

test('names stacks by prefix, provider and zero-padded shard', () => {
  expect(shardStackName('mail', 'cloudflare', 3, 16)).toBe('mail-cloudflare-03');
  expect(shardStackName('mail', 'route53', 0, 8)).toBe('mail-route53-0');
});
