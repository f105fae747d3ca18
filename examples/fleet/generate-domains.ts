/**
 * Writes mail-domains.json: 1,000 made-up domains, the same every run
 * (names, zone IDs and record IDs derive from the index), one entry a line
 * so a change shows as a one-line diff.
 *   npx tsx examples/fleet/generate-domains.ts [count] > examples/fleet/mail-domains.json
 */
import { createHash } from 'node:crypto';

const hex = (seed: string) => createHash('sha256').update(seed).digest('hex');
const stages = ['lower-ttl', 'cutover', 'complete'];

/** One made-up entry: 70% Cloudflare, a backup on every third, a staged move on every tenth. */
export function generatedEntry(index: number): Record<string, unknown> {
  const domain = `shop-${String(index).padStart(4, '0')}.example.com`;
  const cloudflare = index % 10 < 7;
  const zoneId = cloudflare ? hex(domain).slice(0, 32) : `Z${hex(domain).slice(0, 20).toUpperCase()}`;
  const entry: Record<string, unknown> = { domain, provider: cloudflare ? 'cloudflare' : 'route53', zoneId };
  if (index % 3 === 0) entry.backups = ['backup1.example.net'];
  if (index % 10 === 9) {
    const importId = cloudflare ? { importId: `${zoneId}/${hex(`record-${domain}`).slice(0, 32)}` } : {};
    entry.legacy = { servers: [{ hostName: 'mail.oldhost.example', priority: 10, ...importId }], policy: index % 20 === 9 ? 'delete' : 'demote' };
    entry.rollout = { stage: stages[Math.floor(index / 10) % 3], previousTtl: 86400 };
  }
  return entry;
}

/** The file's text for `count` domains in `shards` shards per provider. */
export function generatedFleetFile(count: number, shards: number): string {
  const lines = Array.from({ length: count }, (_, index) => `    ${JSON.stringify(generatedEntry(index))}`);
  return `{\n  "shards": ${shards},\n  "domains": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

if (require.main === module) process.stdout.write(generatedFleetFile(Number(process.argv[2] ?? 1000), 8));
