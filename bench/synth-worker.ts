/**
 * One measurement in a fresh process: build `count` Cloudflare domains
 * (mx1.cloudaccess.net + one backup) one way, synthesize them into a temp
 * folder, print {ms, maxRssMb, records, elements, resourcesAndImports, bytes}
 * as JSON (see {@link written}). Imports
 * happen before the clock starts; the import cost is measured on its own.
 *   node synth-worker.js <arm> <count> <shards>
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, S3Backend, TerraformStack } from 'cdktf';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { CloudMail, CloudMailFleet, CloudMailMx, DnsTarget, FleetBackend, FleetFile } from '../lib';

const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
const BACKUP = 'backup1.example.net';
const BUCKET = { bucket: 'bench-state', region: 'eu-west-1' };
const domainName = (i: number) => `shop-${i}.example.com`;

/** A stack as a hand-written cdktf program has it: provider and S3 state with a lockfile. */
function rawStack(app: App, name: string): TerraformStack {
  const stack = new TerraformStack(app, name);
  new CloudflareProvider(stack, 'cloudflare', {});
  new S3Backend(stack, { ...BUCKET, key: `${name}.tfstate`, encrypt: true }).addOverride('use_lockfile', true);
  return stack;
}

/** The baseline: the same two records per domain, written by hand. */
function rawRecords(stack: TerraformStack, i: number): void {
  const name = domainName(i);
  new DnsRecord(stack, `${name}-mx1`, { zoneId: ZONE, name, type: 'MX', content: CloudMail.PRIMARY_HOST, priority: 10, ttl: 3600 });
  new DnsRecord(stack, `${name}-backup1`, { zoneId: ZONE, name, type: 'MX', content: BACKUP, priority: 20, ttl: 3600 });
}

const arms: Record<string, (app: App, count: number, shards: number) => void> = {
  'raw': (app, count) => {
    const stack = rawStack(app, 'mail');
    for (let i = 0; i < count; i++) rawRecords(stack, i);
  },
  'cloudmailmx': (app, count) => {
    const stack = rawStack(app, 'mail');
    for (let i = 0; i < count; i++) {
      new CloudMailMx(stack, domainName(i), { domain: domainName(i), target: DnsTarget.cloudflare({ zoneId: ZONE }), servers: CloudMail.servers({ backups: [BACKUP] }) });
    }
  },
  'raw-sharded': (app, count, shards) => {
    const stacks = Array.from({ length: shards }, (_, shard) => rawStack(app, `mail-${shard}`));
    for (let i = 0; i < count; i++) rawRecords(stacks[i % shards], i);
  },
  'fleet': (app, count, shards) => fleet(app, count, shards, () => ({})),
  // Every fifth domain in the middle of its move: its old record taken over, half at LOWER_TTL, half at CUTOVER.
  'fleet-migrating': (app, count, shards) => fleet(app, count, shards, (i) => (i % 5 !== 0 ? {} : {
    legacy: { servers: [{ hostName: 'mail.oldhost.example', priority: 10, importId: `${ZONE}/${i.toString(16).padStart(32, '0')}` }] },
    rollout: { stage: i % 10 === 0 ? 'lower-ttl' : 'cutover', previousTtl: 86400 },
  })),
};

function fleet(app: App, count: number, shards: number, migration: (i: number) => object): void {
  const domains = Array.from({ length: count }, (_, i) => ({ domain: domainName(i), provider: 'cloudflare', zoneId: ZONE, backups: [BACKUP], ...migration(i) }));
  new CloudMailFleet(app, 'mail', { definition: FleetFile.fromDocument({ shards, domains }, 'bench'), backend: FleetBackend.s3(BUCKET) });
}

/**
 * What the synthesized stacks hold: MX resources (`records`); every element
 * written (`elements`: resources, import blocks, locals, outputs); the
 * resources and import blocks alone (`resourcesAndImports`); and the bytes
 * of cdk.tf.json (`bytes`).
 */
function written(outdir: string): { records: number; elements: number; resourcesAndImports: number; bytes: number } {
  const totals = { records: 0, elements: 0, resourcesAndImports: 0, bytes: 0 };
  for (const stack of readdirSync(join(outdir, 'stacks'))) {
    const text = readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
    const json = JSON.parse(text);
    for (const [type, resources] of Object.entries<object>(json.resource ?? {})) {
      const count = Object.keys(resources).length;
      totals.resourcesAndImports += count;
      if (type === 'cloudflare_dns_record') totals.records += count;
    }
    totals.resourcesAndImports += (json.import ?? []).length;
    totals.elements += Object.keys(json.locals ?? {}).length + Object.keys(json.output ?? {}).length;
    totals.bytes += Buffer.byteLength(text);
  }
  return { ...totals, elements: totals.elements + totals.resourcesAndImports };
}

const [arm, count, shards] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
try {
  const start = performance.now();
  const app = new App({ outdir });
  arms[arm](app, count, shards);
  app.synth();
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...written(outdir) }));
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
