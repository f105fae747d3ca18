import { DnsProvider } from '../../lib/targets/dns-provider';
import { askResolvers, Resolvers } from '../check/resolvers';
import { DetectedProvider, UNKNOWN_PROVIDER } from './domain-discovery';

/** Cloudflare assigns each zone two of its `<name>.ns.cloudflare.com` servers. */
const CLOUDFLARE_NAME_SERVER = /\.ns\.cloudflare\.com$/;
/** Route53 delegation sets are four `ns-<n>.awsdns-<nn>.<com|net|org|co.uk>` servers. */
const ROUTE53_NAME_SERVER = /^ns-\d+\.awsdns-\d+\./;

/** The provider every name server belongs to; unknown when there are none, or they are another's or a mix. */
export function providerOf(nameServers: readonly string[]): DetectedProvider {
  if (nameServers.length > 0 && nameServers.every((name) => CLOUDFLARE_NAME_SERVER.test(name))) return DnsProvider.CLOUDFLARE;
  if (nameServers.length > 0 && nameServers.every((name) => ROUTE53_NAME_SERVER.test(name))) return DnsProvider.ROUTE53;
  return UNKNOWN_PROVIDER;
}

/**
 * The NS names of the zone that holds `domain`, the closest enclosing name
 * that has NS records, as the resolver sees them; empty when they cannot be
 * read (the MX lookups report why).
 */
export async function lookUpNameServerNames(resolvers: Resolvers, domain: string): Promise<string[]> {
  for (let name = domain; name.includes('.'); name = name.slice(name.indexOf('.') + 1)) {
    const { result } = await askResolvers(resolvers, { name, type: 'NS' });
    if (result.kind !== 'answered' || result.response.rcode !== 'NOERROR') return [];
    const names = result.response.answers.flatMap((answer) => (answer.type === 'NS' && answer.name === name ? [answer.value] : []));
    if (names.length > 0) return [...new Set(names)].sort();
  }
  return [];
}
