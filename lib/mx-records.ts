import { Construct } from 'constructs';
import { MxRecordSet, MxServer } from './model/mx-server';
import { publishMxRecords } from './publish-mx-records';
import { IDnsTarget } from './targets/dns-target-adapter';

/** The TTL every MX construct uses unless told otherwise, in seconds. */
export const DEFAULT_MX_TTL = 3600;

/** Props for {@link MxRecords}. */
export interface MxRecordsProps {
  /** The domain that receives mail, e.g. `example.com`. Case, a trailing dot and IDN are normalized. */
  readonly domain: string;
  /** The DNS provider and zone to write to, e.g. `DnsTarget.cloudflare({ zoneId })`. */
  readonly target: IDnsTarget;
  /** The mail servers; priorities 0-65535, lowest first. */
  readonly servers: MxServer[];
  /**
   * TTL of the records, in seconds.
   * @default 3600
   */
  readonly ttl?: number;
}

/** Validated, drift-free MX records for any mail host, on any {@link IDnsTarget}. */
export class MxRecords extends Construct {
  /** The records as written: normalized domain, TTL and sorted records. */
  public readonly recordSet: MxRecordSet;

  constructor(scope: Construct, id: string, props: MxRecordsProps) {
    super(scope, id);
    this.recordSet = publishMxRecords(this, { ...props, ttl: props.ttl ?? DEFAULT_MX_TTL });
  }
}
