import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CloudMail, CloudMailMx, DnsTarget, NullMx } from '../../lib';
import { readSynthOutput, SynthProvider } from '../../lib/synth/read-synth-output';
import { synthToTempDir } from './synth-to-temp-dir';

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
    expect(readSynthOutput(outdir).find((set) => set.provider === SynthProvider.CLOUDFLARE)).toEqual({
      stack: 'mail', provider: SynthProvider.CLOUDFLARE, zoneId: '023e105f4ecef8ad9ca31a8372d0c353', domain: 'example.com', ttl: 300,
      records: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup.example.net', priority: 20 }],
    });
  });

  test('reads Route53 RRsets, including a null MX', () => {
    const route53 = readSynthOutput(outdir).filter((set) => set.provider === SynthProvider.ROUTE53);
    expect(route53.map((set) => [set.domain, set.ttl, set.records])).toEqual([
      ['example.org', 3600, [{ hostName: 'mx1.cloudaccess.net', priority: 10 }]],
      ['static.example.org', 3600, [{ hostName: '.', priority: 0 }]],
    ]);
  });

  test('says what to do when the folder is not synth output', () => {
    expect(() => readSynthOutput(tmpdir())).toThrow(/no stacks\/ folder.*Fix: run "npx cdktf synth"/);
  });
});
