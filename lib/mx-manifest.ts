import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MX_MANIFEST_KEY } from './mx-manifest-key';
import { LegacyPolicy, RolloutStage } from './rollout/rollout-stage';

export { MX_MANIFEST_KEY };

/** A record as "priority host", the way reviewers read MX records. */
export type MxRecordText = string;

/**
 * What an MX construct with legacy records or a rollout meant, written into
 * its stack's `cdk.tf.json` so tools that read synth output (summary) need
 * not guess which records are legacy or where a rollout stands. Everything
 * else is in the resources themselves, so plain constructs write no entry:
 * a fleet of plain domains pays nothing for it.
 */
export interface MxManifestEntry {
  /** The construct path; its records are its direct children. */
  readonly path: string;
  readonly domain: string;
  /** The legacy records as they were before the rollout, and what happens to them. */
  readonly legacy?: { readonly policy: LegacyPolicy; readonly records: readonly MxRecordText[] };
  readonly rollout?: {
    readonly stage: RolloutStage;
    readonly previousTtl: number;
    readonly rolloutTtl: number;
    readonly soak: number;
    /** False when nothing is waited for (no legacy records). */
    readonly gated: boolean;
    /**
     * Seconds CUTOVER and COMPLETE wait after the stage before them, as the
     * gates count them (a provider's automatic TTL at its real length),
     * before any longer value remembered in Terraform state.
     */
    readonly waitSeconds: { readonly [RolloutStage.CUTOVER]: number; readonly [RolloutStage.COMPLETE]: number };
    /** The maintenance window of CUTOVER and COMPLETE, in words; absent when any time is allowed. */
    readonly window?: string;
  };
}

/** Adds the construct's entry to its stack. Keyed by node address: unique, stable, and free of dots. */
export function writeMxManifest(construct: Construct, entry: MxManifestEntry): void {
  TerraformStack.of(construct).addOverride(`//.${MX_MANIFEST_KEY}.${construct.node.addr}`, entry);
}
