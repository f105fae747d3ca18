import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { claimDomain } from './domain-claims';
import { MxPolicy } from './mx-policy';
import { normalizeDnsName } from './model/dns-name';
import { MxRecord, MxRecordSet, MxServer } from './model/mx-server';
import { validateMxServers } from './model/mx-servers-validator';
import { MxValidationError } from './model/mx-validation-error';
import { ValidationReason } from './model/validation-reason';
import { BindOptions, IDnsTarget } from './targets/dns-target-adapter';
import { DnsTargetCapabilities, validateTtl } from './targets/dns-target-capabilities';

/** What every MX construct is given. */
export interface MxPublication {
  readonly domain: string;
  readonly target: IDnsTarget;
  readonly servers: readonly MxServer[];
  readonly ttl: number;
}

/** The normalized domain and sorted records, or the reasons they are not valid. */
export interface ValidatedMxPublication {
  readonly domain?: string;
  readonly records: MxRecord[];
  readonly reasons: readonly ValidationReason[];
}

/** Checks domain, servers, TTL and target, plus the policy's own rules; collects every reason. */
export function validateMxPublication(scope: Construct, input: MxPublication, policy: MxPolicy = {}): ValidatedMxPublication {
  const domain = normalizeDnsName(input.domain, { property: 'domain' });
  const claim = domain.name === undefined ? [] : claimDomain(scope, domain.name, input.target.capabilities.providerName, input.domain);
  const servers = validateMxServers(input.servers, 'servers', policy.hostRule);
  const setReasons = servers.reasons.length === 0 && policy.setRule ? policy.setRule(servers.records) : [];
  return {
    domain: domain.name,
    records: servers.records,
    reasons: [
      ...domain.reasons,
      ...claim,
      ...servers.reasons,
      ...setReasons,
      ...validateTtl(input.ttl, input.target.capabilities),
      ...input.target.validate(domain.name),
    ],
  };
}

/** Throws one error with every reason, so bad input never reaches a target and no partial Terraform is written. */
export function throwIfInvalid(scope: Construct, reasons: readonly ValidationReason[]): void {
  if (reasons.length > 0) throw new MxValidationError(scope.node.path, [...reasons]);
}

/** Fits the record set to the target's capabilities and binds it. */
export function bindRecordSet(scope: Construct, target: IDnsTarget, recordSet: MxRecordSet, options?: BindOptions): MxRecordSet {
  const fitted: MxRecordSet = { ...recordSet, records: fitToCapabilities(scope, recordSet.records, target.capabilities) };
  target.bind(scope, fitted, options);
  return fitted;
}

/** Validates, then binds: the whole job of a construct without a staged rollout. */
export function publishMxRecords(scope: Construct, input: MxPublication, policy: MxPolicy = {}): MxRecordSet {
  const validated = validateMxPublication(scope, input, policy);
  throwIfInvalid(scope, validated.reasons);
  return bindRecordSet(scope, input.target, { domain: validated.domain!, ttl: input.ttl, records: validated.records });
}

/** Keeps the lowest-priority records a limited target can hold, and says which were dropped. */
function fitToCapabilities(scope: Construct, records: MxRecord[], capabilities: DnsTargetCapabilities): MxRecord[] {
  const max = capabilities.maxRecords;
  if (max === undefined || records.length <= max) return records;
  const kept = records.slice(0, max);
  const dropped = records.slice(max).map((record) => `${record.hostName} (${record.priority})`);
  Annotations.of(scope).addWarning(
    `${capabilities.providerName} holds at most ${max} MX record(s) per name: publishing ${kept.map((r) => r.hostName).join(', ')} only; dropped ${dropped.join(', ')}.`,
  );
  return kept;
}
