// The Node-only tools' programmatic API: `import { checkDomains } from 'cloudmail-mx/tools'`.
// Not part of the multi-language construct API (lib/index.ts).
export { checkDomain, checkDomains, CheckOptions, CheckDomainsOptions, CheckReport, DomainReport, ServerReport, DomainCheckRequest, CheckOptionsError } from './check/check-domain';
export { Finding, FindingCode, Severity, DomainStatus } from './check/finding';
export { ServedMxRecord } from './check/observation';
export * from './synth/read-synth-output';
export * from './synth/read-mx-manifest';
export * from './summary/domain-summary';
export { ChangeKind, RecordChange, StageMove, DomainChange, DomainComparison, compareDomains } from './summary/summary-diff';
export * from './summary/safety-warnings';
export * from './summary/summary-report';
export { renderSummaryMarkdown, SUMMARY_MARKER } from './summary/render-summary-markdown';
export { discoverDomains, DiscoverOptions, DiscoverCloudflareOptions } from './discover/discover-domains';
export * from './discover/domain-discovery';
export { renderDiscoveryTs } from './discover/render-discovery-ts';
export { renderDiscoveryFleet, FleetRendering } from './discover/render-discovery-fleet';
