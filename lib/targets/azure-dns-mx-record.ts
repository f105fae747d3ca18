import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeKind, LibraryResource, TypedAttribute } from '../terraform/library-resource';
import { ProviderRequirement, TerraformProviderSource } from '../terraform/provider-requirement';

/**
 * The AzureRM provider whose `azurerm_dns_mx_record` schema this writes: the
 * same in 4.x and 5.x (name, resource_group_name, zone_name, ttl, record
 * blocks with a string preference). Its configuration needs a `features {}`
 * block even when empty (internal/provider/features.go, schemaFeatures:
 * Required, MinItems 1).
 */
export const AZURERM_PROVIDER: TerraformProviderSource = {
  name: 'azurerm',
  source: 'hashicorp/azurerm',
  versionConstraint: '>= 4.0, < 6.0',
  requiredBlocks: ['features'],
};

/** One `record { preference exchange }` block. */
export interface AzureMxRecordBlock {
  /** A string in the provider's schema ("TODO: this should become an Int"). */
  readonly preference: string;
  readonly exchange: string;
}

/** The `azurerm_dns_mx_record` attributes an MX set needs. */
export interface AzureDnsMxRecordConfig extends TerraformMetaArguments {
  /** Relative to the zone; `@` for the apex. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly zoneName: string;
  readonly ttl: number;
  readonly records: AzureMxRecordBlock[];
}

/** `azurerm_dns_mx_record`, written by the library itself: no AzureRM binding package is needed. */
export class AzureDnsMxRecord extends LibraryResource {
  constructor(scope: Construct, id: string, private readonly config: AzureDnsMxRecordConfig) {
    super(scope, id, { terraformResourceType: 'azurerm_dns_mx_record', ...config });
    ProviderRequirement.ensure(this, AZURERM_PROVIDER);
  }

  protected attributes(): { [name: string]: TypedAttribute } {
    const { name, resourceGroupName, zoneName, ttl, records } = this.config;
    return {
      name: { kind: AttributeKind.STRING, value: name },
      resource_group_name: { kind: AttributeKind.STRING, value: resourceGroupName },
      zone_name: { kind: AttributeKind.STRING, value: zoneName },
      ttl: { kind: AttributeKind.NUMBER, value: ttl },
      record: {
        kind: AttributeKind.BLOCK_SET,
        value: records.map((record) => ({
          preference: { kind: AttributeKind.STRING, value: record.preference },
          exchange: { kind: AttributeKind.STRING, value: record.exchange },
        })),
      },
    };
  }
}
