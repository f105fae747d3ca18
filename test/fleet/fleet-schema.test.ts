import { FleetFile } from '../../lib';
import { FleetValidationError } from '../../lib/fleet/fleet-validation-error';
import { MAX_SHARDS } from '../../lib/fleet/fleet-schema';
import { cloudflareEntry, definitionOf, route53Entry } from './fixtures';

/** The problems a document gets, as [entry, property, fix] rows. */
function problemsOf(document: unknown): (string | undefined)[][] {
  try {
    FleetFile.fromDocument(document, 'mail-domains.json');
  } catch (error) {
    if (!(error instanceof FleetValidationError)) throw error;
    return error.problems.map((p) => [p.entry, p.property, p.fix]);
  }
  throw new Error('the document was accepted');
}

const one = (entry: Record<string, unknown>) => problemsOf({ shards: 4, domains: [entry] });

test('accepts a minimal entry and fills the defaults', () => {
  expect(definitionOf([cloudflareEntry('example.com')]).domains).toEqual([
    { index: 0, domain: 'example.com', provider: 'cloudflare', zoneId: cloudflareEntry('x').zoneId, backups: [], enterpriseZone: false },
  ]);
});

test('shards must be a whole number from 1 to the maximum', () => {
  expect(problemsOf({ shards: 0, domains: [] })).toEqual([[undefined, 'shards', 'use a value of at least 1']]);
  expect(problemsOf({ shards: MAX_SHARDS + 1, domains: [] })).toEqual([[undefined, 'shards', `use a value of at most ${MAX_SHARDS}`]]);
  expect(problemsOf({ shards: 2.5, domains: [] })).toEqual([[undefined, 'shards', 'give a whole number']]);
});

test('a document that is not an object names the file', () => {
  expect(problemsOf([])).toEqual([[undefined, '(file)', 'give a value of type object']]);
});

test('a null entry is named as the entry, not as the file', () => {
  expect(problemsOf({ shards: 4, domains: [cloudflareEntry('example.com'), null] })).toEqual([['domains[1]', '(entry)', 'give a value of type object']]);
});

test('an unknown provider lists the known ones', () => {
  expect(one(cloudflareEntry('example.com', { provider: 'gcp' }))).toEqual([['example.com (domains[0])', 'provider', 'use one of "cloudflare", "route53"']]);
});

test.each(['google-cloud-dns', 'azure-dns', 'rfc2136'])('provider %s is not a fleet provider: its zone is not one zoneId', (provider) => {
  expect(one(cloudflareEntry('example.com', { provider }))).toEqual([['example.com (domains[0])', 'provider', 'use one of "cloudflare", "route53"']]);
});

test('a missing field names the entry by position when it has no domain', () => {
  expect(one({ provider: 'cloudflare', zoneId: 'z' })).toEqual([['domains[0]', 'domain', 'give a value of type string']]);
});

test('a misspelled field is refused, not ignored', () => {
  expect(one(cloudflareEntry('example.com', { zone_id: 'x' }))).toEqual([
    ['example.com (domains[0])', 'zone_id', 'remove it, or correct its spelling (the fields are listed in examples/fleet/README.md)'],
  ]);
});

test('enterpriseZone is refused on Route53', () => {
  expect(one(route53Entry('example.org', { enterpriseZone: true }))).toEqual([['example.org (domains[0])', 'enterpriseZone', 'remove enterpriseZone from this entry']]);
});

test('backups must be host name strings', () => {
  expect(one(cloudflareEntry('example.com', { backups: [20] }))).toEqual([['example.com (domains[0])', 'backups[0]', 'give a value of type string']]);
});

test('legacy policy and servers are checked', () => {
  expect(one(cloudflareEntry('example.com', { legacy: { servers: [{ hostName: 'mail.old.net', priority: 70000 }], policy: 'keep' } }))).toEqual([
    ['example.com (domains[0])', 'legacy.servers[0].priority', 'use a value of at most 65535'],
    ['example.com (domains[0])', 'legacy.policy', 'use one of "delete", "demote"'],
  ]);
  expect(one(cloudflareEntry('example.com', { legacy: { servers: [] } }))).toEqual([['example.com (domains[0])', 'legacy.servers', 'list at least 1 item(s), or leave the field out']]);
});

test('rollout stage and TTLs are checked', () => {
  expect(one(cloudflareEntry('example.com', { rollout: { stage: 'switch', previousTtl: 0, soak: -1 } }))).toEqual([
    ['example.com (domains[0])', 'rollout.stage', 'use one of "lower-ttl", "cutover", "complete", "rollback"'],
    ['example.com (domains[0])', 'rollout.previousTtl', 'use a value of at least 1'],
    ['example.com (domains[0])', 'rollout.soak', 'use a value of at least 0'],
  ]);
});

test('every bad entry of the file is reported at once', () => {
  const problems = problemsOf({ shards: 4, domains: [cloudflareEntry('a.example', { ttl: 'long' }), cloudflareEntry('b.example'), route53Entry('c.example', { provider: 1 })] });
  expect(problems.map(([entry]) => entry)).toEqual(['a.example (domains[0])', 'c.example (domains[2])']);
});
