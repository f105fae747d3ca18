import { isDeployTimeToken } from './deploy-time-token';
import { ValidationReason } from './validation-reason';

/**
 * Thrown at construction time, before anything is synthesized, with every
 * reason found for one construct.
 */
export class MxValidationError extends Error {
  public readonly constructPath: string;
  public readonly reasons: ValidationReason[];

  constructor(constructPath: string, reasons: ValidationReason[]) {
    const count = reasons.length === 1 ? '1 problem' : `${reasons.length} problems`;
    const lines = reasons.map((r) => `  - ${formatReason(r)}`);
    super(`Invalid MX configuration at ${constructPath} (${count}):\n${lines.join('\n')}`);
    this.name = 'MxValidationError';
    this.constructPath = constructPath;
    this.reasons = reasons;
  }
}

/** One reason as a line of an error message: `property = value: problem. Fix: fix`. */
export function formatReason(reason: ValidationReason): string {
  return `${reason.property} = ${formatValue(reason.value)}: ${reason.problem}. Fix: ${reason.fix}`;
}

/**
 * The value as the user wrote it. JSON would print NaN and Infinity as
 * `null`, and a cdktf number token as the huge negative double that
 * encodes it, so those are spelled out.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (isDeployTimeToken(value)) return '(a token, only known at deploy time)';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value, (_key, nested: unknown) => (typeof nested === 'number' && !Number.isFinite(nested) ? String(nested) : nested)) ?? String(value);
}
