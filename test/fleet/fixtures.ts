import { App, Testing } from 'cdktf';
import { CloudMailFleet, CloudMailFleetProps, FleetDefinition, FleetFile } from '../../lib';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE } from '../harness';

/** A valid Cloudflare entry for `domain`, with `extra` fields on top. */
export function cloudflareEntry(domain: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { domain, provider: 'cloudflare', zoneId: CLOUDFLARE_ZONE, ...extra };
}

/** A valid Route53 entry for `domain`, with `extra` fields on top. */
export function route53Entry(domain: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { domain, provider: 'route53', zoneId: ROUTE53_ZONE, ...extra };
}

/** A checked definition of these entries. */
export function definitionOf(domains: readonly Record<string, unknown>[], shards = 4): FleetDefinition {
  return FleetFile.fromDocument({ shards, domains }, 'mail-domains.json');
}

/** A fleet built in a test app (nothing written to disk). */
export function fleetOf(domains: readonly Record<string, unknown>[], shards = 4, props: Partial<CloudMailFleetProps> = {}): CloudMailFleet {
  const app: App = Testing.app();
  return new CloudMailFleet(app, 'mail', { definition: definitionOf(domains, shards), ...props });
}
