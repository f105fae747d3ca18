/**
 * One thing wrong with the input, in the words a user can act on.
 * Validators return lists of these instead of throwing, so every problem
 * of a construct is reported in one error (the octodns pattern).
 */
export interface ValidationReason {
  /** The property path, e.g. `servers[1].hostName`. */
  readonly property: string;
  /** The value as the user wrote it. */
  readonly value: unknown;
  /** What is wrong with it. */
  readonly problem: string;
  /** What to do instead. */
  readonly fix: string;
}
