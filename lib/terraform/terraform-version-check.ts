import { TerraformStack } from 'cdktf';
import { IConstruct, IValidation } from 'constructs';
import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';

/** Import blocks and `plantimestamp()` in the gates need 1.5; `terraform_data` needs 1.4. */
const REQUIRED_TERRAFORM = '>=1.5';

const checksByApp = new WeakMap<IConstruct, TerraformVersionCheck>();
const stacksChecked = new WeakSet<IConstruct>();

/**
 * The one `terraform version` check of an app. cdktf's own resources add a
 * check that runs `terraform version` in a subprocess for every
 * `terraform_data` resource and every import block (32 s for a fleet of
 * 1,000 domains mid-migration); the library's resources share this one, which
 * runs the same check once and remembers its answer for every stack.
 */
export class TerraformVersionCheck implements IValidation {
  /** Makes `scope`'s stack run the app's check before it is written. */
  public static require(scope: IConstruct): void {
    const stack = TerraformStack.of(scope);
    if (stacksChecked.has(stack)) return;
    stacksChecked.add(stack);
    const root = scope.node.root;
    const check = checksByApp.get(root) ?? new TerraformVersionCheck();
    checksByApp.set(root, check);
    stack.node.addValidation(check);
  }

  private result?: string[];

  private constructor() {}

  public validate(): string[] {
    this.result ??= new ValidateTerraformVersion(REQUIRED_TERRAFORM, '').validate().map((problem) =>
      `${problem.trim()} cloudmail-mx writes import blocks and terraform_data rollout gates, which need Terraform ${REQUIRED_TERRAFORM}. Fix: install Terraform 1.5 or later and put it on PATH (or name it in TERRAFORM_BINARY_NAME).`);
    return this.result;
  }
}
