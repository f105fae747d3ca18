import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { claimConflict, claimDomain } from './domain-claims';
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
  /** The records exist already and are imported, not created (CloudMailMx's `adopt`). */
  readonly adopt?: boolean;
}

/** The normalized domain and sorted records, or the reasons they are not valid. */
export interface ValidatedMxPublication {
  readonly domain?: string;
  readonly records: MxRecord[];
  readonly reasons: readonly ValidationReason[];
}

/** Checks domain, servers, TTL and target, plus the policy's own rules; collects every reason. */
export function validateMxPublication(scope: Construct, input: MxPublication, policy: MxPolicy = {}): ValidatedMxPublication {
  const domain = normalizeDnsName(input.domain, { property: 'domain', minLabels: 2 });
  const claim = domain.name === undefined ? [] : claimConflict(scope, domain.name, input.target.capabilities, input.domain);
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
      ...validateServerImports(input),
      ...validateTtl(input.ttl, input.target.capabilities),
      ...input.target.validate(domain.name),
    ],
  };
}

/** Without adopting, an importId would be ignored, so it is refused; CloudMailMx checks the IDs it adopts itself. */
function validateServerImports(input: MxPublication): ValidationReason[] {
  if (input.adopt || !Array.isArray(input.servers)) return [];
  return input.servers.flatMap((server, index) => (server?.importId === undefined ? [] : [{
    property: `servers[${index}].importId`,
    value: server.importId,
    problem: 'names an existing record to import, but this construct creates its records',
    fix: 'remove importId; to take over records that already exist, use CloudMailMx with adopt: true',
  }]));
}

/** Throws one error with every reason, so bad input never reaches a target and no partial Terraform is written. */
export function throwIfInvalid(scope: Construct, reasons: readonly ValidationReason[]): void {
  if (reasons.length > 0) throw new MxValidationError(scope.node.path, [...reasons]);
}

/** Claims the domain, fits the record set to the target's capabilities and binds it; call it only once the input is valid. */
export function bindRecordSet(scope: Construct, target: IDnsTarget, recordSet: MxRecordSet, options?: BindOptions): MxRecordSet {
  claimDomain(scope, recordSet.domain, target.capabilities);
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
