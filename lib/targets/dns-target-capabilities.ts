import { Token } from 'cdktf';
import { ValidationReason } from '../model/validation-reason';

/** How a provider's existing, unmanaged MX records are taken over by Terraform. */
export enum TakeoverMode {
  /** Each record is imported by its own ID, which the user supplies (Cloudflare). */
  IMPORT_EACH_RECORD = 'IMPORT_EACH_RECORD',
  /** The whole RRset is imported by an ID derived from zone and name (Route53, Google Cloud DNS, Azure DNS, RFC 2136). */
  IMPORT_RRSET = 'IMPORT_RRSET',
}

/** A TTL value a provider reads as "automatic", and how long that really is. */
export interface AutomaticTtl {
  /** The value written, e.g. Cloudflare's 1. */
  readonly value: number;
  /** The TTL resolvers actually get, in seconds (Cloudflare: 300). */
  readonly seconds: number;
}

/** The TTLs a provider accepts: a range, plus single values outside it (Cloudflare's 1 = automatic). */
export interface TtlRange {
  /** Lowest TTL of the range, in seconds. */
  readonly min: number;
  /** Highest TTL of the range, in seconds. */
  readonly max: number;
  /**
   * Values accepted outside the range.
   * @default - none
   */
  readonly alsoAllowed?: number[];
  /**
   * A value that means "automatic" rather than a number of seconds; waits
   * computed from a TTL use its real length.
   * @default - none: every TTL is a number of seconds
   */
  readonly automatic?: AutomaticTtl;
}

/**
 * What a DNS provider can hold, declared by its adapter (octodns' SUPPORTS_*).
 * The construct fits the record set to these before the adapter sees it.
 */
export interface DnsTargetCapabilities {
  /** Human name used in messages, e.g. "Cloudflare". */
  readonly providerName: string;
  /** TTLs the provider accepts. */
  readonly ttl: TtlRange;
  /** Whether host names are written with a trailing dot. */
  readonly trailingDot: boolean;
  /**
   * How many MX records the provider holds for one name.
   * @default - no limit
   */
  readonly maxRecords?: number;
  /**
   * Whether the provider stores numeric priorities. Without them, records
   * are handed over in priority order.
   * @default true
   */
  readonly supportsPriority?: boolean;
  /**
   * How existing records are taken over (for `legacy` records).
   * @default - the target cannot take over existing records
   */
  readonly takeover?: TakeoverMode;
  /**
   * The zone this target writes to, as `<provider>/<zone id>`: one MX
   * construct per domain and zone is allowed in an app.
   * @default - the providerName: one MX construct per domain and provider
   */
  readonly zone?: string;
  /**
   * What every `importId` of a record in this zone starts with (Cloudflare:
   * `<zone id>/`). An ID of another zone would import, and then rewrite, a
   * record there.
   * @default - import IDs are not checked against the zone
   */
  readonly importIdPrefix?: string;
  /**
   * What to do to take over existing records, when `takeover` is absent
   * because a setting of the target is missing.
   * @default - use a target that declares `takeover`
   */
  readonly takeoverFix?: string;
  /**
   * The provider replaces the whole record set (delete, then create) when
   * its TTL changes, leaving the name without MX records in between; a
   * staged rollout there must publish one TTL in every stage.
   * @default false
   */
  readonly ttlChangeReplacesSet?: boolean;
}

/** How long a TTL lasts in seconds: the provider's automatic value stands for its real length. */
export function ttlSeconds(ttl: number, capabilities: DnsTargetCapabilities): number {
  const automatic = capabilities.ttl.automatic;
  return automatic !== undefined && ttl === automatic.value ? automatic.seconds : ttl;
}

/** Reasons `ttl` does not fit the target, or none. */
export function validateTtl(ttl: unknown, capabilities: DnsTargetCapabilities, property = 'ttl'): ValidationReason[] {
  const { min, max, alsoAllowed = [] } = capabilities.ttl;
  // Token-encoded numbers are never integers in range, so the token check is only needed for the message.
  const valid = typeof ttl === 'number' && Number.isInteger(ttl) && ((ttl >= min && ttl <= max) || alsoAllowed.includes(ttl));
  if (valid) return [];
  const allowed = [...alsoAllowed.map(String), `${min}-${max}`].join(', or ');
  if (typeof ttl === 'number' && Token.isUnresolved(ttl)) {
    return [{ property, value: ttl, problem: 'is a token that is only known at deploy time', fix: `give the TTL as a literal number (${allowed})` }];
  }
  return [{ property, value: ttl, problem: `is not a TTL ${capabilities.providerName} accepts`, fix: `use a whole number of seconds: ${allowed}` }];
}
