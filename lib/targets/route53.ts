import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MxRecordSet } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { BindOptions, IDnsTarget, RecordNaming } from './dns-target-adapter';
import { DnsTargetCapabilities, TakeoverMode } from './dns-target-capabilities';
import { Route53Record } from './route53-record';

/** Props for {@link DnsTarget.route53}. */
export interface Route53TargetProps {
  /** The hosted zone ID, e.g. `Z0123456789ABCDEFGHIJ` (a `/hostedzone/` prefix is dropped), or a token. */
  readonly zoneId: string;
  /**
   * The AWS provider to use, when the stack has several.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

const HOSTED_ZONE_PREFIX = '/hostedzone/';
const ROUTE53_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
/** Route53 stores TTL as a 32-bit signed integer. */
const ROUTE53_MAX_TTL = 2147483647;

/**
 * Route53: one `aws_route53_record` holds the whole MX RRset, so every
 * change is one atomic UPSERT. Records are `"10 host."`: lowercase with the
 * trailing dot, the single form that never flaps (octodns-route53 #84).
 */
export class Route53Target implements IDnsTarget {
  public readonly capabilities: DnsTargetCapabilities;

  private readonly zoneId: string;

  constructor(private readonly props: Route53TargetProps) {
    const zoneId = props.zoneId;
    this.zoneId = typeof zoneId === 'string' && zoneId.startsWith(HOSTED_ZONE_PREFIX) ? zoneId.slice(HOSTED_ZONE_PREFIX.length) : zoneId;
    this.capabilities = {
      providerName: 'Route53',
      ttl: { min: 0, max: ROUTE53_MAX_TTL },
      trailingDot: true,
      supportsPriority: true,
      takeover: TakeoverMode.IMPORT_RRSET,
      zone: `route53/${this.zoneId}`,
    };
  }

  public validate(): ValidationReason[] {
    if (Token.isUnresolved(this.zoneId) || (typeof this.zoneId === 'string' && ROUTE53_ZONE_ID.test(this.zoneId))) return [];
    return [{ property: 'target.zoneId', value: this.props.zoneId, problem: 'is not a Route53 hosted zone ID (Z followed by uppercase letters and digits)', fix: 'copy the Hosted zone ID from the Route53 console, or pass a token such as zone.zoneId' }];
  }

  public bind(scope: Construct, recordSet: MxRecordSet, options: BindOptions = {}): void {
    const rrset = new Route53Record(scope, 'mx', {
      provider: this.props.provider,
      dependsOn: options.dependsOn,
      zoneId: this.zoneId,
      name: recordSet.domain,
      recordType: 'MX',
      ttl: recordSet.ttl,
      records: recordSet.records.map((record) => `${record.priority} ${RecordNaming.host(record.hostName, this.capabilities)}`),
    });
    // An import shows the takeover in the plan as an in-place update of the
    // live RRset, where allow_overwrite would show a create that hides it.
    if (recordSet.takeOverExisting) rrset.importFrom(`${this.zoneId}_${recordSet.domain}_MX`);
  }
}
