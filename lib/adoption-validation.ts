import { MxRecord, MxServer, NULL_MX_HOST } from './model/mx-server';
import { ValidationReason } from './model/validation-reason';
import { RolloutOptions } from './rollout/rollout-options';
import { DnsTargetCapabilities, TakeoverMode } from './targets/dns-target-capabilities';

/** What adopting the live records of a domain depends on. */
export interface AdoptionInput {
  readonly servers: readonly MxServer[];
  readonly legacy: readonly MxRecord[];
  readonly rollout?: RolloutOptions;
}

/**
 * Adoption takes over CloudMail records that exist outside this state (set
 * by hand, or the state was lost) by importing them: no stage gate is
 * involved, since the domain is already on CloudMail. Import IDs themselves
 * are checked with the legacy ones, so one ID is never used twice.
 */
export function validateAdoption(input: AdoptionInput, capabilities: DnsTargetCapabilities): ValidationReason[] {
  if (input.rollout !== undefined) {
    return [{ property: 'adopt', value: true, problem: 'takes over records that already exist, which no rollout stage gates', fix: 'remove rollout: adopting imports the live CloudMail records as they are (the plan shows any difference as an in-place update)' }];
  }
  if (capabilities.takeover === undefined) {
    return [{ property: 'adopt', value: true, problem: `${capabilities.providerName} targets cannot import existing records`, fix: 'remove adopt, and delete the existing records by hand before the first apply' }];
  }
  const reasons: ValidationReason[] = [];
  if (capabilities.takeover === TakeoverMode.IMPORT_RRSET) {
    input.servers.forEach((server, index) => {
      if (server?.importId === undefined) return;
      reasons.push({ property: `servers[${index}].importId`, value: server.importId, problem: `is not used: ${capabilities.providerName} imports the whole MX set of the domain`, fix: 'remove importId' });
    });
  } else if (input.legacy.some((record) => record.hostName === NULL_MX_HOST)) {
    // Adopted records keep their own IDs, so none can take over the null MX's and delete it; it cannot stay beside them either.
    reasons.push({ property: 'legacy.servers', value: NULL_MX_HOST, problem: 'is a null MX, which cannot stay published beside the adopted CloudMail records nor be deleted in the apply that adopts them', fix: 'delete the null MX record by hand, then adopt without it' });
  }
  return reasons;
}
