import { MaintenanceWindow } from '../rollout/maintenance-window';
import { LegacyPolicy, RolloutStage } from '../rollout/rollout-stage';
import { DnsProvider } from '../targets/dns-provider';

/** One MX record a domain publishes today. */
export interface FleetLegacyServer {
  /** The old mail host, e.g. `mail.oldhost.net`. */
  readonly hostName: string;
  /** Its MX preference, 0-65535. */
  readonly priority: number;
  /**
   * The provider's import ID of the existing record (Cloudflare: `<zone_id>/<record_id>`).
   * @default - none
   */
  readonly importId?: string;
}

/** The MX records a domain publishes today, and what to do with them. */
export interface FleetLegacy {
  /** The old records. */
  readonly servers: FleetLegacyServer[];
  /**
   * Delete or demote them (`"delete"` / `"demote"` in the file).
   * @default LegacyPolicy.DELETE
   */
  readonly policy: LegacyPolicy;
}

/** Where a domain is in its staged move to CloudMail. */
export interface FleetRollout {
  /** The current stage (`"lower-ttl"`, `"cutover"`, `"complete"`, `"rollback"` in the file). */
  readonly stage: RolloutStage;
  /** TTL the old records had before the rollout, in seconds. */
  readonly previousTtl: number;
  /**
   * TTL during the rollout, in seconds.
   * @default - CloudMailMx's default (300)
   */
  readonly rolloutTtl?: number;
  /**
   * Seconds from cutover to completion.
   * @default - CloudMailMx's default (72 h)
   */
  readonly soak?: number;
  /**
   * When CUTOVER and COMPLETE may be applied (`{"days": ["saturday"], "startUtc": "22:00", "endUtc": "06:00"}` in the file).
   * @default - any time
   */
  readonly window?: MaintenanceWindow;
}

/** One domain of a fleet file, checked against the schema. */
export interface FleetEntry {
  /** Position in the file's `domains` list, for messages. */
  readonly index: number;
  /** The domain as written in the file. */
  readonly domain: string;
  /** The provider holding its zone. */
  readonly provider: DnsProvider;
  /** The zone ID on that provider. */
  readonly zoneId: string;
  /**
   * Backup mail hosts after mx1.cloudaccess.net, in order.
   * @default - none
   */
  readonly backups: string[];
  /**
   * TTL of the CloudMail records, in seconds.
   * @default 3600
   */
  readonly ttl?: number;
  /**
   * Cloudflare Enterprise zone (allows TTL 30).
   * @default false
   */
  readonly enterpriseZone: boolean;
  /**
   * The old records to take over.
   * @default - none
   */
  readonly legacy?: FleetLegacy;
  /**
   * The staged rollout.
   * @default - none
   */
  readonly rollout?: FleetRollout;
}

/** A whole fleet file, checked against the schema. */
export interface FleetDefinition {
  /** Where it was read from (a file path), for messages. */
  readonly source: string;
  /** Fixed number of shards per provider; changing it moves domains between stacks (see docs/scale.md). */
  readonly shards: number;
  /** The domains, in file order. */
  readonly domains: FleetEntry[];
}
