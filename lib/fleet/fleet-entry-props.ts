import { CloudMail } from '../cloudmail/cloudmail';
import { CloudMailMxProps } from '../cloudmail-mx';
import { DnsTarget } from '../targets/dns-target';
import { FleetEntry } from './fleet-entry';
import { DnsProvider } from '../targets/dns-provider';

/** The one place a fleet entry becomes CloudMailMx props. */
export function fleetEntryProps(entry: FleetEntry): CloudMailMxProps {
  return {
    domain: entry.domain,
    target: entry.provider === DnsProvider.CLOUDFLARE
      ? DnsTarget.cloudflare({ zoneId: entry.zoneId, enterpriseZone: entry.enterpriseZone })
      : DnsTarget.route53({ zoneId: entry.zoneId }),
    servers: CloudMail.servers({ backups: [...entry.backups] }),
    ttl: entry.ttl,
    legacy: entry.legacy && { servers: entry.legacy.servers.map((server) => ({ ...server })), policy: entry.legacy.policy },
    rollout: entry.rollout,
  };
}

/**
 * The fleet-file field a CloudMailMx reason is about: `servers[2].hostName`
 * is `backups[1].hostName` (servers[0] is mx1), `target.zoneId` is `zoneId`.
 */
export function fleetProperty(property: string): string {
  if (property === 'target.zoneId') return 'zoneId';
  const server = /^servers\[(\d+)\](.*)$/.exec(property);
  if (server !== null && Number(server[1]) > 0) return `backups[${Number(server[1]) - 1}]${server[2] === '.hostName' ? '' : server[2]}`;
  return property === 'servers' ? 'backups' : property;
}

/** A CloudMailMx problem in fleet-file terms: `repeats servers[2]` names `backups[1]`, and servers[0] is the mx1 record the fleet adds itself. */
export function fleetProblemText(problem: string): string {
  return problem.replace(/\bservers\[(\d+)\]/g, (_match, index: string) => (index === '0' ? 'the mx1.cloudaccess.net record the fleet adds' : `backups[${Number(index) - 1}]`));
}
