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

function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}
