/**
 * One check-throughput measurement in a fresh process, against a running DNS
 * server: `check` (checkDomains) or the baseline, a bare loop of
 * dns.promises.Resolver#resolveMx at the same concurrency. Prints {ms, ok}
 * where ok counts the domains that came back as expected.
 *   node check-worker.js <check|resolver> <host:port> <count> <concurrency>
 */
import { Resolver } from 'node:dns/promises';
import { checkDomains } from '../tools/check/check-domain';
import { mapWithConcurrency } from '../tools/check/map-with-concurrency';

export const benchDomain = (i: number) => `d${i}.bench.test`;

async function main(): Promise<void> {
  const [arm, server, countText, concurrencyText] = process.argv.slice(2);
  const domains = Array.from({ length: Number(countText) }, (_, i) => benchDomain(i));
  const concurrency = Number(concurrencyText);
  const start = performance.now();
  let ok: number;
  if (arm === 'check') {
    const report = await checkDomains(domains, { resolvers: [server], concurrency });
    ok = report.domains.filter((domain) => domain.status === 'ok').length;
  } else {
    const resolver = new Resolver();
    resolver.setServers([server]);
    const answers = await mapWithConcurrency(domains, concurrency, (domain) => resolver.resolveMx(domain));
    ok = answers.filter((records) => records.length === 1 && records[0].exchange === 'mx1.cloudaccess.net').length;
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, ok }));
}

if (require.main === module) void main();
