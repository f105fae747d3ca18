import { Construct } from 'constructs';
import { CloudMail } from './cloudmail/cloudmail';
import { validateCloudMailPrimary } from './cloudmail/cloudmail-primary-rule';
import { cloudMailTypoGuard } from './cloudmail/typo-guard';
import { MxRecordSet, MxServer } from './model/mx-server';
import { DEFAULT_MX_TTL } from './mx-records';
import { publishMxRecords } from './publish-mx-records';
import { IDnsTarget } from './targets/dns-target-adapter';

/** Props for {@link CloudMailMx}. */
export interface CloudMailMxProps {
  /** The domain that receives mail, e.g. `example.com`. Case, a trailing dot and IDN are normalized. */
  readonly domain: string;
  /** The DNS provider and zone to write to, e.g. `DnsTarget.cloudflare({ zoneId })`. */
  readonly target: IDnsTarget;
  /**
   * The mail servers. mx1.cloudaccess.net must have the unique lowest priority.
   * @default CloudMail.servers() - mx1.cloudaccess.net at priority 10
   */
  readonly servers?: MxServer[];
  /**
   * TTL of the records, in seconds.
   * @default 3600
   */
  readonly ttl?: number;
}

/**
 * Points a domain's mail at CloudMail: MxRecords plus CloudMail's rules
 * (mx1.cloudaccess.net alone on top, misspelled CloudMail hosts refused).
 */
export class CloudMailMx extends Construct {
  /** The records as written: normalized domain, TTL and sorted records. */
  public readonly recordSet: MxRecordSet;

  constructor(scope: Construct, id: string, props: CloudMailMxProps) {
    super(scope, id);
    this.recordSet = publishMxRecords(
      this,
      { ...props, servers: props.servers ?? CloudMail.servers(), ttl: props.ttl ?? DEFAULT_MX_TTL },
      { hostRule: cloudMailTypoGuard, setRule: validateCloudMailPrimary },
    );
  }
}
