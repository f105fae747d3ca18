import { DnsProvider } from '../../lib/targets/dns-provider';
import { DiscoveryReport, DiscoveryState, DomainDiscovery, UNKNOWN_PROVIDER } from './domain-discovery';
import { HOSTED_ZONE_ID_PLACEHOLDER, ZONE_ID_PLACEHOLDER } from './render-discovery-ts';

/** The `--format fleet` output: entries to paste into a fleet file's `domains`, and why the other domains got none. */
export interface FleetRendering {
  /** A JSON array, one entry a line, in the fleet file's spelling (examples/fleet/README.md). */
  readonly entries: string;
  /** One line per domain without an entry. */
  readonly skipped: readonly string[];
}

/** Fleet entries for the domains CloudMailFleet can move: legacy or no MX, on Cloudflare or Route53. */
export function renderDiscoveryFleet(report: DiscoveryReport): FleetRendering {
  const entries: string[] = [];
  const skipped: string[] = [];
  for (const domain of report.domains) {
    const reason = skipReason(domain);
    if (reason === undefined) entries.push(JSON.stringify(fleetEntry(domain)));
    else skipped.push(`${domain.domain}: no fleet entry, ${reason}`);
  }
  return { entries: entries.length === 0 ? '[]' : `[\n  ${entries.join(',\n  ')}\n]`, skipped };
}

function skipReason(domain: DomainDiscovery): string | undefined {
  if (domain.state === DiscoveryState.ERROR) return 'it could not be read (see its findings)';
  if (domain.state === DiscoveryState.CLOUDMAIL) return 'it is already on CloudMail';
  if (domain.state === DiscoveryState.PARTIAL || domain.state === DiscoveryState.NULL_MX) return `its state is ${domain.state} (see its findings)`;
  if (domain.provider === UNKNOWN_PROVIDER) return 'its DNS provider is neither Cloudflare nor Route53 (see its findings)';
  return undefined;
}

/** The fleet file spells policies and stages in kebab case (lib/fleet/fleet-schema.ts); FleetFile loads this as it stands. */
function fleetEntry(domain: DomainDiscovery): Record<string, unknown> {
  const zoneId = domain.provider === DnsProvider.CLOUDFLARE ? domain.cloudflare?.zoneId ?? ZONE_ID_PLACEHOLDER : HOSTED_ZONE_ID_PLACEHOLDER;
  const entry: Record<string, unknown> = { domain: domain.domain, provider: domain.provider, zoneId };
  if (domain.legacy.length === 0) return entry;
  return {
    ...entry,
    legacy: { servers: domain.legacy.map(({ hostName, priority, importId }) => ({ hostName, priority, importId })), policy: 'delete' },
    rollout: { stage: 'lower-ttl', previousTtl: domain.previousTtl },
  };
}
