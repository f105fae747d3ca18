import { MxServer } from '../model/mx-server';
import { LegacyPolicy, RolloutStage } from './rollout-stage';

/** A record the domain publishes today, outside Terraform. */
export interface LegacyServer extends MxServer {
  /**
   * The provider's ID of the existing record, for targets that import record
   * by record. Cloudflare: `<zone_id>/<record_id>`.
   * @default - none; required on Cloudflare
   */
  readonly importId?: string;
}

/** The MX records a domain publishes before it moves to CloudMail. */
export interface LegacyRecords {
  /** The records as they are today: same hosts, same priorities. */
  readonly servers: LegacyServer[];
  /**
   * Delete them at the end, or keep them demoted.
   * @default LegacyPolicy.DELETE
   */
  readonly policy?: LegacyPolicy;
}

/** Where a domain is in its staged move to CloudMail. */
export interface RolloutOptions {
  /** The stage to synthesize; move through LOWER_TTL, CUTOVER, COMPLETE in order. */
  readonly stage: RolloutStage;
  /** The TTL the legacy records had before the rollout, in seconds: how long caches may hold them. */
  readonly previousTtl: number;
  /**
   * The TTL used while the rollout is in progress, in seconds.
   * @default 300
   */
  readonly rolloutTtl?: number;
  /**
   * Seconds from the cutover being applied until COMPLETE is allowed.
   * @default 259200 (72 h, the propagation time the CloudMail article gives)
   */
  readonly soak?: number;
}

export const DEFAULT_ROLLOUT_TTL = 300;
export const DEFAULT_SOAK_SECONDS = 72 * 3600;
