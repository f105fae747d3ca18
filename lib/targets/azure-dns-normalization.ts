import { MxBlock, normalizeMxBlocks } from './mx-block-normalization';

/** The attributes of an Azure MX set as they appear in `cdk.tf.json`. */
export interface AzureMxAttributes {
  readonly name: string;
  readonly resource_group_name: string;
  readonly zone_name: string;
  readonly ttl: number;
  readonly record: readonly MxBlock<string>[];
}

/**
 * What `azurerm_dns_mx_record` reads back for an MX set we wrote
 * (resourceDnsMxRecordRead). An emitted value that this changes would show
 * as a diff on every plan.
 * - name, resource_group_name, zone_name come from the resource ID, which is
 *   built from the configured values: unchanged;
 * - record.preference: flattenAzureRmDnsMxRecords writes strconv.Itoa of the
 *   stored int, so "010" or " 10" come back as "10";
 * - record.exchange: stored and returned as given (azure-cli #14412);
 * - record is a set hashed by "preference-exchange" (resourceDnsMxRecordHash).
 */
export function normalizeAzureMx(attributes: AzureMxAttributes): AzureMxAttributes {
  return {
    ...attributes,
    record: normalizeMxBlocks(attributes.record, (block) => ({ preference: String(Number.parseInt(block.preference, 10)), exchange: block.exchange })),
  };
}
