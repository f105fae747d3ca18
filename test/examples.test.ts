import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const examplesDir = resolve(__dirname, '../examples');
const examples = readdirSync(examplesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** Runs an example's app file in this process, writing into a fresh outdir, and returns each stack's cdk.tf.json. */
function synthExample(name: string, file = 'main.ts'): Record<string, { resource: Record<string, Record<string, Record<string, unknown>>> }> {
  const outdir = mkdtempSync(join(tmpdir(), `example-${name}-`));
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    jest.isolateModules(() => {
      require(join(examplesDir, name, file));
    });
    const stacksDir = join(outdir, 'stacks');
    return Object.fromEntries(readdirSync(stacksDir).map((stack) => [stack, JSON.parse(readFileSync(join(stacksDir, stack, 'cdk.tf.json'), 'utf8'))]));
  } finally {
    process.env.CDKTF_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
  }
}

test('every example folder has a README and an app or a CI workflow', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
  for (const name of examples) {
    const files = readdirSync(join(examplesDir, name));
    expect(files).toContain('README.md');
    expect(files.some((file) => file.endsWith('.ts') || file.endsWith('.yml'))).toBe(true);
  }
});

test('examples/cloudflare synthesizes two CloudMail domains', () => {
  const { 'cloudflare-mail': stack } = synthExample('cloudflare');
  const records = Object.values(stack.resource.cloudflare_dns_record);
  expect(records.map((r) => [r.name, r.content, r.priority, r.ttl]).sort()).toEqual([
    ['example.com', 'mx1.cloudaccess.net', 10, 3600],
    ['shop.example.com', 'backup1.example.net', 20, 30],
    ['shop.example.com', 'mx1.cloudaccess.net', 10, 30],
  ]);
});

test('examples/route53 synthesizes one RRset with two backups', () => {
  const { 'route53-mail': stack } = synthExample('route53');
  const [rrset] = Object.values(stack.resource.aws_route53_record);
  expect(rrset).toMatchObject({ name: 'example.org', records: ['10 mx1.cloudaccess.net.', '20 backup1.example.net.', '30 backup2.example.net.'] });
});

test('examples/null-mx synthesizes null MX on both providers and a generic set', () => {
  const { 'no-mail': stack } = synthExample('null-mx');
  expect(Object.values(stack.resource.cloudflare_dns_record)).toEqual([expect.objectContaining({ name: 'static.example.com', content: '.', priority: 0 })]);
  expect(Object.values(stack.resource.aws_route53_record).map((r) => r.records)).toEqual([['0 .'], ['10 mx-a.mailhost.example.', '10 mx-b.mailhost.example.']]);
});

test('examples/google-cloud-dns synthesizes a new set and a live one imported at LOWER_TTL', () => {
  const { 'google-mail': stack } = synthExample('google-cloud-dns');
  expect(Object.values(stack.resource.google_dns_record_set).map((r) => [r.name, r.ttl, r.rrdatas])).toEqual([
    ['example.com.', 3600, ['10 mx1.cloudaccess.net.', '20 backup1.example.net.']],
    ['example.org.', 300, ['10 mail.oldhost.net.', '20 mail2.oldhost.net.']],
  ]);
  expect((stack as unknown as { import: { id: string }[] }).import.map((block) => block.id)).toEqual(['projects/mail-project/managedZones/example-org/rrsets/example.org./MX']);
});

test('examples/azure-dns synthesizes the apex as "@" and takes a subdomain over by ARM ID', () => {
  const { 'azure-mail': stack } = synthExample('azure-dns');
  expect(Object.values(stack.resource.azurerm_dns_mx_record).map((r) => [r.name, r.record])).toEqual([
    ['@', [{ preference: '10', exchange: 'mx1.cloudaccess.net' }, { preference: '20', exchange: 'backup1.example.net' }]],
    ['lists', [{ preference: '10', exchange: 'mx1.cloudaccess.net' }]],
  ]);
  expect((stack as unknown as { provider: unknown }).provider).toEqual({ azurerm: [{ features: [{}] }] });
});

test('examples/rfc2136 synthesizes CUTOVER at the one rollout TTL, never replaced, and a null MX', () => {
  const { 'rfc2136-mail': stack } = synthExample('rfc2136');
  expect(Object.values(stack.resource.dns_mx_record_set).map((r) => [r.name, r.ttl, r.mx, r.lifecycle])).toEqual([
    [undefined, 300, [{ preference: 10, exchange: 'mx1.cloudaccess.net.' }, { preference: 20, exchange: 'backup1.example.net.' }, { preference: 30, exchange: 'mail.example.com.' }], { prevent_destroy: true }],
    ['static', 3600, [{ preference: 0, exchange: '.' }], { prevent_destroy: true }],
  ]);
});

describe('examples/staged-rollout', () => {
  const stages = ['stage-1-lower-ttl.ts', 'stage-2-cutover.ts', 'stage-3-complete.ts', 'stage-4-rollback.ts'].map((file) => synthExample('staged-rollout', file)['mail-rollout']);
  const cloudflare = (i: number) => Object.values(stages[i].resource.cloudflare_dns_record).map((r) => `${r.priority} ${r.content} ${r.ttl}`).sort();
  const route53 = (i: number) => Object.values(stages[i].resource.aws_route53_record).map((r) => [r.records, r.ttl]);

  test('LOWER_TTL keeps the old records as they are, at TTL 300', () => {
    expect(cloudflare(0)).toEqual(['10 mail.oldhost.net 300', '20 mail2.oldhost.net 300']);
    expect(route53(0)).toEqual([[['5 mx.oldmail.example.'], 300]]);
  });

  test('CUTOVER puts CloudMail on top and the old records below it', () => {
    expect(cloudflare(1)).toEqual(['10 mx1.cloudaccess.net 300', '20 backup1.example.net 300', '30 mail.oldhost.net 300', '40 mail2.oldhost.net 300']);
    expect(route53(1)).toEqual([[['10 mx1.cloudaccess.net.', '20 mx.oldmail.example.'], 300]]);
  });

  test('COMPLETE deletes (Cloudflare) or keeps demoted (Route53) the old records, at the final TTL', () => {
    expect(cloudflare(2)).toEqual(['10 mx1.cloudaccess.net 3600', '20 backup1.example.net 3600']);
    expect(route53(2)).toEqual([[['10 mx1.cloudaccess.net.', '20 mx.oldmail.example.'], 3600]]);
  });

  test('ROLLBACK puts the old records back on top, CloudMail\'s below them, at TTL 300', () => {
    expect(cloudflare(3)).toEqual(['10 mail.oldhost.net 300', '20 mail2.oldhost.net 300', '30 mx1.cloudaccess.net 300', '40 backup1.example.net 300']);
    expect(route53(3)).toEqual([[['5 mx.oldmail.example.', '15 mx1.cloudaccess.net.'], 300]]);
  });
});

test('examples/fleet synthesizes its 1,000 domains in 16 sharded stacks with S3 state', () => {
  const stacks = synthExample('fleet');
  expect(Object.keys(stacks).sort()).toEqual([
    ...Array.from({ length: 8 }, (_, shard) => `mail-cloudflare-${shard}`),
    ...Array.from({ length: 8 }, (_, shard) => `mail-route53-${shard}`),
  ]);
  const domains = Object.values(stacks).flatMap((stack) =>
    Object.values({ ...stack.resource.cloudflare_dns_record, ...stack.resource.aws_route53_record }).map((record) => record.name));
  expect(new Set(domains).size).toBe(1000);
  for (const [name, stack] of Object.entries(stacks)) {
    expect((stack as unknown as { terraform: { backend: unknown } }).terraform.backend).toEqual({
      s3: { bucket: 'example-terraform-state', region: 'eu-west-1', key: `cloudmail-mx/${name}.tfstate`, encrypt: true, use_lockfile: true },
    });
  }
});

test('examples/fleet/mail-domains.json is what its generator writes', () => {
  const { generatedFleetFile } = require(join(examplesDir, 'fleet', 'generate-domains.ts')) as typeof import('../examples/fleet/generate-domains');
  expect(readFileSync(join(examplesDir, 'fleet', 'mail-domains.json'), 'utf8')).toBe(generatedFleetFile(1000, 8));
});
