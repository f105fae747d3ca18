import * as fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import { CloudMailFleet, DnsProvider, IFleetProviders, LegacyPolicy, RolloutStage, Weekday } from '../../lib';
import { FleetValidationError } from '../../lib/fleet/fleet-validation-error';
import { shardOf } from '../../lib/fleet/shard';
import { cloudflareEntry, definitionOf, fleetOf, route53Entry } from './fixtures';

const stackJson = (stack: TerraformStack) => JSON.parse(Testing.synth(stack));
const stackNames = (fleet: CloudMailFleet) => fleet.stacks.map((stack) => stack.node.id);

test('puts each domain in the stack of its provider and hashed shard', () => {
  const fleet = fleetOf([cloudflareEntry('example.com'), route53Entry('example.org')], 16);
  expect(fleet.placements).toEqual({
    'example.com': [`mail-cloudflare-${String(shardOf('example.com', 16)).padStart(2, '0')}`],
    'example.org': [`mail-route53-${String(shardOf('example.org', 16)).padStart(2, '0')}`],
  });
  expect(stackNames(fleet)).toEqual(Object.values(fleet.placements).flat().sort());
});

test('a domain served by two providers is one entry per provider, as CloudMailMx allows one construct per domain and zone', () => {
  const fleet = fleetOf([cloudflareEntry('example.com'), route53Entry('EXAMPLE.com')], 1);
  expect(fleet.placements).toEqual({ 'example.com': ['mail-cloudflare-0', 'mail-route53-0'] });
  expect(() => fleetOf([route53Entry('example.com'), route53Entry('example.com', { zoneId: 'Z9876543210ZYXWVUTSRQ' })]))
    .toThrow('example.com (domains[1]): domain = "example.com": repeats domains[0] (both are example.com on route53). Fix: list each domain once per provider');
});

test('a backup that repeats another, or mx1 itself, is named in the file\'s terms', () => {
  expect(() => fleetOf([cloudflareEntry('example.com', { backups: ['b.example.net', 'B.example.net', 'mx1.cloudaccess.net'] })])).toThrow(
    /backups\[1\] = "B\.example\.net": repeats backups\[0\] \(both are b\.example\.net\).*\n.*backups\[2\] = "mx1\.cloudaccess\.net": repeats the mx1\.cloudaccess\.net record the fleet adds/s,
  );
});

test('a rollback and a maintenance window are fleet-file fields', () => {
  const [entry] = definitionOf([route53Entry('example.org', {
    legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }] },
    rollout: { stage: 'rollback', previousTtl: 3600, window: { days: ['saturday', 'sunday'], startUtc: '22:00', endUtc: '06:00' } },
  })]).domains;
  expect(entry.rollout).toEqual({ stage: RolloutStage.ROLLBACK, previousTtl: 3600, window: { days: [Weekday.SATURDAY, Weekday.SUNDAY], startUtc: '22:00', endUtc: '06:00' } });
  const legacy = { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }] };
  const stack = JSON.parse(Testing.synth(fleetOf([route53Entry('example.org', { legacy, rollout: { stage: 'cutover', previousTtl: 3600, window: { startUtc: '22:00', endUtc: '06:00' } } })], 1).stacks[0]));
  expect(JSON.stringify(stack.resource.terraform_data)).toContain('CUTOVER refused outside the maintenance window (every day 22:00-06:00 UTC (across midnight))');
});

test('shards by the normalized name, so case and a trailing dot do not move a domain', () => {
  const [lower, upper] = ['example.com', 'EXAMPLE.com.'].map((domain) => fleetOf([cloudflareEntry(domain)], 16));
  expect(upper.placements).toEqual(lower.placements);
});

test('writes each stack\'s records, provider and backend', () => {
  const fleet = fleetOf([cloudflareEntry('example.com', { backups: ['backup1.example.net'] }), route53Entry('example.org')], 1);
  const [cloudflare, route53] = fleet.stacks.map(stackJson);
  expect(Object.values(cloudflare.resource.cloudflare_dns_record).map((r) => (r as { content: string }).content).sort()).toEqual(['backup1.example.net', 'mx1.cloudaccess.net']);
  expect(cloudflare.provider).toEqual({ cloudflare: [{}] });
  expect(cloudflare.terraform.backend).toEqual({ local: { path: './terraform.mail-cloudflare-0.tfstate' } });
  expect(route53.provider).toEqual({ aws: [{ region: 'us-east-1' }] });
  expect(Object.values(route53.resource.aws_route53_record)).toEqual([expect.objectContaining({ name: 'example.org', records: ['10 mx1.cloudaccess.net.'] })]);
});

test('asks the providers factory once per stack, with the stack\'s provider', () => {
  const calls: [string, DnsProvider][] = [];
  const providers: IFleetProviders = { configure: (stack, provider) => calls.push([stack.node.id, provider]) };
  fleetOf([cloudflareEntry('a.example'), cloudflareEntry('b.example'), route53Entry('c.example')], 1, { providers });
  expect(calls).toEqual([['mail-cloudflare-0', DnsProvider.CLOUDFLARE], ['mail-route53-0', DnsProvider.ROUTE53]]);
});

test('carries legacy and rollout in the typed entry', () => {
  const [entry] = definitionOf([cloudflareEntry('example.com', {
    legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10, importId: 'z/r' }] },
    rollout: { stage: 'cutover', previousTtl: 86400 },
  })]).domains;
  expect(entry).toMatchObject({ legacy: { policy: LegacyPolicy.DELETE, servers: [{ importId: 'z/r' }] }, rollout: { stage: RolloutStage.CUTOVER, previousTtl: 86400 } });
});

test('a fleet domain in rollout gets its stage\'s records and gates in its shard\'s stack', () => {
  const fleet = fleetOf([route53Entry('example.org', {
    legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }] },
    rollout: { stage: 'cutover', previousTtl: 86400 },
  })], 1);
  const stack = JSON.parse(Testing.synth(fleet.stacks[0]));
  expect(Object.values(stack.resource.aws_route53_record)).toEqual([expect.objectContaining({ records: ['10 mx1.cloudaccess.net.', '20 mail.oldhost.net.'], ttl: 300 })]);
  expect(Object.keys(stack.resource.terraform_data).filter((key) => key.endsWith('_gate') || /_gate_[0-9A-F]{8}$/.test(key))).toEqual([expect.stringContaining('cutover_gate')]);
});

test('rollout mistakes are reported with the domain and the fleet-file field', () => {
  expect(() => fleetOf([cloudflareEntry('example.com', {
    legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }] },
    rollout: { stage: 'lower-ttl', previousTtl: 86400 },
  })])).toThrow(/example\.com \(domains\[0\]\).*legacy\.servers\[0\]\.importId/s);
});

describe('stable sharding', () => {
  const names = fc.uniqueArray(fc.domain(), { minLength: 1, maxLength: 25, selector: (d) => d.toLowerCase() });
  const place = (domains: readonly string[], shards: number) =>
    fleetOf(domains.map((domain, i) => (i % 2 === 0 ? cloudflareEntry(domain) : route53Entry(domain))), shards).placements;

  test('adding or removing domains never moves another domain to a different stack', () => {
    fc.assert(fc.property(names, names, fc.integer({ min: 1, max: 32 }), (kept, changed, shards) => {
      const others = changed.filter((domain) => !kept.some((k) => k.toLowerCase() === domain.toLowerCase()));
      // Same providers for the kept domains in both fleets: they come first, in the same order.
      const before = place(kept, shards);
      const after = place([...kept, ...others], shards);
      for (const [domain, stacks] of Object.entries(before)) expect(after[domain]).toEqual(stacks);
    }), { numRuns: 30 });
  });
});

describe('per-domain errors', () => {
  const bad = [
    cloudflareEntry('good.example'),
    cloudflareEntry('typo.example', { backups: ['mx1.cloudcccess.net'] }),
    route53Entry('zone.example', { zoneId: 'not-a-zone' }),
    cloudflareEntry('TYPO.example.'),
    cloudflareEntry('bad..example'),
  ];

  test('reports every bad domain, with its name, entry and file field, in one error', () => {
    let error: unknown;
    try {
      fleetOf(bad);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FleetValidationError);
    const problems = (error as FleetValidationError).problems.map((p) => [p.entry, p.property]);
    expect(problems).toEqual([
      ['typo.example (domains[1])', 'backups[0]'],
      ['zone.example (domains[2])', 'zoneId'],
      ['TYPO.example. (domains[3])', 'domain'],
      ['bad..example (domains[4])', 'domain'],
    ]);
    expect((error as Error).message).toContain('Invalid fleet mail-domains.json (4 problems in 4 entries; nothing was synthesized)');
    expect((error as Error).message).toContain('typo.example (domains[1]): backups[0] = "mx1.cloudcccess.net": is not a CloudMail host, but looks like a misspelling of one. Fix: did you mean mx1.cloudaccess.net?');
    expect((error as Error).message).toContain('TYPO.example. (domains[3]): domain = "TYPO.example.": repeats domains[1] (both are typo.example on cloudflare). Fix: list each domain once per provider');
  });

  test('writes nothing when one domain is bad', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'fleet-'));
    try {
      expect(() => {
        const app = new App({ outdir });
        new CloudMailFleet(app, 'mail', { definition: definitionOf(bad) });
        app.synth();
      }).toThrow(FleetValidationError);
      // cdktf's App creates the empty stacks/ folder itself; no file is written.
      expect(readdirSync(outdir, { recursive: true })).toEqual(['stacks']);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
