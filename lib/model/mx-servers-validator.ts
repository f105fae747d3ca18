import { isDeployTimeToken } from './deploy-time-token';
import { normalizeDnsName } from './dns-name';
import { compareMxRecords, MxRecord, MxServer, NULL_MX_HOST } from './mx-server';
import { ValidationReason } from './validation-reason';

const MAX_PRIORITY = 65535;

/** The outcome of {@link validateMxServers}: sorted records when `reasons` is empty. */
export interface ValidatedMxServers {
  readonly records: MxRecord[];
  readonly reasons: readonly ValidationReason[];
}

/** An extra check of one normalized host name, e.g. a mail vendor's typo guard. */
export type HostRule = (hostName: string, property: string, value: string) => ValidationReason[];

/**
 * Checks a user's server list against the rules every MX RRset must follow
 * (RFC 5321 / 7505), whatever the provider and whoever the mail host is.
 */
export function validateMxServers(
  servers: readonly (MxServer & { readonly importId?: string })[] | undefined,
  property = 'servers',
  hostRule?: HostRule,
): ValidatedMxServers {
  if (!Array.isArray(servers) || servers.length === 0) {
    return {
      records: [],
      reasons: [{ property, value: servers, problem: 'is empty: the domain would have no MX records', fix: 'list at least one mail server, or use NullMx to say the domain takes no mail' }],
    };
  }
  const reasons: ValidationReason[] = [];
  const records: MxRecord[] = [];
  const firstIndexOfHost = new Map<string, number>();
  servers.forEach((server, index) => {
    const at = `${property}[${index}]`;
    const host = normalizeHost(server?.hostName, `${at}.hostName`);
    reasons.push(...host.reasons);
    reasons.push(...validatePriority(server?.priority, `${at}.priority`));
    if (host.name === undefined) return;
    if (hostRule && host.name !== NULL_MX_HOST) reasons.push(...hostRule(host.name, `${at}.hostName`, server.hostName));
    const earlier = firstIndexOfHost.get(host.name);
    if (earlier !== undefined) {
      reasons.push({
        property: `${at}.hostName`,
        value: server.hostName,
        problem: `repeats ${property}[${earlier}] (both are ${host.name})`,
        fix: 'list each mail host once',
      });
      return;
    }
    firstIndexOfHost.set(host.name, index);
    records.push({ hostName: host.name, priority: server.priority, ...(server.importId !== undefined && { importId: server.importId }) });
  });
  if (firstIndexOfHost.has(NULL_MX_HOST)) reasons.push(...validateNullMxAlone(servers, property));
  return { records: reasons.length === 0 ? records.sort(compareMxRecords) : [], reasons };
}

function normalizeHost(hostName: unknown, property: string): { name?: string; reasons: readonly ValidationReason[] } {
  if (hostName === NULL_MX_HOST) return { name: NULL_MX_HOST, reasons: [] };
  return normalizeDnsName(hostName, { property, minLabels: 2 });
}

function validatePriority(priority: unknown, property: string): ValidationReason[] {
  // Token-encoded numbers are never integers in range, so the token check is only needed for the message.
  if (typeof priority === 'number' && Number.isInteger(priority) && priority >= 0 && priority <= MAX_PRIORITY) return [];
  if (typeof priority === 'number' && isDeployTimeToken(priority)) {
    return [{ property, value: priority, problem: 'is a token that is only known at deploy time', fix: 'give the priority as a literal number' }];
  }
  return [{ property, value: priority, problem: `is not an integer from 0 to ${MAX_PRIORITY}`, fix: 'use a whole number such as 10, 20, 30; lower values are tried first' }];
}

function validateNullMxAlone(servers: readonly MxServer[], property: string): ValidationReason[] {
  const index = servers.findIndex((server) => server.hostName === NULL_MX_HOST);
  const reasons: ValidationReason[] = [];
  if (servers.length > 1) {
    reasons.push({ property: `${property}[${index}].hostName`, value: NULL_MX_HOST, problem: 'is a null MX (RFC 7505) next to other mail servers', fix: 'a null MX must be the only record: remove the other servers, or remove "."' });
  }
  if (servers[index].priority !== 0) {
    reasons.push({ property: `${property}[${index}].priority`, value: servers[index].priority, problem: 'is not 0, which RFC 7505 requires for a null MX', fix: 'use priority 0, or use NullMx' });
  }
  return reasons;
}
