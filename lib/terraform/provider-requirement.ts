import { TerraformElement, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** Where Terraform finds a provider, and the versions whose schema the library writes. */
export interface TerraformProviderSource {
  /** The provider's local name, e.g. `cloudflare`; also its resource type prefix. */
  readonly name: string;
  /** The registry source, e.g. `cloudflare/cloudflare`. */
  readonly source: string;
  /** The versions whose schema the library's resources follow, e.g. `~> 5.14`. */
  readonly versionConstraint: string;
  /**
   * The only major version whose schema has the library's resource types
   * (Cloudflare 4.x has no `cloudflare_dns_record`); a provider construct of
   * another major version is refused at synth.
   * @default - any version of a provider construct is accepted
   */
  readonly requiredMajorVersion?: number;
  /**
   * Blocks the provider's configuration requires even when empty (azurerm's
   * `features {}`): written in a provider block of their own when the stack
   * has no provider construct of this name.
   * @default - none: no provider block is needed
   */
  readonly requiredBlocks?: string[];
}

/**
 * The `required_providers` entry a stack needs for the library's own
 * resources. When the stack has a provider construct of that name (the
 * user's binding, e.g. `CloudflareProvider`, or a `cdktn get` one), that
 * construct writes the entry and this writes nothing; otherwise this writes
 * it, with a provider block when the provider requires one (azurerm), so no
 * provider binding package is ever required.
 */
export class ProviderRequirement extends TerraformElement {
  /** Adds the requirement to `scope`'s stack once. */
  public static ensure(scope: Construct, provider: TerraformProviderSource): void {
    const stack = TerraformStack.of(scope);
    const id = `cloudmail-mx-requires-${provider.name}`;
    if (stack.node.tryFindChild(id) === undefined) new ProviderRequirement(stack, id, provider);
  }

  private constructor(scope: Construct, id: string, private readonly provider: TerraformProviderSource) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.incompatibleProviderConstructs() });
  }

  public toTerraform(): any {
    return this.requirement([{}]);
  }

  public toHclTerraform(): any {
    return this.requirement({ value: [{}], isBlock: true, type: 'list', storageClassType: 'blockList' });
  }

  /** The entry, plus a provider block holding each required block as `emptyBlock`, the synth's form of an empty block. */
  private requirement(emptyBlock: unknown): any {
    if (this.stackHasProviderConstruct()) return {};
    const { name, source, versionConstraint, requiredBlocks = [] } = this.provider;
    const entry = { terraform: { required_providers: { [name]: { source, version: versionConstraint } } } };
    if (requiredBlocks.length === 0) return entry;
    return { ...entry, provider: { [name]: [Object.fromEntries(requiredBlocks.map((block) => [block, emptyBlock]))] } };
  }

  private stackHasProviderConstruct(): boolean {
    return this.providerConstructs().length > 0;
  }

  private providerConstructs(): TerraformProvider[] {
    return this.cdktfStack.node.findAll().filter((node): node is TerraformProvider => TerraformProvider.isTerraformProvider(node) && node.terraformResourceType === this.provider.name);
  }

  private incompatibleProviderConstructs(): string[] {
    const { name, versionConstraint, requiredMajorVersion } = this.provider;
    if (requiredMajorVersion === undefined) return [];
    return this.providerConstructs().flatMap((construct) => {
      const version = construct.terraformGeneratorMetadata?.providerVersion;
      if (version === undefined || Number(version.split('.')[0]) === requiredMajorVersion) return [];
      return [`The ${name} provider construct ${construct.node.path} is for ${name} ${version}, but cloudmail-mx writes the ${name} ${versionConstraint} schema. Fix: use a ${name} provider binding for ${requiredMajorVersion}.x, or remove the construct and let cloudmail-mx require ${name} ${versionConstraint} itself.`];
    });
  }
}
