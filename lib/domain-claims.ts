import { Construct, IConstruct } from 'constructs';
import { ValidationReason } from './model/validation-reason';

/** Which construct manages each (provider, domain) in an app. */
const claimsByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Claims a domain on a provider for `scope`. Two constructs writing the MX
 * set of one domain on one provider would fight over it on every apply, so
 * the second one is refused; the same domain on two providers (a
 * multi-provider setup) is fine.
 */
export function claimDomain(scope: Construct, domain: string, providerName: string, writtenAs: unknown = domain): ValidationReason[] {
  const claims = claimsByApp.get(scope.node.root) ?? new Map<string, string>();
  claimsByApp.set(scope.node.root, claims);
  const key = `${providerName} ${domain}`;
  const owner = claims.get(key);
  if (owner !== undefined && owner !== scope.node.path) {
    return [{ property: 'domain', value: writtenAs, problem: `is already managed on ${providerName} by ${owner}`, fix: 'manage each domain with one construct: merge the two server lists into one' }];
  }
  claims.set(key, scope.node.path);
  return [];
}
