import { Token } from 'cdktf';
import { CloudMail } from '../cloudmail/cloudmail';
import { MxRecord, NULL_MX_HOST } from '../model/mx-server';
import { validateMxServers } from '../model/mx-servers-validator';
import { ValidationReason } from '../model/validation-reason';
import { DnsTargetCapabilities, ttlSeconds, validateTtl } from '../targets/dns-target-capabilities';
import { demoteRecords } from './demote-records';
import { validateWindow } from './maintenance-window';
import { DEFAULT_ROLLOUT_TTL, LegacyRecords, MAX_WAIT_SECONDS, RolloutOptions } from './rollout-options';
import { LegacyPolicy, RolloutStage } from './rollout-stage';

const MAX_PRIORITY = 65535;

/** Normalized legacy records, or the reasons they cannot be taken over. */
export interface ValidatedLegacy {
  readonly records: MxRecord[];
  readonly reasons: readonly ValidationReason[];
}

/** Checks the legacy records against the CloudMail set and whether the target can take records over; import IDs are checked by the caller, with the others. */
export function validateLegacy(legacy: LegacyRecords, cloudMail: readonly MxRecord[], capabilities: DnsTargetCapabilities, stage?: RolloutStage): ValidatedLegacy {
  const declared = new Set(cloudMail.map((record) => record.hostName));
  const servers = validateMxServers(legacy.servers, 'legacy.servers', (host, property, value) => {
    if (CloudMail.isCloudMailHost(host)) {
      return [{ property, value, problem: 'already points at CloudMail, so it is not a legacy record', fix: 'list it in servers only; legacy.servers holds the records that do not point at CloudMail' }];
    }
    if (declared.has(host)) {
      return [{ property, value, problem: 'is also listed in servers, so it would be both kept and moved away from', fix: 'list it once: in servers to keep it as a backup after the move, or in legacy.servers to move away from it' }];
    }
    return [];
  });
  const reasons = [...servers.reasons, ...validatePolicy(legacy.policy), ...validateTakeover(legacy, capabilities)];
  if (servers.reasons.length === 0 && cloudMail.length > 0) reasons.push(...validateDemotion(servers.records, cloudMail, stage));
  return { records: servers.records, reasons };
}

/** Checks stage, TTLs, soak and window; `hasLegacy` is whether there is anything to go back to, `ttl` the TTL once the rollout is complete. */
export function validateRollout(rollout: RolloutOptions, capabilities: DnsTargetCapabilities, hasLegacy: boolean, ttl: number): ValidationReason[] {
  const reasons: ValidationReason[] = [];
  if (!Object.values(RolloutStage).includes(rollout.stage)) {
    reasons.push({ property: 'rollout.stage', value: rollout.stage, problem: 'is not a rollout stage', fix: 'use RolloutStage.LOWER_TTL, then RolloutStage.CUTOVER, then RolloutStage.COMPLETE (or RolloutStage.ROLLBACK to go back)' });
  } else if (rollout.stage === RolloutStage.ROLLBACK && !hasLegacy) {
    reasons.push({ property: 'rollout.stage', value: rollout.stage, problem: 'goes back to the legacy records, but there are none', fix: 'declare the records to go back to in legacy.servers' });
  }
  reasons.push(...validateDuration(rollout.previousTtl, 'rollout.previousTtl', 1, 'give the TTL the MX records had before the rollout, e.g. 86400 (dig +noall +answer MX <domain> shows it)'));
  if (rollout.rolloutTtl !== undefined) reasons.push(...validateTtl(rollout.rolloutTtl, capabilities, 'rollout.rolloutTtl'));
  if (rollout.soak !== undefined) reasons.push(...validateDuration(rollout.soak, 'rollout.soak', 0, 'use e.g. 259200 (72 h), or 0 to allow COMPLETE right after the cutover'));
  if (reasons.length === 0 && rollout.rolloutTtl !== undefined && ttlSeconds(rollout.rolloutTtl, capabilities) > ttlSeconds(rollout.previousTtl, capabilities)) {
    reasons.push({
      property: 'rollout.rolloutTtl',
      value: rollout.rolloutTtl,
      problem: `is longer than rollout.previousTtl (${describeTtl(rollout.previousTtl, capabilities)}), so LOWER_TTL would raise the TTL instead of lowering it`,
      fix: `use a rolloutTtl of at most ${ttlSeconds(rollout.previousTtl, capabilities)} s, or correct previousTtl`,
    });
  }
  if (rollout.window !== undefined) reasons.push(...validateWindow(rollout.window, 'rollout.window').reasons);
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

/** The warning when the default rolloutTtl is longer than the old TTL: allowed, so short test TTLs work, but the TTL goes up during the move. */
export function rolloutTtlWarnings(rollout: RolloutOptions, capabilities: DnsTargetCapabilities): string[] {
  if (rollout.rolloutTtl !== undefined || ttlSeconds(rollout.previousTtl, capabilities) >= DEFAULT_ROLLOUT_TTL) return [];
  return [`rollout.previousTtl (${describeTtl(rollout.previousTtl, capabilities)}) is shorter than the default rolloutTtl (${DEFAULT_ROLLOUT_TTL} s): the TTL goes up to ${DEFAULT_ROLLOUT_TTL} s during the move. Set rollout.rolloutTtl to at most ${ttlSeconds(rollout.previousTtl, capabilities)} s to keep it.`];
}

function describeTtl(ttl: number, capabilities: DnsTargetCapabilities): string {
  const seconds = ttlSeconds(ttl, capabilities);
  return seconds === ttl ? `${ttl} s` : `${ttl}, ${capabilities.providerName}'s automatic TTL of ${seconds} s`;
}

/** A whole number of seconds from `min` to MAX_WAIT_SECONDS: a longer wait would outlast any cache, and Terraform's time arithmetic fails near 9.2e9 s. */
function validateDuration(value: unknown, property: string, min: number, fix: string): ValidationReason[] {
  if (typeof value === 'number' && !Token.isUnresolved(value) && Number.isInteger(value) && value >= min && value <= MAX_WAIT_SECONDS) return [];
  const bounds = `${min === 0 ? 'a whole number of seconds' : 'a positive whole number of seconds'} up to ${MAX_WAIT_SECONDS} (the largest TTL, RFC 2181 §8)`;
  if (typeof value === 'number' && Token.isUnresolved(value)) {
    return [{ property, value, problem: 'is a token that is only known at deploy time', fix: `give it as a literal number: ${bounds}` }];
  }
  return [{ property, value, problem: `is not ${bounds}`, fix }];
}

function validatePolicy(policy: LegacyPolicy | undefined): ValidationReason[] {
  if (policy === undefined || Object.values(LegacyPolicy).includes(policy)) return [];
  return [{ property: 'legacy.policy', value: policy, problem: 'is not a legacy policy', fix: 'use LegacyPolicy.DELETE or LegacyPolicy.DEMOTE' }];
}

function validateTakeover(legacy: LegacyRecords, capabilities: DnsTargetCapabilities): ValidationReason[] {
  if (capabilities.takeover !== undefined) return [];
  return [{ property: 'legacy', value: legacy.servers?.length, problem: `${capabilities.providerName} targets cannot take over existing records`, fix: capabilities.takeoverFix ?? 'delete the old records by hand, or use a target that declares capabilities.takeover' }];
}

function validateDemotion(legacy: readonly MxRecord[], cloudMail: readonly MxRecord[], stage: RolloutStage | undefined): ValidationReason[] {
  const movable = legacy.filter((record) => record.hostName !== NULL_MX_HOST);
  const highest = Math.max(0, ...demoteRecords(movable, cloudMail).map((record) => record.priority));
  if (highest > MAX_PRIORITY) {
    return [{ property: 'legacy.servers', value: legacy.length, problem: `would be demoted up to priority ${highest}, above ${MAX_PRIORITY}`, fix: 'give the CloudMail servers lower priorities, e.g. CloudMail.servers()' }];
  }
  // ROLLBACK keeps CloudMail's records below the legacy ones.
  const rolledBack = stage === RolloutStage.ROLLBACK && movable.length > 0 ? Math.max(...demoteRecords(cloudMail, legacy).map((record) => record.priority)) : 0;
  if (rolledBack <= MAX_PRIORITY) return [];
  return [{ property: 'servers', value: cloudMail.length, problem: `would be kept below the legacy records at priorities up to ${rolledBack} by ROLLBACK, above ${MAX_PRIORITY}`, fix: 'roll back by hand: the legacy records leave no room below them' }];
}
