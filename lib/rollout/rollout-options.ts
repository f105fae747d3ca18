import { MxServer } from '../model/mx-server';
import { MaintenanceWindow } from './maintenance-window';
import { LegacyPolicy, RolloutStage } from './rollout-stage';

/** A record the domain publishes today, outside Terraform; on Cloudflare its `importId` is required. */
export interface LegacyServer extends MxServer {}

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
  /** The stage to synthesize; move through LOWER_TTL, CUTOVER, COMPLETE in order, or back with ROLLBACK. */
  readonly stage: RolloutStage;
  /**
   * The TTL the legacy records had before the rollout, in seconds: how long
   * caches may hold them. On Cloudflare, 1 (automatic) counts as 300 s.
   */
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
  /**
   * When CUTOVER and COMPLETE may be applied; Terraform refuses them
   * outside it, naming the next opening.
   * @default - any time
   */
  readonly window?: MaintenanceWindow;
}

export const DEFAULT_ROLLOUT_TTL = 300;
export const DEFAULT_SOAK_SECONDS = 72 * 3600;
/**
 * The longest wait a rollout accepts: the largest TTL there is (2^31 - 1 s,
 * RFC 2181 §8), since no cache holds a record longer. It also keeps every
 * time Terraform computes from a wait far inside what `timeadd` can handle.
 */
export const MAX_WAIT_SECONDS = 2147483647;
