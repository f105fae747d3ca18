import { formatReason } from '../model/mx-validation-error';
import { ValidationReason } from '../model/validation-reason';

/** One problem of a fleet file, with the entry it belongs to. */
export interface FleetProblem extends ValidationReason {
  /**
   * The entry, e.g. `example.com (domains[3])`.
   * @default - a problem of the file itself, e.g. `shards`
   */
  readonly entry?: string;
}

/**
 * Every problem of a fleet, across all its domains, in one error. Thrown
 * before any stack is synthesized, so a bad entry never writes Terraform.
 */
export class FleetValidationError extends Error {
  /** The fleet file. */
  public readonly source: string;
  public readonly problems: FleetProblem[];

  constructor(source: string, problems: FleetProblem[]) {
    const entries = new Set(problems.map((p) => p.entry ?? '')).size;
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${entries} entr${entries === 1 ? 'y' : 'ies'}`;
    const lines = problems.map((p) => `  - ${p.entry === undefined ? '' : `${p.entry}: `}${formatReason(p)}`);
    super(`Invalid fleet ${source} (${count}; nothing was synthesized):\n${lines.join('\n')}`);
    this.name = 'FleetValidationError';
    this.source = source;
    this.problems = problems;
  }
}

/** How messages name an entry: its domain when it has one, and always its position. */
export function entryLabel(domain: unknown, index: number): string {
  return typeof domain === 'string' && domain !== '' ? `${domain} (domains[${index}])` : `domains[${index}]`;
}

