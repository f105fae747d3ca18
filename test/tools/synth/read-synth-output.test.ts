import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudMail, CloudMailMx, DnsProvider, DnsTarget, LegacyPolicy, NullMx, RolloutStage, Weekday } from '../../../lib';
import { readSynthOutput, SynthOutputError } from '../../../tools/synth/read-synth-output';
import { synthToTempDir, writeSynthFolder } from './synth-to-temp-dir';

describe('readSynthOutput', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synthToTempDir((stack) => {
      new CloudMailMx(stack, 'cf', { domain: 'Example.COM.', target: DnsTarget.cloudflare({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353' }), servers: CloudMail.servers({ backups: ['backup.example.net'] }), ttl: 300 });
      new CloudMailMx(stack, 'r53', { domain: 'example.org', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
      new NullMx(stack, 'none', { domain: 'static.example.org', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
    });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('groups Cloudflare records per zone and name', () => {
    expect(readSynthOutput(outdir).find((set) => set.provider === DnsProvider.CLOUDFLARE)).toEqual({
      stack: 'mail', provider: DnsProvider.CLOUDFLARE, zoneId: '023e105f4ecef8ad9ca31a8372d0c353', domain: 'example.com', ttl: 300,
      records: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup.example.net', priority: 20 }],
      path: 'mail/cf',
      gates: [],
    });
  });

  test('reads Route53 RRsets, including a null MX', () => {
    const route53 = readSynthOutput(outdir).filter((set) => set.provider === DnsProvider.ROUTE53);
    expect(route53.map((set) => [set.domain, set.ttl, set.records])).toEqual([
      ['example.org', 3600, [{ hostName: 'mx1.cloudaccess.net', priority: 10 }]],
      ['static.example.org', 3600, [{ hostName: '.', priority: 0 }]],
    ]);
  });

  test('says what to do when the folder is not synth output', () => {
    expect(() => readSynthOutput(tmpdir())).toThrow(/no stacks\/ folder.*Fix: run "npx cdktf synth"/);
  });
});

describe('readSynthOutput of a staged rollout', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synthToTempDir((stack) => {
      new CloudMailMx(stack, 'moving', {
        domain: 'example.org',
        target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
        legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }], policy: LegacyPolicy.DEMOTE },
        rollout: { stage: RolloutStage.COMPLETE, previousTtl: 7200, soak: 3600, window: { days: [Weekday.SATURDAY, Weekday.SUNDAY], startUtc: '22:00', endUtc: '06:00' } },
      });
    });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('attaches the manifest entry of the construct that wrote the records', () => {
    const [set] = readSynthOutput(outdir);
    expect(set.manifest).toMatchObject({ path: 'mail/moving', legacy: { policy: 'DEMOTE', records: ['10 mail.oldhost.net'] }, rollout: { stage: 'COMPLETE' } });
  });

  test('reads the terraform_data gate of the stage: what must come before it, the wait and the window', () => {
    expect(readSynthOutput(outdir)[0].gates).toEqual([{ stage: RolloutStage.COMPLETE, after: [RolloutStage.CUTOVER], waitSeconds: 3600, window: 'Sat, Sun 22:00-06:00 UTC (across midnight)' }]);
  });

  test('reads a ROLLBACK gate, which waits for nothing', () => {
    const rollback = synthToTempDir((stack) => {
      new CloudMailMx(stack, 'moving', {
        domain: 'example.org',
        target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }),
        legacy: { servers: [{ hostName: 'mail.oldhost.net', priority: 10 }] },
        rollout: { stage: RolloutStage.ROLLBACK, previousTtl: 7200 },
      });
    });
    try {
      expect(readSynthOutput(rollback)[0].gates).toEqual([{ stage: RolloutStage.ROLLBACK, after: [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE], waitSeconds: 0 }]);
    } finally {
      rmSync(rollback, { recursive: true, force: true });
    }
  });
});

describe('readSynthOutput of Google Cloud DNS, Azure DNS and RFC 2136 sets', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synthToTempDir((stack) => {
      new CloudMailMx(stack, 'google', { domain: 'example.com', target: DnsTarget.googleCloudDns({ managedZone: 'example-com', project: 'mail-project' }), servers: CloudMail.servers({ backups: ['backup.example.net'] }) });
      new NullMx(stack, 'google-none', { domain: 'static.example.com', target: DnsTarget.googleCloudDns({ managedZone: 'example-com' }) });
      new CloudMailMx(stack, 'azure-apex', { domain: 'example.org', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' }), ttl: 300 });
      new CloudMailMx(stack, 'azure-sub', { domain: 'lists.example.org', target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.org' }), servers: CloudMail.servers({ backups: ['backup.example.net'] }) });
      new CloudMailMx(stack, 'rfc-apex', { domain: 'example.net', target: DnsTarget.rfc2136({ zone: 'example.net' }) });
      new CloudMailMx(stack, 'rfc-moving', {
        domain: 'mail.example.net',
        target: DnsTarget.rfc2136({ zone: 'example.net' }),
        ttl: 300,
        legacy: { servers: [{ hostName: 'old.example.net', priority: 10 }], policy: LegacyPolicy.DEMOTE },
        rollout: { stage: RolloutStage.CUTOVER, previousTtl: 86400 },
      });
    });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const read = (provider: DnsProvider) => readSynthOutput(outdir).filter((set) => set.provider === provider).map((set) => [set.domain, set.zoneId, set.ttl, set.records.map((r) => `${r.priority} ${r.hostName}`)]);

  test('google_dns_record_set: the FQDN name, "project/zone" as the zone, rrdatas, and a null MX', () => {
    expect(read(DnsProvider.GOOGLE_CLOUD_DNS)).toEqual([
      ['example.com', 'mail-project/example-com', 3600, ['10 mx1.cloudaccess.net', '20 backup.example.net']],
      ['static.example.com', 'example-com', 3600, ['0 .']],
    ]);
  });

  test('azurerm_dns_mx_record: "@" is the zone itself, other names are relative to it, string preferences', () => {
    expect(read(DnsProvider.AZURE_DNS)).toEqual([
      ['example.org', 'dns-rg/example.org', 300, ['10 mx1.cloudaccess.net']],
      ['lists.example.org', 'dns-rg/example.org', 3600, ['10 mx1.cloudaccess.net', '20 backup.example.net']],
    ]);
  });

  test('dns_mx_record_set: no name is the zone itself, mx blocks, and the rollout intent of the construct', () => {
    expect(read(DnsProvider.RFC2136)).toEqual([
      ['example.net', 'example.net.', 3600, ['10 mx1.cloudaccess.net']],
      ['mail.example.net', 'example.net.', 300, ['10 mx1.cloudaccess.net', '20 old.example.net']],
    ]);
    const moving = readSynthOutput(outdir).find((set) => set.domain === 'mail.example.net')!;
    expect(moving.manifest).toMatchObject({ path: 'mail/rfc-moving', rollout: { stage: 'CUTOVER' } });
    expect(moving.gates).toEqual([{ stage: RolloutStage.CUTOVER, after: [RolloutStage.LOWER_TTL, RolloutStage.ROLLBACK], waitSeconds: 86400 }]);
  });
});

describe('synth output that cannot be read gives an error that says what to do', () => {
  const folders: string[] = [];
  const folder = (stacks: Record<string, string>, withManifest = true) => {
    folders.push(writeSynthFolder(stacks, withManifest));
    return folders[folders.length - 1];
  };
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('a stack file that is not JSON: synthesize again', () => {
    const outdir = folder({ mail: '{ "resource": ' });
    expect(() => readSynthOutput(outdir)).toThrow(SynthOutputError);
    expect(() => readSynthOutput(outdir)).toThrow(/cdk\.tf\.json is not valid JSON .*Fix: run "npx cdktf synth" again/);
  });

  test('a synth that failed (stacks/ empty or stale, no manifest.json) is never read as "no domains"', () => {
    expect(() => readSynthOutput(folder({}, false))).toThrow(/has no manifest\.json, so its synth did not finish: it failed, or is still running\. Fix: run "npx cdktf synth" again/);
    expect(() => readSynthOutput(folder({ mail: '{}' }, false))).toThrow(/has no manifest\.json/);
  });

  test('a synth of an app without stacks', () => {
    expect(() => readSynthOutput(folder({}))).toThrow(/holds no stack: the app synthesized nothing\. Fix: check that the app creates its stacks/);
  });

  test('a stack the manifest lists but stacks/ lacks', () => {
    const outdir = folder({ mail: '{}' });
    rmSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'));
    expect(() => readSynthOutput(outdir)).toThrow(/manifest\.json lists mail, but stacks\/ has no cdk\.tf\.json for it/);
  });
});
