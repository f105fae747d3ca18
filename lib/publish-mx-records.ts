import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { MxPolicy } from './mx-policy';
import { normalizeDnsName } from './model/dns-name';
import { MxRecord, MxRecordSet, MxServer } from './model/mx-server';
import { validateMxServers } from './model/mx-servers-validator';
import { MxValidationError } from './model/mx-validation-error';
import { IDnsTarget } from './targets/dns-target-adapter';
import { DnsTargetCapabilities, validateTtl } from './targets/dns-target-capabilities';

/** What every MX construct is given. */
export interface MxPublication {
  readonly domain: string;
  readonly target: IDnsTarget;
  readonly servers: readonly MxServer[];
  readonly ttl: number;
}

/**
 * Validates everything first and throws one error with every reason, so bad
 * input never reaches `bind` and no partial Terraform is written; then fits
 * the set to the target's capabilities and binds it.
 */
export function publishMxRecords(scope: Construct, input: MxPublication, policy: MxPolicy = {}): MxRecordSet {
  const domain = normalizeDnsName(input.domain, { property: 'domain' });
  const servers = validateMxServers(input.servers, 'servers', policy.hostRule);
  const setReasons = servers.reasons.length === 0 && policy.setRule ? policy.setRule(servers.records) : [];
  const reasons = [
    ...domain.reasons,
    ...servers.reasons,
    ...setReasons,
    ...validateTtl(input.ttl, input.target.capabilities),
    ...input.target.validate(),
  ];
  if (reasons.length > 0 || domain.name === undefined) {
    throw new MxValidationError(scope.node.path, reasons);
  }
  const records = fitToCapabilities(scope, servers.records, input.target.capabilities);
  const recordSet: MxRecordSet = { domain: domain.name, ttl: input.ttl, records };
  input.target.bind(scope, recordSet);
  return recordSet;
}

/** Keeps the lowest-priority records a limited target can hold, and says which were dropped. */
function fitToCapabilities(scope: Construct, records: readonly MxRecord[], capabilities: DnsTargetCapabilities): readonly MxRecord[] {
  const max = capabilities.maxRecords;
  if (max === undefined || records.length <= max) return records;
  const kept = records.slice(0, max);
  const dropped = records.slice(max).map((record) => `${record.hostName} (${record.priority})`);
  Annotations.of(scope).addWarning(
    `${capabilities.providerName} holds at most ${max} MX record(s) per name: publishing ${kept.map((r) => r.hostName).join(', ')} only; dropped ${dropped.join(', ')}.`,
  );
  return kept;
}
