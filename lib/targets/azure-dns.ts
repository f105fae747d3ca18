import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { normalizeDnsName } from '../model/dns-name';
import { MxRecordSet } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { AzureDnsMxRecord } from './azure-dns-mx-record';
import { BindOptions, IDnsTarget, RecordNaming } from './dns-target-adapter';
import { DnsTargetCapabilities, TakeoverMode } from './dns-target-capabilities';
import { isTokenOrMatches } from './token-or-pattern';
import { nameInZone, validateDomainInZone } from './zone-membership';

/** Props for {@link DnsTarget.azureDns}. */
export interface AzureDnsTargetProps {
  /** The resource group that holds the DNS zone, e.g. `dns-rg`, or a token. */
  readonly resourceGroupName: string;
  /**
   * The DNS zone's name, e.g. `example.com`: the domain must be the zone or a
   * name in it. A literal, since the record's name is relative to it.
   */
  readonly zoneName: string;
  /**
   * The subscription that holds the zone (a GUID), or a token. Needed only
   * to take over existing records (`legacy`): they are imported by their ARM
   * resource ID, which starts with it.
   * @default - none: legacy records cannot be taken over
   */
  readonly subscriptionId?: string;
  /**
   * The AzureRM provider to use, when the stack has several.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/** Resource group names: 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period. */
const RESOURCE_GROUP_NAME = /^[-\w.()]{0,89}[-\w()]$/u;
const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Azure DNS accepts TTLs of 1 to 2147483647 seconds (Azure Proactive Resiliency Library, dnsZones). */
const AZURE_TTL = { min: 1, max: 2147483647 };

/**
 * Azure DNS: one `azurerm_dns_mx_record` holds the whole MX set (provider
 * 4.x-5.x, internal/services/dns/dns_mx_record_resource.go).
 *
 * - `name` is relative to the zone, `@` at the apex (the schema's default
 *   since provider #5205 fixed #5199); name, zone and resource group force
 *   a new resource, TTL and records change in place with one
 *   CreateOrUpdate of the whole set.
 * - `record` blocks carry `preference` as a string ("TODO: this should
 *   become an Int"): read back through strconv.Itoa, so it is written as
 *   the plain decimal. `exchange` is stored as given (azure-cli #14412:
 *   undotted targets come back undotted), so it is written as Azure's own
 *   docs do: lowercase, without a trailing dot.
 * - Creating a set that exists fails (tf.ImportAsExistsError), so legacy
 *   records are imported by ARM ID. The importer's recordsets.ParseRecordTypeID
 *   (go-azure-sdk dns/2018-05-01/recordsets/id_recordtype.go) calls
 *   `parser.Parse(input, false)`: case-sensitive, so `resourceGroups`,
 *   `dnsZones` and `MX` are written in exactly that form.
 */
export class AzureDnsTarget implements IDnsTarget {
  public readonly capabilities: DnsTargetCapabilities;
  private readonly zone?: string;

  constructor(private readonly props: AzureDnsTargetProps) {
    this.zone = normalizeDnsName(props.zoneName, { property: 'target.zoneName' }).name;
    this.capabilities = {
      providerName: 'Azure DNS',
      ttl: AZURE_TTL,
      trailingDot: false,
      supportsPriority: true,
      ...(props.subscriptionId === undefined
        ? { takeoverFix: 'set the target\'s subscriptionId: Azure DNS imports the existing record set by its ARM resource ID, /subscriptions/<subscriptionId>/resourceGroups/…' }
        : { takeover: TakeoverMode.IMPORT_RRSET }),
    };
  }

  public validate(domain?: string): ValidationReason[] {
    const { resourceGroupName, zoneName, subscriptionId } = this.props;
    const zone = normalizeDnsName(zoneName, { property: 'target.zoneName' });
    const reasons: ValidationReason[] = [...zone.reasons, ...validateDomainInZone(domain, zone.name, 'target.zoneName', zoneName)];
    if (!isTokenOrMatches(resourceGroupName, RESOURCE_GROUP_NAME)) {
      reasons.push({ property: 'target.resourceGroupName', value: resourceGroupName, problem: 'is not an Azure resource group name (1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period)', fix: 'give the resource group that holds the DNS zone, as `az network dns zone list -o table` shows it' });
    }
    if (subscriptionId !== undefined && !isTokenOrMatches(subscriptionId, SUBSCRIPTION_ID)) {
      reasons.push({ property: 'target.subscriptionId', value: subscriptionId, problem: 'is not an Azure subscription ID (a GUID)', fix: 'give the ID from `az account show --query id -o tsv`' });
    }
    return reasons;
  }

  public bind(scope: Construct, recordSet: MxRecordSet, options: BindOptions = {}): void {
    const { resourceGroupName, subscriptionId, provider } = this.props;
    const zone = this.zone!;
    const name = nameInZone(recordSet.domain, zone) || '@';
    const rrset = new AzureDnsMxRecord(scope, 'mx', {
      provider,
      dependsOn: options.dependsOn,
      name,
      resourceGroupName,
      zoneName: zone,
      ttl: recordSet.ttl,
      records: recordSet.records.map((record) => ({ preference: String(record.priority), exchange: RecordNaming.host(record.hostName, this.capabilities) })),
    });
    if (recordSet.takeOverExisting) {
      rrset.importFrom(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Network/dnsZones/${zone}/MX/${name}`);
    }
  }
}
