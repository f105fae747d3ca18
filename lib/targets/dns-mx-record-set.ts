import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeKind, LibraryResource, TypedAttribute } from '../terraform/library-resource';
import { ProviderRequirement, TerraformProviderSource } from '../terraform/provider-requirement';

/**
 * The hashicorp/dns provider whose `dns_mx_record_set` schema this writes
 * (zone, name, ttl, mx blocks): unchanged since 3.0. It is configured from
 * the environment (DNS_UPDATE_SERVER, DNS_UPDATE_KEYNAME, …) when the stack
 * has no provider block.
 */
export const DNS_PROVIDER: TerraformProviderSource = {
  name: 'dns',
  source: 'hashicorp/dns',
  versionConstraint: '~> 3.0',
};

/** One `mx { preference exchange }` block. */
export interface DnsMxBlock {
  readonly preference: number;
  /** An FQDN with its trailing dot. */
  readonly exchange: string;
}

/** The `dns_mx_record_set` attributes an MX set needs. */
export interface DnsMxRecordSetConfig extends TerraformMetaArguments {
  /** The zone, with its trailing dot. */
  readonly zone: string;
  /** Relative to the zone; absent for the apex. */
  readonly name?: string;
  readonly ttl: number;
  readonly mx: DnsMxBlock[];
}

/** `dns_mx_record_set`, written by the library itself: no dns binding package is needed. */
export class DnsMxRecordSet extends LibraryResource {
  constructor(scope: Construct, id: string, private readonly config: DnsMxRecordSetConfig) {
    super(scope, id, { terraformResourceType: 'dns_mx_record_set', ...config });
    ProviderRequirement.ensure(this, DNS_PROVIDER);
  }

  protected attributes(): { [name: string]: TypedAttribute } {
    const { zone, name, ttl, mx } = this.config;
    return {
      zone: { kind: AttributeKind.STRING, value: zone },
      ...(name === undefined ? {} : { name: { kind: AttributeKind.STRING, value: name } }),
      ttl: { kind: AttributeKind.NUMBER, value: ttl },
      mx: {
        kind: AttributeKind.BLOCK_SET,
        value: mx.map((block) => ({
          preference: { kind: AttributeKind.NUMBER, value: block.preference },
          exchange: { kind: AttributeKind.STRING, value: block.exchange },
        })),
      },
    };
  }
}
