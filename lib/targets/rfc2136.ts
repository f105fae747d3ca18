import { Annotations, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { normalizeDnsName } from '../model/dns-name';
import { MxRecordSet } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { BindOptions, IDnsTarget, RecordNaming } from './dns-target-adapter';
import { DnsTargetCapabilities, TakeoverMode } from './dns-target-capabilities';
import { DnsMxRecordSet } from './dns-mx-record-set';
import { nameInZone, validateDomainInZone } from './zone-membership';

/** Props for {@link DnsTarget.rfc2136}. */
export interface Rfc2136TargetProps {
  /**
   * The zone the domain is in, as the server holds it, e.g. `example.com.`
   * (a missing trailing dot is added). A literal, since the record's name
   * is relative to it.
   */
  readonly zone: string;
  /**
   * The dns provider to use, when the stack has several.
   * @default - the stack's default dns provider, configured from DNS_UPDATE_SERVER, DNS_UPDATE_KEYNAME, …
   */
  readonly provider?: TerraformProvider;
}

/** TTLs are unsigned 31-bit values (RFC 2181 §8); what else a server allows is its own policy. */
const RFC2136_TTL = { min: 0, max: 2147483647 };

/**
 * Any server that accepts RFC 2136 dynamic updates (BIND, Knot, PowerDNS,
 * Windows DNS), through hashicorp/dns: one `dns_mx_record_set` holds the
 * whole MX set (internal/provider/resource_dns_mx_record_set.go).
 *
 * What the provider does, and why the set is written this way:
 * - Update sends one UPDATE message that removes every record in state and
 *   inserts every planned one (its add/remove loops `continue` only the
 *   inner loop, so nothing is skipped); the server applies it atomically,
 *   so a change of records in place never leaves the name empty.
 * - `ttl`, `zone` and `name` are RequiresReplace, and Delete sends
 *   RemoveRRset (resourceDnsDelete_framework): a TTL change deletes the
 *   whole MX set and creates it again in a second message, a window with no
 *   MX at all, and create_before_destroy would delete the new records too
 *   (provider #97; PR #691 to update TTLs in place is still open). So every
 *   set is written with `prevent_destroy`: Terraform refuses a plan that
 *   would replace it, and a staged rollout here keeps one TTL
 *   (`ttlChangeReplacesSet`). Removing the construct still deletes the set.
 * - Create only inserts, then reads the whole RRset back; it never deletes.
 *   Legacy records are imported by FQDN (ImportState finds the zone by SOA
 *   queries), so the plan shows the live set being rewritten.
 * - Read returns exchanges as the server stores them: Knot lowercases them,
 *   BIND keeps the case it was given, so they are written lowercase, dotted.
 */
export class Rfc2136Target implements IDnsTarget {
  public readonly capabilities: DnsTargetCapabilities = {
    providerName: 'RFC 2136',
    ttl: RFC2136_TTL,
    trailingDot: true,
    supportsPriority: true,
    takeover: TakeoverMode.IMPORT_RRSET,
    ttlChangeReplacesSet: true,
  };

  private readonly zone?: string;

  constructor(private readonly props: Rfc2136TargetProps) {
    this.zone = normalizeDnsName(props.zone, { property: 'target.zone' }).name;
  }

  public validate(domain?: string): ValidationReason[] {
    const zone = normalizeDnsName(this.props.zone, { property: 'target.zone' });
    return [...zone.reasons, ...validateDomainInZone(domain, zone.name, 'target.zone', this.props.zone)];
  }

  public bind(scope: Construct, recordSet: MxRecordSet, options: BindOptions = {}): void {
    const name = nameInZone(recordSet.domain, this.zone!);
    const rrset = new DnsMxRecordSet(scope, 'mx', {
      provider: this.props.provider,
      dependsOn: options.dependsOn,
      lifecycle: { preventDestroy: true },
      zone: `${this.zone}.`,
      name: name || undefined,
      ttl: recordSet.ttl,
      mx: recordSet.records.map((record) => ({ preference: record.priority, exchange: RecordNaming.host(record.hostName, this.capabilities) })),
    });
    if (!recordSet.takeOverExisting) return;
    rrset.importFrom(`${recordSet.domain}.`);
    Annotations.of(scope).addWarning(
      `${recordSet.domain}'s live MX set is imported by its FQDN at the first apply, and its TTL on the server must already be ${recordSet.ttl} s: ` +
      'the dns provider replaces a set whose TTL changes (deleting every MX record first), so Terraform refuses that plan (prevent_destroy). ' +
      `If the TTL differs, change it first in one UPDATE message, e.g. nsupdate: "update delete ${recordSet.domain}. MX", then "update add ${recordSet.domain}. ${recordSet.ttl} MX <preference> <host>." for each record, then "send".`,
    );
  }
}
