import { Construct } from 'constructs';
import { MxRecordSet, NULL_MX_HOST } from './model/mx-server';
import { DEFAULT_MX_TTL } from './mx-records';
import { publishMxRecords } from './publish-mx-records';
import { IDnsTarget } from './targets/dns-target-adapter';

/** Props for {@link NullMx}. */
export interface NullMxProps {
  /** The domain that accepts no mail, e.g. `static.example.com`. */
  readonly domain: string;
  /** The DNS provider and zone to write to. */
  readonly target: IDnsTarget;
  /**
   * TTL of the record, in seconds.
   * @default 3600
   */
  readonly ttl?: number;
}

/** RFC 7505 null MX, `0 .`: senders learn at once that this domain receives no mail. */
export class NullMx extends Construct {
  /** The record as written. */
  public readonly recordSet: MxRecordSet;

  constructor(scope: Construct, id: string, props: NullMxProps) {
    super(scope, id);
    this.recordSet = publishMxRecords(this, {
      domain: props.domain,
      target: props.target,
      servers: [{ hostName: NULL_MX_HOST, priority: 0 }],
      ttl: props.ttl ?? DEFAULT_MX_TTL,
    });
  }
}
