import {
  anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl, listMapper, listMapperHcl,
  numberToHclTerraform, numberToTerraform, stringToHclTerraform, stringToTerraform,
  TerraformProvider, TerraformResource, TerraformResourceConfig,
} from 'cdktf';
import { Construct } from 'constructs';
import { TerraformVersionCheck } from './terraform-version-check';

/** How an attribute is written: the Terraform type of its value. */
export enum AttributeKind {
  STRING = 'string',
  NUMBER = 'number',
  STRING_SET = 'stringSet',
  ANY_MAP = 'anyMap',
  /**
   * Nested blocks written once per element, e.g. `record { preference exchange }`:
   * the value is a list of blocks, each a map of its own typed attributes.
   */
  BLOCK_SET = 'blockSet',
}

/** One nested block: its attributes by their Terraform names. */
export type TypedBlock = { [name: string]: TypedAttribute };

/** One attribute of a resource, with what it holds. */
export interface TypedAttribute {
  readonly kind: AttributeKind;
  readonly value: unknown;
}

/**
 * A Terraform resource the library writes itself, so that no provider
 * binding package is needed: the subclass names its attributes and kinds,
 * and this writes them in cdk.tf.json and in `cdktf synth --hcl` form, the
 * way generated bindings do. Import blocks are written here too, sharing the
 * app's single {@link TerraformVersionCheck} instead of one subprocess each.
 */
export abstract class LibraryResource extends TerraformResource {
  private imported?: { readonly id: string; readonly provider?: TerraformProvider };

  constructor(scope: Construct, id: string, config: TerraformResourceConfig) {
    super(scope, id, config);
  }

  /** The attributes to write, by their Terraform names. */
  protected abstract attributes(): { [name: string]: TypedAttribute };

  /** Adopts the existing object `id` through an import block (Terraform 1.5+). */
  public importFrom(id: string, provider?: TerraformProvider): void {
    this.imported = { id, provider };
    TerraformVersionCheck.require(this);
  }

  public toTerraform(): any {
    const terraform = super.toTerraform();
    if (this.imported === undefined) return terraform;
    const { id, provider } = this.imported;
    return { ...terraform, import: [{ provider: provider?.fqn, id, to: this.address }] };
  }

  public toHclTerraform(): any {
    const terraform = super.toHclTerraform();
    if (this.imported === undefined) return terraform;
    const { id, provider } = this.imported;
    const simple = (value: string, storageClassType: string) => ({ value, type: 'simple', storageClassType });
    return {
      ...terraform,
      import: [{ to: simple(this.address, 'reference'), id: simple(id, 'string'), provider: provider && simple(provider.fqn, 'reference') }],
    };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return mapAttributes(this.attributes(), toTerraform);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return mapAttributes(this.attributes(), toHcl);
  }

  private get address(): string {
    return `${this.terraformResourceType}.${this.friendlyUniqueId}`;
  }
}

const TO_TERRAFORM: Record<AttributeKind, (value: unknown) => unknown> = {
  [AttributeKind.STRING]: stringToTerraform,
  [AttributeKind.NUMBER]: numberToTerraform,
  [AttributeKind.STRING_SET]: listMapper(stringToTerraform, false),
  [AttributeKind.ANY_MAP]: hashMapper(anyToTerraform),
  // A list of objects in JSON, as generated bindings write blocks.
  [AttributeKind.BLOCK_SET]: listMapper((block: TypedBlock) => mapAttributes(block, toTerraform), true),
};

function toTerraform(attribute: TypedAttribute): unknown {
  return TO_TERRAFORM[attribute.kind](attribute.value);
}

/** The `--hcl` form: a value with its type, as generated bindings write it. */
function toHcl(attribute: TypedAttribute): unknown {
  switch (attribute.kind) {
    case AttributeKind.STRING:
      return { value: stringToHclTerraform(attribute.value), isBlock: false, type: 'simple', storageClassType: 'string' };
    case AttributeKind.NUMBER:
      return { value: numberToHclTerraform(attribute.value), isBlock: false, type: 'simple', storageClassType: 'number' };
    case AttributeKind.STRING_SET:
      return { value: listMapperHcl(stringToHclTerraform, false)(attribute.value), isBlock: false, type: 'set', storageClassType: 'stringList' };
    case AttributeKind.ANY_MAP:
      return hashMapperHcl(anyToHclTerraform)(attribute.value);
    case AttributeKind.BLOCK_SET:
      // isBlock makes the renderer write `name { … }` once per element instead of `name = [ … ]`.
      return { value: listMapperHcl((block: TypedBlock) => mapAttributes(block, toHcl), true)(attribute.value), isBlock: true, type: 'set', storageClassType: 'blockList' };
  }
}

function mapAttributes(attributes: { [name: string]: TypedAttribute }, map: (attribute: TypedAttribute) => unknown): { [name: string]: any } {
  return Object.fromEntries(Object.entries(attributes).map(([name, attribute]) => [name, map(attribute)]));
}
