// The construct library's public API, the same in every jsii language: constructs,
// targets, the record model and the enums. The Node-only tools have their own entry
// (tools/index.ts, published as cloudmail-mx/tools).
export { CloudMailMx, CloudMailMxProps } from './cloudmail-mx';
export { MxRecords, MxRecordsProps } from './mx-records';
export { NullMx, NullMxProps } from './null-mx';
export { CloudMail, CloudMailServersOptions } from './cloudmail/cloudmail';
export { MxServer, MxRecord, MxRecordSet } from './model/mx-server';
export { ValidationReason } from './model/validation-reason';
export { ValidationErrors } from './model/validation-errors';
export { DnsTarget } from './targets/dns-target';
export { IDnsTarget, BindOptions, RecordNaming } from './targets/dns-target-adapter';
export { DnsTargetCapabilities, TtlRange, AutomaticTtl, TakeoverMode } from './targets/dns-target-capabilities';
export { DnsProvider } from './targets/dns-provider';
export { CloudflareTargetProps } from './targets/cloudflare';
export { Route53TargetProps } from './targets/route53';
export { GoogleCloudDnsTargetProps } from './targets/google-cloud-dns';
export { AzureDnsTargetProps } from './targets/azure-dns';
export { Rfc2136TargetProps } from './targets/rfc2136';
export { RolloutStage, LegacyPolicy } from './rollout/rollout-stage';
export { LegacyServer, LegacyRecords, RolloutOptions } from './rollout/rollout-options';
export { MaintenanceWindow, Weekday } from './rollout/maintenance-window';
export { CloudMailFleet, CloudMailFleetProps } from './fleet/cloudmail-fleet';
export { FleetBackend, IFleetBackend, S3FleetBackendProps, LocalFleetBackendProps } from './fleet/fleet-backend';
export { FleetDefinition, FleetEntry, FleetLegacy, FleetLegacyServer, FleetRollout } from './fleet/fleet-entry';
export { FleetFile } from './fleet/fleet-file';
export { FleetProviders, IFleetProviders, EnvironmentFleetProvidersProps } from './fleet/fleet-providers';
export { FleetProblem } from './fleet/fleet-validation-error';
