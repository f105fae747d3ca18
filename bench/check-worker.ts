/**
 * The baseline of the check measurements: a bare loop of
 * dns.promises.Resolver#resolveMx over a domain file at a given concurrency,
 * in a process that loads nothing of ours. Exits 1 unless every domain
 * answers mx1.cloudaccess.net alone.
 *   node check-worker.js <domains.txt> <host:port> <concurrency>
 */
import { readFileSync } from 'node:fs';
import { Resolver } from 'node:dns/promises';

async function main(): Promise<void> {
  const [file, server, concurrencyText] = process.argv.slice(2);
  const domains = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
  const resolver = new Resolver();
  resolver.setServers([server]);
  let next = 0;
  let ok = 0;
  const worker = async (): Promise<void> => {
    while (next < domains.length) {
      const records = await resolver.resolveMx(domains[next++]);
      if (records.length === 1 && records[0].exchange === 'mx1.cloudaccess.net') ok++;
    }
  };
  await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
  if (ok !== domains.length) {
    process.stderr.write(`only ${ok} of ${domains.length} domains answered mx1.cloudaccess.net\n`);
    process.exitCode = 1;
  }
}

void main();
