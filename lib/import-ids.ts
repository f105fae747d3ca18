import { Token } from 'cdktf';
import { ValidationReason } from './model/validation-reason';
import { DnsTargetCapabilities, TakeoverMode } from './targets/dns-target-capabilities';

const CLOUDFLARE_IMPORT_ID = /^[0-9a-f]{32}\/[0-9a-f]{32}$/;

/** One `importId` a construct was given, with the property it came from. */
export interface ImportIdUse {
  readonly property: string;
  readonly importId: unknown;
}

/**
 * Checks the IDs of records a record-by-record target (Cloudflare) will
 * import: each present, well formed, in the target's own zone (an ID of
 * another zone imports that zone's record and then rewrites it), and used
 * once (one record imported into two resources would be rewritten by both).
 */
export function validateImportIds(uses: readonly ImportIdUse[], capabilities: DnsTargetCapabilities): ValidationReason[] {
  if (capabilities.takeover !== TakeoverMode.IMPORT_EACH_RECORD) return [];
  const firstUse = new Map<string, string>();
  return uses.flatMap(({ property, importId }): ValidationReason[] => {
    if (typeof importId !== 'string' || !(Token.isUnresolved(importId) || CLOUDFLARE_IMPORT_ID.test(importId))) {
      return [{
        property,
        value: importId,
        problem: `is required by ${capabilities.providerName} to take over the existing record, as "<zone_id>/<record_id>"`,
        fix: 'list the record IDs with GET /zones/<zone_id>/dns_records?type=MX (or cf-terraforming) and set importId: `${zoneId}/${recordId}`',
      }];
    }
    if (Token.isUnresolved(importId)) return [];
    const prefix = capabilities.importIdPrefix;
    if (prefix !== undefined && !importId.startsWith(prefix)) {
      return [{
        property,
        value: importId,
        problem: `names a record of zone ${importId.split('/')[0]}, not of the target's zone ${prefix.slice(0, -1)}: Terraform would import that zone's record and rewrite it`,
        fix: `use the ID of the record in zone ${prefix.slice(0, -1)} (${prefix}<record_id>), or correct target.zoneId`,
      }];
    }
    const earlier = firstUse.get(importId);
    if (earlier !== undefined) {
      return [{ property, value: importId, problem: `is also the importId of ${earlier}: one record would be taken over by two resources, each rewriting it`, fix: 'give each host the ID of its own record (GET /zones/<zone_id>/dns_records?type=MX lists them)' }];
    }
    firstUse.set(importId, property);
    return [];
  });
}
