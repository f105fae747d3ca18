import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeDnsName } from '../../lib/model/dns-name';
import { compareMxRecords, MxServer, NULL_MX_HOST } from '../../lib/model/mx-server';
import { gateId } from '../../lib/rollout/gate-id';
import { RolloutStage } from '../../lib/rollout/rollout-stage';
import type { MxManifestEntry } from '../../lib/mx-manifest';
import { readMxManifest } from './read-mx-manifest';
import { DnsProvider } from '../../lib/targets/dns-provider';

/** One domain's MX set as a synthesized stack will publish it. */
export interface SynthesizedMxSet {
  /** The stack directory name under `stacks/`. */
  readonly stack: string;
  readonly provider: DnsProvider;
  /** The zone ID as written (may be a Terraform reference). */
  readonly zoneId: string;
  /** Lowercase, no trailing dot. */
  readonly domain: string;
  /** Seconds; undefined when the TTL is only known at apply time. */
  readonly ttl?: number;
  /** Sorted by priority, then host; hosts lowercase without trailing dot, "." for a null MX. */
  readonly records: readonly MxServer[];
  /**
   * The path of the construct that wrote the records, from cdktf's resource metadata.
   * @default - none: the resources carry no cdktf metadata
   */
  readonly path?: string;
  /**
   * What the construct that wrote these records meant (legacy records, rollout), from the stack's manifest.
   * @default - none: the records were not written by a cloudmail-mx construct
   */
  readonly manifest?: MxManifestEntry;
  /** The rollout gates Terraform checks before it applies this set, from the stack's `terraform_data` gates. */
  readonly gates: readonly SynthesizedGate[];
}

/** A `terraform_data` gate: `stage` is refused unless one of `after` was applied last, `waitSeconds` ago, and (with a window) inside the window. */
export interface SynthesizedGate {
  readonly stage: RolloutStage;
  /** The stages that may have been applied last before it; empty when it may only start a rollout. */
  readonly after: readonly RolloutStage[];
  /** Seconds to wait after that stage was applied; 0 for none. A longer value remembered in Terraform state counts instead. */
  readonly waitSeconds: number;
  /**
   * The maintenance window, in words.
   * @default - any time of day
   */
  readonly window?: string;
}

/** synth output that cannot be read; the message says what to do. */
export class SynthOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthOutputError';
  }
}

type TerraformResource = Record<string, unknown> & { readonly '//'?: { readonly metadata?: { readonly path?: string } } };

interface TerraformResources {
  readonly cloudflare_dns_record?: Record<string, TerraformResource>;
  readonly aws_route53_record?: Record<string, TerraformResource>;
  readonly google_dns_record_set?: Record<string, TerraformResource>;
  readonly azurerm_dns_mx_record?: Record<string, TerraformResource>;
  readonly dns_mx_record_set?: Record<string, TerraformResource>;
  readonly terraform_data?: Record<string, TerraformResource>;
}

interface StackJson {
  readonly '//'?: Record<string, unknown>;
  readonly resource?: TerraformResources;
}

/** An MX set before the manifest and gates are attached, with the construct paths of its resources. */
type MxSetResources = Omit<SynthesizedMxSet, 'manifest' | 'gates'> & { readonly resourcePaths: readonly string[] };

/**
 * Reads `<outdir>/stacks/<stack>/cdk.tf.json` of a `cdktf synth` and returns
 * every MX set in it, per stack in domain order: one per Cloudflare (zone, name) group of
 * `cloudflare_dns_record`s, one per `aws_route53_record` and `google_dns_record_set`
 * of type MX, and one per `azurerm_dns_mx_record` and `dns_mx_record_set`.
 */
export function readSynthOutput(outdir: string): SynthesizedMxSet[] {
  const stacksDir = join(outdir, 'stacks');
  if (!existsSync(stacksDir)) {
    throw new SynthOutputError(`${outdir} has no stacks/ folder, so it is not the output of cdktf synth. Fix: run "npx cdktf synth" (or npm run synth) and pass its output folder, usually cdktf.out.`);
  }
  return synthesizedStacks(outdir).flatMap((stack) => {
    const stackJson = parseStack(join(stacksDir, stack, 'cdk.tf.json'));
    const resources = stackJson.resource ?? {};
    const manifest = new Map(readMxManifest(stackJson).map((entry) => [entry.path, entry]));
    const gatesByPath = new Map(Object.values(resources.terraform_data ?? {}).map((resource) => [resourcePath(resource), resource]));
    return [...cloudflareSets(stack, resources), ...route53Sets(stack, resources), ...googleSets(stack, resources), ...azureSets(stack, resources), ...rfc2136Sets(stack, resources)]
      .map(({ resourcePaths, ...set }) => withIntent(set, resourcePaths, manifest, gatesByPath))
      .sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  });
}

/**
 * The stacks a finished synth wrote, sorted. The core writes manifest.json
 * last, after every stack, so a synth that failed (or is still running) has
 * none, and its stacks/ folder may hold nothing or stale files: reading it
 * would report domains as gone, or not changed.
 */
function synthesizedStacks(outdir: string): string[] {
  const file = join(outdir, 'manifest.json');
  if (!existsSync(file)) {
    throw new SynthOutputError(`${outdir} has no manifest.json, so its synth did not finish: it failed, or is still running. Fix: run "npx cdktf synth" again and fix the errors it prints.`);
  }
  const stacks = Object.keys((parseJsonFile(file) as { stacks?: Record<string, unknown> }).stacks ?? {}).sort();
  if (stacks.length === 0) {
    throw new SynthOutputError(`${outdir} holds no stack: the app synthesized nothing. Fix: check that the app creates its stacks and calls app.synth(), then run "npx cdktf synth" again.`);
  }
  const missing = stacks.filter((stack) => !existsSync(join(outdir, 'stacks', stack, 'cdk.tf.json')));
  if (missing.length > 0) {
    throw new SynthOutputError(`${outdir}/manifest.json lists ${missing.join(', ')}, but stacks/ has no cdk.tf.json for ${missing.length === 1 ? 'it' : 'them'}, so the synth output is incomplete. Fix: run "npx cdktf synth" again (without --hcl: the JSON output is what is read).`);
  }
  return stacks;
}

function parseStack(file: string): StackJson {
  const parsed = parseJsonFile(file);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SynthOutputError(`${file} does not hold a Terraform JSON object, so the synth output is damaged. Fix: run "npx cdktf synth" again.`);
  }
  return parsed as StackJson;
}

function parseJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SynthOutputError(`${file} is not valid JSON (${(error as Error).message}), so the synth output is damaged. Fix: run "npx cdktf synth" again (without --hcl: the JSON output is what is read).`);
  }
}

/** Attaches the manifest entry of the construct that owns the set's resources, and that construct's gates. */
function withIntent(set: Omit<MxSetResources, 'resourcePaths'>, resourcePaths: readonly string[], manifest: ReadonlyMap<string, MxManifestEntry>, gatesByPath: ReadonlyMap<string, TerraformResource>): SynthesizedMxSet {
  // Records are direct children of the construct that wrote them.
  const path = resourcePaths.map((resource) => resource.slice(0, resource.lastIndexOf('/'))).find((parent) => parent !== '');
  const entry = path === undefined ? undefined : manifest.get(path);
  if (entry === undefined) return { ...set, path, gates: [] };
  const gates = Object.values(RolloutStage).flatMap((stage): SynthesizedGate[] => {
    const input = gatesByPath.get(`${entry.path}/rollout/${gateId(stage)}`)?.input as { after?: unknown; wait_seconds?: unknown; window?: unknown } | undefined;
    if (input === undefined || typeof input.wait_seconds !== 'number') return [];
    const after = Array.isArray(input.after) ? input.after.filter((previous): previous is RolloutStage => Object.values(RolloutStage).includes(previous)) : [];
    return [{ stage, after, waitSeconds: input.wait_seconds, ...(typeof input.window === 'string' && { window: input.window }) }];
  });
  return { ...set, path, manifest: entry, gates };
}

function resourcePath(resource: TerraformResource): string {
  return resource['//']?.metadata?.path ?? '';
}

function cloudflareSets(stack: string, resources: TerraformResources): MxSetResources[] {
  const groups = new Map<string, { zoneId: string; domain: string; ttl?: number; records: MxServer[]; resourcePaths: string[] }>();
  for (const resource of Object.values(resources.cloudflare_dns_record ?? {})) {
    if (resource.type !== 'MX') continue;
    const zoneId = String(resource.zone_id);
    const domain = toName(resource.name);
    const group = groups.get(`${zoneId} ${domain}`) ?? { zoneId, domain, ttl: toTtl(resource.ttl), records: [], resourcePaths: [] };
    group.records.push({ hostName: toName(resource.content), priority: Number(resource.priority) });
    group.resourcePaths.push(resourcePath(resource));
    groups.set(`${zoneId} ${domain}`, group);
  }
  return [...groups.values()].map((group) => ({ stack, provider: DnsProvider.CLOUDFLARE, ...group, records: group.records.sort(compareMxRecords) }));
}

function route53Sets(stack: string, resources: TerraformResources): MxSetResources[] {
  return Object.values(resources.aws_route53_record ?? {}).filter((resource) => resource.type === 'MX').map((resource) => ({
    stack,
    provider: DnsProvider.ROUTE53,
    zoneId: String(resource.zone_id),
    domain: toName(resource.name),
    ttl: toTtl(resource.ttl),
    records: fromMxValues(resource.records),
    resourcePaths: [resourcePath(resource)],
  }));
}

/** The zone ID is the managed zone, prefixed by `<project>/` when the resource names its project. */
function googleSets(stack: string, resources: TerraformResources): MxSetResources[] {
  return Object.values(resources.google_dns_record_set ?? {}).filter((resource) => resource.type === 'MX').map((resource) => ({
    stack,
    provider: DnsProvider.GOOGLE_CLOUD_DNS,
    zoneId: resource.project === undefined ? String(resource.managed_zone) : `${String(resource.project)}/${String(resource.managed_zone)}`,
    domain: toName(resource.name),
    ttl: toTtl(resource.ttl),
    records: fromMxValues(resource.rrdatas),
    resourcePaths: [resourcePath(resource)],
  }));
}

/** The zone ID is `<resource group>/<zone>`; the name is relative to the zone, `@` at the apex. */
function azureSets(stack: string, resources: TerraformResources): MxSetResources[] {
  return Object.values(resources.azurerm_dns_mx_record ?? {}).map((resource) => {
    const zone = String(resource.zone_name);
    const name = String(resource.name ?? '@');
    return {
      stack,
      provider: DnsProvider.AZURE_DNS,
      zoneId: `${String(resource.resource_group_name)}/${zone}`,
      domain: toName(name === '@' ? zone : `${name}.${zone}`),
      ttl: toTtl(resource.ttl),
      records: fromMxBlocks(resource.record),
      resourcePaths: [resourcePath(resource)],
    };
  });
}

/** The zone ID is the zone with its trailing dot; the name is relative to it, absent at the apex. */
function rfc2136Sets(stack: string, resources: TerraformResources): MxSetResources[] {
  return Object.values(resources.dns_mx_record_set ?? {}).map((resource) => {
    const zone = String(resource.zone);
    return {
      stack,
      provider: DnsProvider.RFC2136,
      zoneId: zone,
      domain: toName(resource.name === undefined ? zone : `${String(resource.name)}.${zone}`),
      ttl: toTtl(resource.ttl),
      records: fromMxBlocks(resource.mx),
      resourcePaths: [resourcePath(resource)],
    };
  });
}

/** Records written as `"10 host."` values (Route53, Google). */
function fromMxValues(values: unknown): MxServer[] {
  return (Array.isArray(values) ? values : []).map((value) => {
    const [priority, host] = String(value).trim().split(/\s+/);
    return { hostName: toName(host), priority: Number(priority) };
  }).sort(compareMxRecords);
}

/** Records written as `{ preference, exchange }` blocks (Azure's preference is a string). */
function fromMxBlocks(blocks: unknown): MxServer[] {
  return (Array.isArray(blocks) ? blocks : []).map((block: { preference?: unknown; exchange?: unknown }) => ({
    hostName: toName(block.exchange),
    priority: Number(block.preference),
  })).sort(compareMxRecords);
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
