import { Token } from 'cdktf';
import { CloudMail } from '../cloudmail/cloudmail';
import { MxRecord } from '../model/mx-server';
import { validateMxServers } from '../model/mx-servers-validator';
import { ValidationReason } from '../model/validation-reason';
import { DnsTargetCapabilities, TakeoverMode, validateTtl } from '../targets/dns-target-capabilities';
import { demoteLegacyRecords } from './legacy-demotion';
import { DEFAULT_ROLLOUT_TTL, LegacyRecords, RolloutOptions } from './rollout-options';
import { LegacyPolicy, RolloutStage } from './rollout-stage';

const MAX_PRIORITY = 65535;
const CLOUDFLARE_IMPORT_ID = /^[0-9a-f]{32}\/[0-9a-f]{32}$/;

/** Normalized legacy records, or the reasons they cannot be taken over. */
export interface ValidatedLegacy {
  readonly records: MxRecord[];
  readonly reasons: readonly ValidationReason[];
}

/** Checks the legacy records against the CloudMail set and the target's way of taking records over. */
export function validateLegacy(legacy: LegacyRecords, cloudMail: readonly MxRecord[], capabilities: DnsTargetCapabilities): ValidatedLegacy {
  const cloudMailHosts = new Set(cloudMail.map((record) => record.hostName));
  const servers = validateMxServers(legacy.servers, 'legacy.servers', (host, property, value) => {
    if (CloudMail.isCloudMailHost(host) || cloudMailHosts.has(host)) {
      return [{ property, value, problem: 'already points at CloudMail, so it is not a legacy record', fix: 'list it in servers only; legacy.servers holds the records that do not point at CloudMail' }];
    }
    return [];
  });
  const reasons = [...servers.reasons, ...validatePolicy(legacy.policy), ...validateTakeover(legacy, capabilities)];
  if (servers.reasons.length === 0 && cloudMail.length > 0) reasons.push(...validateDemotion(servers.records, cloudMail));
  return { records: servers.records, reasons };
}

/** Checks stage, TTLs and soak; `ttl` is the TTL once the rollout is complete. */
export function validateRollout(rollout: RolloutOptions, capabilities: DnsTargetCapabilities, ttl: number): ValidationReason[] {
  const reasons: ValidationReason[] = [];
  if (!Object.values(RolloutStage).includes(rollout.stage)) {
    reasons.push({ property: 'rollout.stage', value: rollout.stage, problem: 'is not a rollout stage', fix: 'use RolloutStage.LOWER_TTL, then RolloutStage.CUTOVER, then RolloutStage.COMPLETE' });
  }
  if (!isPositiveInteger(rollout.previousTtl)) {
    reasons.push({ property: 'rollout.previousTtl', value: rollout.previousTtl, problem: 'is not a positive whole number of seconds', fix: 'give the TTL the MX records had before the rollout, e.g. 86400 (dig +noall +answer MX <domain> shows it)' });
  }
  if (rollout.rolloutTtl !== undefined) reasons.push(...validateTtl(rollout.rolloutTtl, capabilities, 'rollout.rolloutTtl'));
  if (rollout.soak !== undefined && !(isPositiveInteger(rollout.soak) || rollout.soak === 0)) {
    reasons.push({ property: 'rollout.soak', value: rollout.soak, problem: 'is not a whole number of seconds', fix: 'use e.g. 259200 (72 h) or 0 to allow COMPLETE right after the cutover' });
  }
  const rolloutTtl = rollout.rolloutTtl ?? DEFAULT_ROLLOUT_TTL;
  if (capabilities.ttlChangeReplacesSet && rolloutTtl !== ttl) {
    reasons.push({
      property: 'ttl',
      value: ttl,
      problem: `differs from rollout.rolloutTtl (${rolloutTtl}), but ${capabilities.providerName} replaces the whole MX set when its TTL changes: the stage that moves from one TTL to the other would delete every record and create them again, leaving no MX record at all in between`,
      fix: `give ttl and rollout.rolloutTtl the same value, e.g. both ${rolloutTtl}`,
    });
  }
  return reasons;
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && !Token.isUnresolved(value) && Number.isInteger(value) && value > 0;
}

function validatePolicy(policy: LegacyPolicy | undefined): ValidationReason[] {
  if (policy === undefined || Object.values(LegacyPolicy).includes(policy)) return [];
  return [{ property: 'legacy.policy', value: policy, problem: 'is not a legacy policy', fix: 'use LegacyPolicy.DELETE or LegacyPolicy.DEMOTE' }];
}

function validateTakeover(legacy: LegacyRecords, capabilities: DnsTargetCapabilities): ValidationReason[] {
  if (capabilities.takeover === undefined) {
    return [{ property: 'legacy', value: legacy.servers?.length, problem: `${capabilities.providerName} targets cannot take over existing records`, fix: capabilities.takeoverFix ?? 'delete the old records by hand, or use a target that declares capabilities.takeover' }];
  }
  if (capabilities.takeover !== TakeoverMode.IMPORT_EACH_RECORD || !Array.isArray(legacy.servers)) return [];
  return legacy.servers.flatMap((server, index) => {
    const importId = server?.importId;
    if (typeof importId === 'string' && (Token.isUnresolved(importId) || CLOUDFLARE_IMPORT_ID.test(importId))) return [];
    return [{
      property: `legacy.servers[${index}].importId`,
      value: importId,
      problem: `is required by ${capabilities.providerName} to take over the existing record, as "<zone_id>/<record_id>"`,
      fix: 'list the record IDs with GET /zones/<zone_id>/dns_records?type=MX (or cf-terraforming) and set importId: `${zoneId}/${recordId}`',
    }];
  });
}

function validateDemotion(legacy: readonly MxRecord[], cloudMail: readonly MxRecord[]): ValidationReason[] {
  const highest = Math.max(...demoteLegacyRecords(legacy, cloudMail).map((record) => record.priority));
  if (highest <= MAX_PRIORITY) return [];
  return [{ property: 'legacy.servers', value: legacy.length, problem: `would be demoted up to priority ${highest}, above ${MAX_PRIORITY}`, fix: 'give the CloudMail servers lower priorities, e.g. CloudMail.servers()' }];
}
