import { ServedMx } from './rfc2136-servers';

/** A `dns_mx_record_set` as cdk.tf.json holds it, or as the provider holds it in state. */
export interface MxSetAttributes {
  readonly zone: string;
  readonly name?: string;
  readonly ttl: number;
  readonly mx: readonly { readonly preference: number; readonly exchange: string }[];
}

/**
 * The UPDATE messages hashicorp/dns sends for a `dns_mx_record_set`, as
 * knsupdate lines, after internal/provider/resource_dns_mx_record_set.go
 * and provider_framework.go. Each method is one message.
 */
export class DnsProviderMessages {
  /** Create: Insert every planned record at the planned TTL; nothing is removed. */
  public static create(plan: MxSetAttributes): string[] {
    return plan.mx.map((mx) => `update add ${fqdn(plan)} ${plan.ttl} MX ${mx.preference} ${mx.exchange}`);
  }

  /** Update (records changed, TTL not): Remove every record in state, then Insert every planned one. */
  public static update(state: MxSetAttributes, plan: MxSetAttributes): string[] {
    return [...state.mx.map((mx) => `update delete ${fqdn(state)} MX ${mx.preference} ${mx.exchange}`), ...DnsProviderMessages.create(plan)];
  }

  /** Delete (resourceDnsDelete_framework): RemoveRRset, every MX record of the name. */
  public static delete(state: MxSetAttributes): string[] {
    return [`update delete ${fqdn(state)} MX`];
  }

  /** Read (and ImportState, which ends in Read): the RRset as served, TTL the lowest in the answer. */
  public static read(attributes: MxSetAttributes, served: readonly ServedMx[]): MxSetAttributes {
    return { ...attributes, ttl: Math.min(...served.map((record) => record.ttl)), mx: served.map(({ preference, exchange }) => ({ preference, exchange })) };
  }

  private constructor() {}
}

function fqdn(attributes: MxSetAttributes): string {
  return attributes.name === undefined ? attributes.zone : `${attributes.name}.${attributes.zone}`;
}
