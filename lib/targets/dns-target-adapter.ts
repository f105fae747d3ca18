import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { MxRecordSet } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { DnsTargetCapabilities } from './dns-target-capabilities';

/**
 * A DNS provider adapter. Implement this to support another provider:
 * declare what the provider can hold in `capabilities`, check your own
 * settings in `validate`, and turn the record set into Terraform resources
 * in `bind`. `lib/targets/cloudflare.ts` and `lib/targets/route53.ts` are
 * complete examples.
 */
export interface IDnsTarget {
  /** What the provider can hold; the record set is fitted to it before `bind`. */
  readonly capabilities: DnsTargetCapabilities;

  /**
   * Problems with the target's own settings (zone ID format, …), and with
   * `domain` on this target (e.g. not inside its zone); empty when fine.
   * @param domain the normalized domain, or undefined when it is not a valid name
   */
  validate(domain?: string): ValidationReason[];

  /**
   * Writes the validated, normalized record set as resources inside `scope`.
   * Derive each resource's construct ID from what it holds (see `recordKey`),
   * never from a list index, so edits never replace an unrelated record.
   * Import what `importId` / `takeOverExisting` name, and make every
   * resource depend on `options.dependsOn`.
   */
  bind(scope: Construct, recordSet: MxRecordSet, options?: BindOptions): void;
}

/** Extra wiring for {@link IDnsTarget.bind}. */
export interface BindOptions {
  /**
   * Resources every record must wait for, e.g. the rollout gates.
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** How adapters name what they write: host values in the provider's form, and stable construct IDs. */
export class RecordNaming {
  /** A normalized host name the way a target writes it: with a trailing dot when `capabilities.trailingDot`; the null MX `.` as is. */
  public static host(hostName: string, capabilities: DnsTargetCapabilities): string {
    return capabilities.trailingDot && hostName !== '.' ? `${hostName}.` : hostName;
  }

  /** A stable construct ID for the record of one host: dots become underscores, which host names cannot contain. */
  public static constructId(hostName: string): string {
    return hostName === '.' ? 'null_mx' : hostName.replace(/\./g, '_');
  }

  private constructor() {}
}
