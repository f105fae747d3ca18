import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MxRecordSet } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { BindOptions, IDnsTarget, RecordNaming } from './dns-target-adapter';
import { DnsTargetCapabilities, TakeoverMode } from './dns-target-capabilities';
import { CloudflareDnsRecord } from './cloudflare-dns-record';

/** Props for {@link DnsTarget.cloudflare}. */
export interface CloudflareTargetProps {
  /** The Cloudflare zone ID: 32 hex characters, or a token such as `zone.id`. */
  readonly zoneId: string;
  /**
   * The zone is on an Enterprise plan, which also allows a TTL of 30 s.
   * @default false
   */
  readonly enterpriseZone?: boolean;
  /**
   * The Cloudflare provider to use, when the stack has several.
   * @default - the stack's default cloudflare provider
   */
  readonly provider?: TerraformProvider;
}

const CLOUDFLARE_ZONE_ID = /^[0-9a-f]{32}$/;

/**
 * Cloudflare: one `cloudflare_dns_record` per MX record.
 *
 * - `name` is the FQDN, never `@` (provider #5440), `content` is lowercase
 *   without a trailing dot (#154, #7286): the forms the API returns.
 * - `priority` is set at top level. In the 5.14 schema it is the documented
 *   MX field ("Required for MX, SRV and URI records"), while `data` is
 *   Optional+Computed and the API returns no `data` for MX, so a priority in
 *   `data` would be read back as empty and diff forever. #6651 (reported on
 *   5.15 with OpenTofu) and the still-open PR #7269 move it into `data`; if
 *   that lands, the PR migrates top-level state itself.
 */
export class CloudflareTarget implements IDnsTarget {
  public readonly capabilities: DnsTargetCapabilities;

  constructor(private readonly props: CloudflareTargetProps) {
    const knownZone = Token.isUnresolved(props.zoneId) ? undefined : props.zoneId;
    this.capabilities = {
      providerName: props.enterpriseZone ? 'Cloudflare (Enterprise zone)' : 'Cloudflare',
      // 1 is "automatic", which Cloudflare serves as 300 s.
      ttl: { min: props.enterpriseZone ? 30 : 60, max: 86400, alsoAllowed: [1], automatic: { value: 1, seconds: 300 } },
      trailingDot: false,
      supportsPriority: true,
      takeover: TakeoverMode.IMPORT_EACH_RECORD,
      zone: `cloudflare/${props.zoneId}`,
      importIdPrefix: knownZone && `${knownZone}/`,
    };
  }

  public validate(): ValidationReason[] {
    const { zoneId } = this.props;
    if (Token.isUnresolved(zoneId) || (typeof zoneId === 'string' && CLOUDFLARE_ZONE_ID.test(zoneId))) return [];
    return [{ property: 'target.zoneId', value: zoneId, problem: 'is not a Cloudflare zone ID (32 lowercase hex characters)', fix: 'copy the Zone ID from the zone\'s Overview page, or pass a token such as zone.id' }];
  }

  public bind(scope: Construct, recordSet: MxRecordSet, options: BindOptions = {}): void {
    for (const record of recordSet.records) {
      const resource = new CloudflareDnsRecord(scope, RecordNaming.constructId(record.hostName), {
        provider: this.props.provider,
        dependsOn: options.dependsOn,
        zoneId: this.props.zoneId,
        name: recordSet.domain,
        recordType: 'MX',
        content: RecordNaming.host(record.hostName, this.capabilities),
        priority: record.priority,
        ttl: recordSet.ttl,
      });
      if (record.importId !== undefined) resource.importFrom(record.importId);
    }
  }
}
