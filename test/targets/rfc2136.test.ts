import { TerraformVariable } from 'cdktf';
import { CloudMailMx, DnsTarget, LegacyPolicy, MxRecords, NullMx, RolloutStage } from '../../lib';
import { resourcesByPath, synth, warningsOf } from '../harness';
import { ALL_STAGES, importsOf, onlyRrset, synthRrsetStage } from './rrset-staging';

const target = DnsTarget.rfc2136({ zone: 'example.com.' });

test('writes the whole set as one dns_mx_record_set: dotted zone, no name at the apex, mx blocks dotted and lowercase, never destroyed by a plan', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'Example.COM',
    target,
    servers: [{ hostName: 'Backup1.Example.NET.', priority: 20 }, { hostName: 'mx1.cloudaccess.net', priority: 10 }],
    ttl: 900,
  }));
  expect(resourcesByPath(out, 'dns_mx_record_set')).toEqual({
    'example-com/mx': {
      zone: 'example.com.',
      ttl: 900,
      mx: [{ preference: 10, exchange: 'mx1.cloudaccess.net.' }, { preference: 20, exchange: 'backup1.example.net.' }],
      lifecycle: { prevent_destroy: true },
    },
  });
});

test('a domain below the zone gets its name relative to the zone; a zone without its dot gets one', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'lists.mail.example.com', target: DnsTarget.rfc2136({ zone: 'Example.com' }) }));
  expect(onlyRrset(out, 'dns_mx_record_set')[1]).toMatchObject({ zone: 'example.com.', name: 'lists.mail' });
});

test('a domain outside the zone is refused', () => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.org', target }))).toThrow(
    /target\.zone = "example\.com\.": does not hold the domain example\.org\. Fix: give the zone that example\.org is in/,
  );
});

test('a zone token is refused: the record name is derived from the zone', () => {
  expect(() => synth((stack) => {
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
    new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.rfc2136({ zone }) });
  })).toThrow(/target\.zone = .*: is a token that is only known at deploy time/);
});

test.each([0, 3600, 2147483647])('accepts TTL %i', (ttl) => {
  expect(onlyRrset(synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl })), 'dns_mx_record_set')[1].ttl).toBe(ttl);
});

test.each([-1, 2147483648])('refuses TTL %i', (ttl) => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }))).toThrow(
    /is not a TTL RFC 2136 accepts\. Fix: use a whole number of seconds: 0-2147483647/,
  );
});

test('MxRecords and NullMx write one set too; a null MX exchange is "."', () => {
  const out = synth((stack) => {
    new MxRecords(stack, 'mail', { domain: 'example.com', target, servers: [{ hostName: 'mx.example.net', priority: 5 }] });
    new NullMx(stack, 'none', { domain: 'static.example.com', target });
  });
  expect(Object.fromEntries(Object.entries(resourcesByPath(out, 'dns_mx_record_set')).map(([path, r]) => [path, [r.name, r.mx]]))).toEqual({
    'mail/mx': [undefined, [{ preference: 5, exchange: 'mx.example.net.' }]],
    'none/mx': ['static', [{ preference: 0, exchange: '.' }]],
  });
});

describe('taking over the live set', () => {
  test('imports the set by its FQDN and warns that its TTL on the server must already be the one written', () => {
    let construct: CloudMailMx | undefined;
    const out = synth((stack) => {
      construct = new CloudMailMx(stack, 'example-com', { domain: 'example.com', target, ttl: 300, legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }] }, rollout: { stage: RolloutStage.LOWER_TTL, previousTtl: 86400 } });
    });
    expect(importsOf(out)).toEqual([{ id: 'example.com.', to: expect.stringMatching(/^dns_mx_record_set\.example-com_mx_\w+$/) }]);
    expect(warningsOf(construct!)).toEqual([expect.stringContaining(
      'example.com\'s live MX set is imported by its FQDN at the first apply, and its TTL on the server must already be 300 s: the dns provider replaces a set whose TTL changes',
    )]);
    expect(warningsOf(construct!)[0]).toContain('"update delete example.com. MX", then "update add example.com. 300 MX <preference> <host>." for each record, then "send"');
  });

  test('a rollout whose final ttl differs from rolloutTtl is refused: that stage would replace the whole set', () => {
    expect(() => synthRrsetStage(target, RolloutStage.LOWER_TTL, { ttl: 3600 })).toThrow(
      /ttl = 3600: differs from rollout\.rolloutTtl \(300\), but RFC 2136 replaces the whole MX set when its TTL changes: .* Fix: give ttl and rollout\.rolloutTtl the same value, e\.g\. both 300/,
    );
  });

  describe.each([LegacyPolicy.DELETE, LegacyPolicy.DEMOTE])('policy %s', (policy) => {
    const stages = new Map(ALL_STAGES.map((stage) => [stage, onlyRrset(synthRrsetStage(target, stage, { policy, ttl: 300 }), 'dns_mx_record_set')]));
    const pairs = ALL_STAGES.flatMap((from) => ALL_STAGES.filter((to) => to !== from).map((to) => [from, to] as const));

    test.each(pairs)('%s → %s keeps the resource and every attribute that forces a replacement, so it is an update in place', (from, to) => {
      const [fromPath, before] = stages.get(from)!;
      const [toPath, after] = stages.get(to)!;
      expect(toPath).toBe(fromPath);
      for (const forcesReplacement of ['zone', 'name', 'ttl']) expect(after[forcesReplacement]).toEqual(before[forcesReplacement]);
      expect(after.lifecycle).toEqual({ prevent_destroy: true });
    });
  });
});
