import { checkDomains } from '../../../tools/check/check-domain';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from './nsd-harness';

const run = nsdAvailable() ? describe : describe.skip;
const DOMAINS = 4000;
const CONCURRENCY = 2000;

/** Issue 13, point 5: concurrency must change the speed of a check, never its verdicts. */
run(`${DOMAINS} domains on one NSD at concurrency ${CONCURRENCY}`, () => {
  let nsd: RunningNsd;
  beforeAll(async () => {
    nsd = await startNsd('127.0.0.1', await findFreePort(), [
      { name: 'bulk.test', lines: ['@ NS ns1', 'ns1 A 127.0.0.1', ...Array.from({ length: DOMAINS }, (_, i) => `d${i} MX 10 mx1.cloudaccess.net.`)] },
      { name: 'cloudaccess.net', lines: ['@ NS ns1.bulk.test.', 'mx1 A 192.0.2.10'] },
    ]);
  }, 30_000);
  afterAll(async () => {
    await nsd?.stop();
  });

  test('every domain is ok: answers are never lost to a full socket buffer', async () => {
    const domains = Array.from({ length: DOMAINS }, (_, i) => `d${i}.bulk.test`);
    const report = await checkDomains(domains, { resolvers: [nsd.address], fallbackResolvers: [nsd.address], concurrency: CONCURRENCY, timeoutMs: 1000 });
    const statuses = new Map<string, number>();
    for (const domain of report.domains) statuses.set(domain.status, (statuses.get(domain.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ ok: DOMAINS });
  }, 30_000);
});
