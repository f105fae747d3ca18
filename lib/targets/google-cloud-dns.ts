import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { MxRecordSet } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { BindOptions, IDnsTarget, RecordNaming } from './dns-target-adapter';
import { DnsTargetCapabilities, TakeoverMode } from './dns-target-capabilities';
import { GoogleDnsRecordSet } from './google-dns-record-set';
import { isTokenOrMatches } from './token-or-pattern';

/** Props for {@link DnsTarget.googleCloudDns}. */
export interface GoogleCloudDnsTargetProps {
  /** The managed zone's name (not its DNS name), e.g. `example-com`, or a token such as `zone.name`. */
  readonly managedZone: string;
  /**
   * The Google Cloud project that holds the zone, e.g. `my-project`.
   * @default - the google provider's project
   */
  readonly project?: string;
  /**
   * The Google provider to use, when the stack has several.
   * @default - the stack's default google provider
   */
  readonly provider?: TerraformProvider;
}

/** Cloud DNS managed zone names: 1-63 lowercase letters, digits and dashes, starting with a letter. */
const MANAGED_ZONE_NAME = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
/** Project IDs: 6-30 lowercase letters, digits and hyphens, starting with a letter; legacy ones carry a `domain:` prefix. */
const PROJECT_ID = /^(?:[a-z0-9.-]+:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$/;
/**
 * The Cloud DNS API holds TTLs as int32, with no documented minimum; 0 is
 * left out because the provider's API client omits a zero `ttl`
 * (google.golang.org/api dns/v1 ResourceRecordSet: `json:"ttl,omitempty"`),
 * so Cloud DNS would store its default and the plan would never settle.
 */
const GOOGLE_TTL = { min: 1, max: 2147483647 };

/**
 * Google Cloud DNS: one `google_dns_record_set` holds the whole MX set
 * (provider 4.x-7.x, google/services/dns/resource_dns_record_set.go).
 *
 * - `name` is the FQDN with its trailing dot (validateRecordNameTrailingDot);
 *   `rrdatas` are `"10 host."`, lowercase: Cloud DNS returns MX data in
 *   lowercase (provider #862, since suppressed by rrdatasDnsDiffSuppress).
 * - TTL and records change in place: resourceDnsRecordSetUpdate sends one
 *   Cloud DNS change that deletes the old set and adds the new one, atomically.
 * - The provider is authoritative: resourceDnsRecordSetCreate lists the zone
 *   and adds every existing set of the same name and type to the change's
 *   deletions. A plain create therefore overwrites whatever MX set the name
 *   has, without the plan showing it. Legacy records are imported instead
 *   (resourceDnsRecordSetImportState: `projects/{p}/managedZones/{z}/rrsets/{name}/{type}`,
 *   or `{z}/{name}/{type}` with the provider's project), so the plan shows
 *   the live set being rewritten; the LOWER_TTL stage must list exactly
 *   what the name serves, or the records not listed are deleted.
 */
export class GoogleCloudDnsTarget implements IDnsTarget {
  public readonly capabilities: DnsTargetCapabilities = {
    providerName: 'Google Cloud DNS',
    ttl: GOOGLE_TTL,
    trailingDot: true,
    supportsPriority: true,
    takeover: TakeoverMode.IMPORT_RRSET,
  };

  constructor(private readonly props: GoogleCloudDnsTargetProps) {}

  public validate(): ValidationReason[] {
    const { managedZone, project } = this.props;
    const reasons: ValidationReason[] = [];
    if (!isTokenOrMatches(managedZone, MANAGED_ZONE_NAME)) {
      reasons.push({ property: 'target.managedZone', value: managedZone, problem: 'is not a Cloud DNS managed zone name (1-63 lowercase letters, digits and dashes, starting with a letter)', fix: 'give the zone\'s name from the NAME column of `gcloud dns managed-zones list` (not its DNS name), or a token such as zone.name' });
    }
    if (project !== undefined && !isTokenOrMatches(project, PROJECT_ID)) {
      reasons.push({ property: 'target.project', value: project, problem: 'is not a Google Cloud project ID (6-30 lowercase letters, digits and hyphens, starting with a letter)', fix: 'give the project ID from `gcloud projects list`, or leave project out to use the provider\'s project' });
    }
    return reasons;
  }

  public bind(scope: Construct, recordSet: MxRecordSet, options: BindOptions = {}): void {
    const { managedZone, project, provider } = this.props;
    const name = `${recordSet.domain}.`;
    const rrset = new GoogleDnsRecordSet(scope, 'mx', {
      provider,
      dependsOn: options.dependsOn,
      managedZone,
      project,
      name,
      recordType: 'MX',
      ttl: recordSet.ttl,
      rrdatas: recordSet.records.map((record) => `${record.priority} ${RecordNaming.host(record.hostName, this.capabilities)}`),
    });
    if (recordSet.takeOverExisting) {
      rrset.importFrom(project === undefined ? `${managedZone}/${name}/MX` : `projects/${project}/managedZones/${managedZone}/rrsets/${name}/MX`);
    }
  }
}
