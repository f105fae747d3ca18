import { TerraformVariable } from 'cdktf';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, MxRecords, NullMx, RolloutStage } from '../../lib';
import { resourcesByPath, synth } from '../harness';
import { importsOf, LIVE_RECORDS, onlyRrset, synthRrsetStage } from './rrset-staging';

const target = DnsTarget.googleCloudDns({ managedZone: 'example-com', project: 'mail-project' });

test('writes the whole set as one google_dns_record_set: FQDN with a dot, rrdatas lowercase and dotted, sorted', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'Example.COM',
    target,
    servers: [{ hostName: 'Backup1.Example.NET.', priority: 20 }, { hostName: 'mx1.cloudaccess.net', priority: 10 }],
    ttl: 900,
  }));
  expect(resourcesByPath(out, 'google_dns_record_set')).toEqual({
    'example-com/mx': {
      managed_zone: 'example-com',
      project: 'mail-project',
      name: 'example.com.',
      type: 'MX',
      ttl: 900,
      rrdatas: ['10 mx1.cloudaccess.net.', '20 backup1.example.net.'],
    },
  });
});

test('without project, the provider\'s project is used and no project is written', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.googleCloudDns({ managedZone: 'example-com' }) }));
  expect(onlyRrset(out, 'google_dns_record_set')[1]).not.toHaveProperty('project');
});

test.each([1, 300, 2147483647])('accepts TTL %i', (ttl) => {
  const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }));
  expect(onlyRrset(out, 'google_dns_record_set')[1].ttl).toBe(ttl);
});

test.each([0, -1, 2147483648, 1.5])('refuses TTL %p: 0 would not be sent, and Cloud DNS holds an int32', (ttl) => {
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl }))).toThrow(
    /ttl = .*: is not a TTL Google Cloud DNS accepts\. Fix: use a whole number of seconds: 1-2147483647/,
  );
});

test('a DNS name given as the managed zone is refused with the fix', () => {
  const bad = DnsTarget.googleCloudDns({ managedZone: 'example.com' });
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: bad }))).toThrow(
    /target\.managedZone = "example\.com": is not a Cloud DNS managed zone name .* Fix: give the zone's name from the NAME column of `gcloud dns managed-zones list` \(not its DNS name\)/,
  );
});

test('a project that is not a project ID is refused with the fix', () => {
  const bad = DnsTarget.googleCloudDns({ managedZone: 'example-com', project: 'My Project' });
  expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: bad }))).toThrow(
    /target\.project = "My Project": is not a Google Cloud project ID .* Fix: give the project ID from `gcloud projects list`/,
  );
});

test('zone and project tokens are passed through', () => {
  const out = synth((stack) => {
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
    const project = new TerraformVariable(stack, 'project', { type: 'string' }).stringValue;
    new CloudMailMx(stack, 'd', { domain: 'example.com', target: DnsTarget.googleCloudDns({ managedZone: zone, project }) });
  });
  expect(onlyRrset(out, 'google_dns_record_set')[1]).toMatchObject({ managed_zone: '${var.zone}', project: '${var.project}' });
});

test('MxRecords and NullMx write one set too; a null MX is "0 ."', () => {
  const out = synth((stack) => {
    new MxRecords(stack, 'mail', { domain: 'example.com', target, servers: [{ hostName: 'mx.example.net', priority: 5 }] });
    new NullMx(stack, 'none', { domain: 'static.example.com', target });
  });
  expect(Object.fromEntries(Object.entries(resourcesByPath(out, 'google_dns_record_set')).map(([path, r]) => [path, [r.name, r.rrdatas]]))).toEqual({
    'mail/mx': ['example.com.', ['5 mx.example.net.']],
    'none/mx': ['static.example.com.', ['0 .']],
  });
});

describe('taking over the live set', () => {
  test('imports projects/{p}/managedZones/{z}/rrsets/{name}/MX, so the plan shows the live set being rewritten', () => {
    const out = synthRrsetStage(target, RolloutStage.LOWER_TTL);
    const [path] = onlyRrset(out, 'google_dns_record_set');
    expect(path).toBe('example-com/mx');
    expect(importsOf(out)).toEqual([{ id: 'projects/mail-project/managedZones/example-com/rrsets/example.com./MX', to: expect.stringMatching(/^google_dns_record_set\.example-com_mx_\w+$/) }]);
  });

  test('without project the import ID is {z}/{name}/MX, which the provider completes with its project', () => {
    const out = synthRrsetStage(DnsTarget.googleCloudDns({ managedZone: 'example-com' }), RolloutStage.LOWER_TTL);
    expect(importsOf(out).map((block) => block.id)).toEqual(['example-com/example.com./MX']);
  });

  test('LOWER_TTL publishes exactly the declared live records at the rollout TTL, so the overwrite loses nothing that is declared', () => {
    expect(onlyRrset(synthRrsetStage(target, RolloutStage.LOWER_TTL), 'google_dns_record_set')[1]).toMatchObject({
      ttl: 300,
      rrdatas: LIVE_RECORDS.map((record) => `${record.priority} ${record.hostName}.`),
    });
  });

  test.each([
    [LegacyPolicy.DELETE, RolloutStage.CUTOVER, 300, ['10 mx1.cloudaccess.net.', '20 backup1.example.net.', '30 mail.oldhost.net.', '40 mail2.oldhost.net.']],
    [LegacyPolicy.DELETE, RolloutStage.COMPLETE, 3600, ['10 mx1.cloudaccess.net.', '20 backup1.example.net.']],
    [LegacyPolicy.DEMOTE, RolloutStage.COMPLETE, 3600, ['10 mx1.cloudaccess.net.', '20 backup1.example.net.', '30 mail.oldhost.net.', '40 mail2.oldhost.net.']],
  ])('policy %s, stage %s: the same resource, TTL %i, records %j', (policy, stage, ttl, rrdatas) => {
    const [path, rrset] = onlyRrset(synthRrsetStage(target, stage, { policy }), 'google_dns_record_set');
    expect(path).toBe('example-com/mx');
    expect(rrset).toMatchObject({ ttl, rrdatas });
  });

  test('one-step takeover (no rollout) imports and rewrites the set with CloudMail only', () => {
    const out = synth((stack) => new CloudMailMx(stack, 'example-com', { domain: 'example.com', target, servers: CloudMail.servers(), legacy: { servers: LIVE_RECORDS } }));
    expect(onlyRrset(out, 'google_dns_record_set')[1].rrdatas).toEqual(['10 mx1.cloudaccess.net.']);
    expect(importsOf(out)).toHaveLength(1);
  });
});
