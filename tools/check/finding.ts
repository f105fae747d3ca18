/** What a finding means for the domain. */
export enum Severity {
  /** Works, but deserves attention. */
  WARN = 'warn',
  /** Mail will not (reliably) reach the expected servers. */
  FAIL = 'fail',
  /** The domain could not be checked. */
  ERROR = 'error',
}

/** The fixed finding codes of `cloudmail-mx check`. */
export enum FindingCode {
  NO_MX = 'NO_MX',
  NULL_MX = 'NULL_MX',
  MISSING_PRIMARY = 'MISSING_PRIMARY',
  PRIMARY_NOT_TOP = 'PRIMARY_NOT_TOP',
  MISSING_BACKUP = 'MISSING_BACKUP',
  LEGACY_PRESENT = 'LEGACY_PRESENT',
  LEGACY_DEMOTED = 'LEGACY_DEMOTED',
  LEGACY_MISMATCH = 'LEGACY_MISMATCH',
  TARGET_IS_IP = 'TARGET_IS_IP',
  TARGET_IS_CNAME = 'TARGET_IS_CNAME',
  TARGET_NO_ADDRESS = 'TARGET_NO_ADDRESS',
  INCONSISTENT = 'INCONSISTENT',
  TTL_HIGH = 'TTL_HIGH',
  NXDOMAIN = 'NXDOMAIN',
  TIMEOUT = 'TIMEOUT',
  SERVFAIL = 'SERVFAIL',
  /** A server asked as one of the zone's authoritative servers answered without authority (e.g. a referral). */
  LAME_DELEGATION = 'LAME_DELEGATION',
  /** A server given as resolver answered with a referral: it does not resolve recursively. */
  REFERRAL = 'REFERRAL',
  /** A server could not be asked at all: no route (e.g. no IPv6 here), nothing listening, TCP refused after truncation. */
  UNREACHABLE = 'UNREACHABLE',
  /** The domain is a CNAME; mail follows it, so the MX set at the end of the chain was judged. */
  DOMAIN_IS_CNAME = 'DOMAIN_IS_CNAME',
  /** A name server of the zone has no address, so nobody can ask it. */
  NS_NO_ADDRESS = 'NS_NO_ADDRESS',
  /** The parent's delegation and the zone's own NS set list different name servers. */
  DELEGATION_MISMATCH = 'DELEGATION_MISMATCH',
  /** An entry to check is not a domain name (e.g. a bad line in --file). */
  INVALID_DOMAIN = 'INVALID_DOMAIN',
}

/** One thing wrong with what DNS serves; another command's findings carry its own codes. */
export interface Finding<Code extends string = FindingCode> {
  readonly code: Code;
  readonly severity: Severity;
  /** What is wrong, then "Fix:" and what to do. */
  readonly message: string;
}

/** A domain's overall verdict: its worst finding, or ok. */
export type DomainStatus = 'ok' | `${Severity}`;

const SEVERITY_RANK: Record<Severity, number> = { [Severity.WARN]: 1, [Severity.FAIL]: 2, [Severity.ERROR]: 3 };

/** Builds a finding whose message says what is wrong and what to do. */
export function finding<Code extends string = FindingCode>(code: Code, severity: Severity, problem: string, fix: string): Finding<Code> {
  return { code, severity, message: `${problem} Fix: ${fix}` };
}

/** The worst severity among the findings, or ok. */
export function statusOf(findings: readonly Finding<string>[]): DomainStatus {
  return findings.reduce<DomainStatus>((worst, next) => (worst === 'ok' || SEVERITY_RANK[next.severity] > SEVERITY_RANK[worst] ? next.severity : worst), 'ok');
}
