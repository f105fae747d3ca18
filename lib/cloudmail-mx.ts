import { Annotations, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { validateAdoption } from './adoption-validation';
import { CloudMail } from './cloudmail/cloudmail';
import { validateCloudMailPrimary } from './cloudmail/cloudmail-primary-rule';
import { cloudMailTypoGuard } from './cloudmail/typo-guard';
import { ImportIdUse, validateImportIds } from './import-ids';
import { MxRecordSet, MxServer, NULL_MX_HOST } from './model/mx-server';
import { MxPolicy } from './mx-policy';
import { DEFAULT_MX_TTL } from './mx-records';
import { bindRecordSet, MxPublication, throwIfInvalid, validateMxPublication } from './publish-mx-records';
import { writeMxManifest } from './mx-manifest';
import { describeWindow, validateWindow } from './rollout/maintenance-window';
import { DEFAULT_ROLLOUT_TTL, DEFAULT_SOAK_SECONDS, LegacyRecords, RolloutOptions } from './rollout/rollout-options';
import { RolloutGates } from './rollout/rollout-gates';
import { planRollout } from './rollout/rollout-plan';
import { LegacyPolicy, RolloutStage } from './rollout/rollout-stage';
import { rolloutTtlWarnings, validateLegacy, validateRollout } from './rollout/rollout-validation';
import { IDnsTarget } from './targets/dns-target-adapter';
import { ttlSeconds } from './targets/dns-target-capabilities';
/** Props for {@link CloudMailMx}. */
export interface CloudMailMxProps {
  /** The domain that receives mail, e.g. `example.com`. Case, a trailing dot and IDN are normalized. */
  readonly domain: string;
  /** The DNS provider and zone to write to, e.g. `DnsTarget.cloudflare({ zoneId })`. */
  readonly target: IDnsTarget;
  /**
   * The mail servers. mx1.cloudaccess.net must have the unique lowest priority.
   * @default CloudMail.servers() - mx1.cloudaccess.net at priority 10
   */
  readonly servers?: MxServer[];
  /**
   * TTL of the records once the domain is on CloudMail, in seconds.
   * @default 3600
   */
  readonly ttl?: number;
  /**
   * The MX records the domain publishes today, not pointing at CloudMail,
   * to be taken over and then deleted or demoted.
   * @default - none: the domain has no MX records yet
   */
  readonly legacy?: LegacyRecords;
  /**
   * Move the domain in stages (LOWER_TTL, CUTOVER, COMPLETE), each gated by Terraform.
   * @default - no staged rollout: the records are written in one step
   */
  readonly rollout?: RolloutOptions;
  /**
   * The CloudMail records already exist outside this Terraform state (set
   * by hand, or the state was lost or recreated): import them instead of
   * creating them. On Cloudflare give each server's `importId`; Route53
   * imports the whole RRset. No rollout stage is involved.
   * @default false
   */
  readonly adopt?: boolean;
}

const CLOUDMAIL_POLICY: MxPolicy = { hostRule: cloudMailTypoGuard, setRule: validateCloudMailPrimary };

/**
 * Points a domain's mail at CloudMail: MxRecords plus CloudMail's rules
 * (mx1.cloudaccess.net alone on top, misspelled CloudMail hosts refused),
 * with an optional staged takeover of the records the domain has today.
 */
export class CloudMailMx extends Construct {
  /** The records as written by this stage: normalized domain, TTL and sorted records. */
  public readonly recordSet: MxRecordSet;

  constructor(scope: Construct, id: string, props: CloudMailMxProps) {
    super(scope, id);
    const input: MxPublication = { ...props, servers: props.servers ?? CloudMail.servers(), ttl: props.ttl ?? DEFAULT_MX_TTL };
    const capabilities = props.target.capabilities;
    const validated = validateMxPublication(this, input, CLOUDMAIL_POLICY);
    const legacy = props.legacy ? validateLegacy(props.legacy, validated.records, capabilities, props.rollout?.stage) : { records: [], reasons: [] };
    throwIfInvalid(this, [
      ...validated.reasons,
      ...legacy.reasons,
      ...validateImportIds(importIdUses(props, input.servers), capabilities),
      ...(props.adopt ? validateAdoption({ servers: input.servers, legacy: legacy.records, rollout: props.rollout }, capabilities) : []),
      ...(props.rollout ? validateRollout(props.rollout, capabilities, props.legacy !== undefined, input.ttl) : []),
    ]);
    const domain = validated.domain!;

    if (props.legacy === undefined && props.rollout === undefined && !props.adopt) {
      this.recordSet = bindRecordSet(this, props.target, { domain, ttl: input.ttl, records: validated.records });
      return;
    }
    const rolloutTtl = props.rollout?.rolloutTtl ?? DEFAULT_ROLLOUT_TTL;
    const policy = props.legacy?.policy ?? LegacyPolicy.DELETE;
    const plan = planRollout({
      cloudMail: validated.records,
      legacy: legacy.records,
      policy,
      stage: props.rollout?.stage,
      ttl: input.ttl,
      rolloutTtl,
      takeover: capabilities.takeover,
      adopt: props.adopt,
    });
    [...plan.warnings, ...(props.rollout ? rolloutTtlWarnings(props.rollout, capabilities) : [])].forEach((warning) => Annotations.of(this).addWarning(warning));
    this.recordSet = bindRecordSet(this, props.target, { domain, ttl: plan.ttl, records: plan.records, takeOverExisting: plan.takesOverExisting });
    const rollout = props.rollout && {
      stage: props.rollout.stage,
      previousTtl: ttlSeconds(props.rollout.previousTtl, capabilities),
      rolloutTtl: ttlSeconds(rolloutTtl, capabilities),
      soak: props.rollout.soak ?? DEFAULT_SOAK_SECONDS,
      window: props.rollout.window && validateWindow(props.rollout.window, 'rollout.window').minutes,
      gated: plan.gated,
    };
    if (rollout) {
      new RolloutGates(this, 'rollout', {
        domain,
        ...rollout,
        records: this.recordSet.records,
        ttl: this.recordSet.ttl,
        // The records are this construct's only resources so far.
        recordResources: this.node.children.filter((child): child is TerraformResource => TerraformResource.isTerraformResource(child)),
        oldServerPolicy: legacy.records.some((record) => record.hostName !== NULL_MX_HOST) ? policy : undefined,
      });
    }
    writeMxManifest(this, {
      path: this.node.path,
      domain,
      legacy: props.legacy && { policy, records: legacy.records.map((record) => `${record.priority} ${record.hostName}`) },
      rollout: rollout && {
        stage: rollout.stage,
        previousTtl: props.rollout!.previousTtl,
        rolloutTtl,
        soak: rollout.soak,
        gated: rollout.gated,
        waitSeconds: { [RolloutStage.CUTOVER]: rollout.previousTtl, [RolloutStage.COMPLETE]: rollout.soak },
        window: rollout.window && describeWindow(rollout.window),
      },
    });
  }
}

/** Every importId the construct was given: the legacy records' always, the servers' when adopting. */
function importIdUses(props: CloudMailMxProps, servers: readonly MxServer[]): ImportIdUse[] {
  const uses = (list: readonly MxServer[] | undefined, property: string) =>
    (Array.isArray(list) ? list : []).map((server, index) => ({ property: `${property}[${index}].importId`, importId: server?.importId }));
  return [...(props.adopt ? uses(servers, 'servers') : []), ...uses(props.legacy?.servers, 'legacy.servers')];
}
