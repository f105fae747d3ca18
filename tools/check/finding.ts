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
