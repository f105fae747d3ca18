import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeKind, LibraryResource, TypedAttribute } from './library-resource';
import { TerraformVersionCheck } from './terraform-version-check';

/** The `terraform_data` attributes the rollout gates use. */
export interface TerraformDataConfig extends TerraformMetaArguments {
  /** Stored in state; reflected in `output` after apply. */
  readonly input?: { [key: string]: any };
  /** Replaces the resource when it changes. */
  readonly triggersReplace?: { [key: string]: any };
}

/**
 * Terraform's builtin `terraform_data` (1.4+), which needs no provider. Like
 * cdktf's `DataResource`, but it shares the app's single Terraform version
 * check instead of running `terraform version` once per resource.
 */
export class TerraformData extends LibraryResource {
  /** Stored in state; may be set after construction, when it refers to resources made later. */
  public input?: { [key: string]: any };
  /** Replaces the resource when it changes. */
  public triggersReplace?: { [key: string]: any };

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    super(scope, id, { terraformResourceType: 'terraform_data', ...config });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
    TerraformVersionCheck.require(this);
  }

  protected attributes(): { [name: string]: TypedAttribute } {
    return {
      input: { kind: AttributeKind.ANY_MAP, value: this.input },
      triggers_replace: { kind: AttributeKind.ANY_MAP, value: this.triggersReplace },
    };
  }
}
