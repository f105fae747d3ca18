/** One MX record as the user declares it. */
export interface MxServer {
  /** The mail host, e.g. `mx1.cloudaccess.net`. Case and a trailing dot do not matter. */
  readonly hostName: string;
  /** The MX preference, 0-65535; the lowest value is tried first. */
  readonly priority: number;
  /**
   * The provider's ID of a record that already exists outside Terraform,
   * to import rather than create, for targets that import record by record
   * (Cloudflare: `<zone_id>/<record_id>`). Used by legacy records and when a
   * `CloudMailMx` adopts its records (`adopt: true`).
   * @default - none: the record is created (or, for Route53, the whole RRset is imported)
   */
  readonly importId?: string;
}

/** One MX record after validation: lowercase ASCII host without trailing dot (the root is `.`). */
export interface MxRecord {
  readonly hostName: string;
  readonly priority: number;
  /**
   * The provider's ID of an existing record this one takes over, for targets
   * that import record by record (Cloudflare: `<zone_id>/<record_id>`).
   * @default - a new record is created
   */
  readonly importId?: string;
}

/** A validated, normalized MX RRset: what every provider adapter receives. */
export interface MxRecordSet {
  /** Lowercase ASCII domain without trailing dot. */
  readonly domain: string;
  /** TTL in seconds, already checked against the target's range. */
  readonly ttl: number;
  /** Sorted by priority, then host name. */
  readonly records: MxRecord[];
  /**
   * The RRset already exists outside Terraform and is taken over, for
   * targets that import a whole RRset (Route53, Google Cloud DNS, Azure DNS, RFC 2136).
   * @default false
   */
  readonly takeOverExisting?: boolean;
}

/** RFC 7505 null MX target: "this domain accepts no mail". */
export const NULL_MX_HOST = '.';

/** Orders records by priority, then host, which is the order providers without priorities need. */
export function compareMxRecords(a: MxRecord, b: MxRecord): number {
  return a.priority - b.priority || (a.hostName < b.hostName ? -1 : a.hostName > b.hostName ? 1 : 0);
}
