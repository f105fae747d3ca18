/** The pull requests that move a live domain to CloudMail without bouncing mail, and the one that goes back. */
export enum RolloutStage {
  /** Take over the existing records and lower their TTL; no CloudMail record yet. */
  LOWER_TTL = 'LOWER_TTL',
  /** Publish CloudMail on top, the old records demoted below it; allowed once the old TTL has expired. */
  CUTOVER = 'CUTOVER',
  /** Final TTL; the old records deleted or kept demoted; allowed after the soak period. */
  COMPLETE = 'COMPLETE',
  /**
   * Back to the old records, as declared and on top, CloudMail's kept
   * below them; allowed at any time once LOWER_TTL was applied. Moving on
   * from it starts again at LOWER_TTL or CUTOVER.
   */
  ROLLBACK = 'ROLLBACK',
}

/** The forward stages, in the order they must be applied. */
export const ROLLOUT_STAGES: readonly RolloutStage[] = [RolloutStage.LOWER_TTL, RolloutStage.CUTOVER, RolloutStage.COMPLETE];

/** What happens to the legacy records once the domain is on CloudMail. */
export enum LegacyPolicy {
  /** Delete them. */
  DELETE = 'DELETE',
  /** Keep them as low-priority backups, above every CloudMail priority. */
  DEMOTE = 'DEMOTE',
}
