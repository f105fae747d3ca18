import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeDnsName } from '../model/dns-name';
import { compareMxRecords, MxServer, NULL_MX_HOST } from '../model/mx-server';

/** The DNS providers whose MX resources the reader understands. */
export enum SynthProvider {
  CLOUDFLARE = 'cloudflare',
  ROUTE53 = 'route53',
}

/** One domain's MX set as a synthesized stack will publish it. */
export interface SynthesizedMxSet {
  /** The stack directory name under `stacks/`. */
  readonly stack: string;
  readonly provider: SynthProvider;
  /** The zone ID as written (may be a Terraform reference). */
  readonly zoneId: string;
  /** Lowercase, no trailing dot. */
  readonly domain: string;
  /** Seconds; undefined when the TTL is only known at apply time. */
  readonly ttl?: number;
  /** Sorted by priority, then host; hosts lowercase without trailing dot, "." for a null MX. */
  readonly records: readonly MxServer[];
}

interface TerraformResources {
  readonly cloudflare_dns_record?: Record<string, Record<string, unknown>>;
  readonly aws_route53_record?: Record<string, Record<string, unknown>>;
}

/**
 * Reads `<outdir>/stacks/<stack>/cdk.tf.json` of a `cdktf synth` and returns
 * every MX set in it, per stack in domain order: one per Cloudflare (zone, name) group of
 * `cloudflare_dns_record`s, and one per `aws_route53_record` of type MX.
 */
export function readSynthOutput(outdir: string): SynthesizedMxSet[] {
  const stacksDir = join(outdir, 'stacks');
  if (!existsSync(stacksDir)) {
    throw new Error(`${outdir} has no stacks/ folder, so it is not the output of cdktf synth. Fix: run "npx cdktf synth" (or npm run synth) and pass its output folder, usually cdktf.out.`);
  }
  return readdirSync(stacksDir).sort().flatMap((stack) => {
    const file = join(stacksDir, stack, 'cdk.tf.json');
    if (!existsSync(file)) return [];
    const resources = (JSON.parse(readFileSync(file, 'utf8')) as { resource?: TerraformResources }).resource ?? {};
    return [...cloudflareSets(stack, resources), ...route53Sets(stack, resources)].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  });
}

function cloudflareSets(stack: string, resources: TerraformResources): SynthesizedMxSet[] {
  const groups = new Map<string, { zoneId: string; domain: string; ttl?: number; records: MxServer[] }>();
  for (const resource of Object.values(resources.cloudflare_dns_record ?? {})) {
    if (resource.type !== 'MX') continue;
    const zoneId = String(resource.zone_id);
    const domain = toName(resource.name);
    const group = groups.get(`${zoneId} ${domain}`) ?? { zoneId, domain, ttl: toTtl(resource.ttl), records: [] };
    group.records.push({ hostName: toName(resource.content), priority: Number(resource.priority) });
    groups.set(`${zoneId} ${domain}`, group);
  }
  return [...groups.values()].map((group) => ({ stack, provider: SynthProvider.CLOUDFLARE, ...group, records: group.records.sort(compareMxRecords) }));
}

function route53Sets(stack: string, resources: TerraformResources): SynthesizedMxSet[] {
  return Object.values(resources.aws_route53_record ?? {}).filter((resource) => resource.type === 'MX').map((resource) => ({
    stack,
    provider: SynthProvider.ROUTE53,
    zoneId: String(resource.zone_id),
    domain: toName(resource.name),
    ttl: toTtl(resource.ttl),
    records: (Array.isArray(resource.records) ? resource.records : []).map((value) => {
      const [priority, host] = String(value).trim().split(/\s+/);
      return { hostName: toName(host), priority: Number(priority) };
    }).sort(compareMxRecords),
  }));
}

/** The canonical form of a name; a value that is not a valid name is kept lowercased, for the checker to report. */
function toName(value: unknown): string {
  const text = String(value ?? '');
  if (text === NULL_MX_HOST) return NULL_MX_HOST;
  return normalizeDnsName(text, { property: 'name' }).name ?? text.toLowerCase();
}

function toTtl(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
