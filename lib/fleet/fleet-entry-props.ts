import { CloudMail } from '../cloudmail/cloudmail';
import { CloudMailMxProps } from '../cloudmail-mx';
import { DnsTarget } from '../targets/dns-target';
import { FleetEntry, FleetProvider } from './fleet-entry';

/**
 * The one place a fleet entry becomes CloudMailMx props. `entry.legacy` and
 * `entry.rollout` are validated and carried, and passed on here once
 * CloudMailMx accepts them (issue 3).
 */
export function fleetEntryProps(entry: FleetEntry): CloudMailMxProps {
  return {
    domain: entry.domain,
    target: entry.provider === FleetProvider.CLOUDFLARE
      ? DnsTarget.cloudflare({ zoneId: entry.zoneId, enterpriseZone: entry.enterpriseZone })
      : DnsTarget.route53({ zoneId: entry.zoneId }),
    servers: CloudMail.servers({ backups: [...entry.backups] }),
    ttl: entry.ttl,
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
