import { IConstruct } from 'constructs';
import { ValidationReason } from './model/validation-reason';
import { DnsTargetCapabilities } from './targets/dns-target-capabilities';

/** Which construct manages each (zone, domain) in an app. */
const claimsByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Two constructs writing the MX set of one domain in one zone would fight
 * over it on every apply, so the second is refused. The key is the
 * provider and zone, not the provider's display name: an Enterprise and a
 * plain Cloudflare target of the same zone are the same records. The same
 * domain in two zones (two providers serving it) is fine.
 */
function claimKey(domain: string, capabilities: DnsTargetCapabilities): string {
  return `${capabilities.zone ?? capabilities.providerName} ${domain}`;
}

function claimsOf(scope: IConstruct): Map<string, string> {
  const claims = claimsByApp.get(scope.node.root) ?? new Map<string, string>();
  claimsByApp.set(scope.node.root, claims);
  return claims;
}

/** The reason `scope` may not manage `domain` in the target's zone, if another construct already does. */
export function claimConflict(scope: IConstruct, domain: string, capabilities: DnsTargetCapabilities, writtenAs: unknown = domain): ValidationReason[] {
  const owner = claimsOf(scope).get(claimKey(domain, capabilities));
  if (owner === undefined || owner === scope.node.path) return [];
  const where = capabilities.zone === undefined ? `on ${capabilities.providerName}` : `in zone ${capabilities.zone}`;
  return [{ property: 'domain', value: writtenAs, problem: `is already managed ${where} by ${owner}`, fix: 'manage each domain with one construct: merge the two server lists into one' }];
}

/** Records that `scope` manages `domain` in the target's zone; called only once the construct is valid, so a failed attempt claims nothing. */
export function claimDomain(scope: IConstruct, domain: string, capabilities: DnsTargetCapabilities): void {
  claimsOf(scope).set(claimKey(domain, capabilities), scope.node.path);
}
