import { DnsProvider } from '../../lib/targets/dns-provider';
import { ServerReport } from '../check/check-domain';
import { DomainStatus, Finding } from '../check/finding';

/** Where a domain stands before its move to CloudMail. */
export enum DiscoveryState {
  /** Only records that do not point at CloudMail: a move to plan. */
  LEGACY = 'legacy',
  /** CloudMail records and others. */
  PARTIAL = 'partial',
  /** Only CloudMail records: nothing to migrate. */
  CLOUDMAIL = 'cloudmail',
  /** The RFC 7505 null MX "0 .": the domain accepts no mail. */
  NULL_MX = 'null-mx',
  /** No MX records at all. */
  NO_MX = 'no-mx',
  /** A server could not be read, so the picture is incomplete. */
  ERROR = 'error',
}

/** The provider a domain's name servers belong to. */
export type DetectedProvider = DnsProvider | typeof UNKNOWN_PROVIDER;
export const UNKNOWN_PROVIDER = 'unknown';

/** The fixed finding codes of `cloudmail-mx discover`. */
export enum DiscoveryFindingCode {
  SERVERS_DISAGREE = 'SERVERS_DISAGREE',
  PARTIAL = 'PARTIAL',
  NULL_MX = 'NULL_MX',
  TTL_FROM_RESOLVER = 'TTL_FROM_RESOLVER',
  PROVIDER_UNKNOWN = 'PROVIDER_UNKNOWN',
  CLOUDFLARE_API_ERROR = 'CLOUDFLARE_API_ERROR',
  CLOUDFLARE_ZONE_MISMATCH = 'CLOUDFLARE_ZONE_MISMATCH',
  CLOUDFLARE_DNS_MISMATCH = 'CLOUDFLARE_DNS_MISMATCH',
  NXDOMAIN = 'NXDOMAIN',
  TIMEOUT = 'TIMEOUT',
  SERVFAIL = 'SERVFAIL',
  UNREACHABLE = 'UNREACHABLE',
  LAME_DELEGATION = 'LAME_DELEGATION',
  REFERRAL = 'REFERRAL',
  NS_NO_ADDRESS = 'NS_NO_ADDRESS',
}

/** One thing to know before the move; severities as in `check`: error means the domain could not be read. */
export type DiscoveryFinding = Finding<DiscoveryFindingCode>;

/** A live record that does not point at CloudMail, to be taken over by the LOWER_TTL stage. */
export interface DiscoveredLegacyRecord {
  readonly hostName: string;
  readonly priority: number;
  /**
   * Cloudflare's `<zone_id>/<record_id>`, from the API.
   * @default - unknown: no --cloudflare-zone, or the API does not list the record
   */
  readonly importId?: string;
}

/** One MX record as the Cloudflare API lists it. */
export interface CloudflareMxRecord {
  readonly id: string;
  /** Lowercase, no trailing dot; "." for a null MX. */
  readonly hostName: string;
  readonly priority: number;
  /** Seconds; 1 means automatic. */
  readonly ttl: number;
}

/** One domain, in the `--format json` shape. */
export interface DomainDiscovery {
  readonly domain: string;
  readonly state: DiscoveryState;
  /** The worst finding's severity, or ok: what the exit code is computed from. */
  readonly status: DomainStatus;
  readonly provider: DetectedProvider;
  /** The NS names of the zone holding the domain, as the (first) resolver sees them. */
  readonly nameServers: readonly string[];
  /** Each server asked (the authoritative ones with --authoritative), and what it served. */
  readonly servers: readonly ServerReport[];
  /**
   * With --authoritative, what the resolver served: its TTL is a floor for previousTtl.
   * @default - none: the resolvers are the servers asked
   */
  readonly resolver?: ServerReport;
  /**
   * The zone given with --cloudflare-zone, and the records its API lists for the domain.
   * @default - none: no --cloudflare-zone
   */
  readonly cloudflare?: {
    readonly zoneId: string;
    /** @default - none: the API could not be read (finding CLOUDFLARE_API_ERROR) */
    readonly records?: readonly CloudflareMxRecord[];
  };
  /** The union of the live records that are not CloudMail hosts; empty when state is error. */
  readonly legacy: readonly DiscoveredLegacyRecord[];
  /**
   * The highest TTL served for the MX set, never below the resolver's.
   * @default - none: no records were served, or state is error
   */
  readonly previousTtl?: number;
  readonly findings: readonly DiscoveryFinding[];
}

/** The result of a discovery, in the `--format json` shape. */
export interface DiscoveryReport {
  readonly domains: readonly DomainDiscovery[];
}
