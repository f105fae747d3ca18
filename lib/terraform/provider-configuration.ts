import { stringToHclTerraform, stringToTerraform, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { TerraformProviderSource } from './provider-requirement';

/**
 * A provider block the library writes itself, with string settings only,
 * e.g. `provider "aws" { region = "us-east-1" }` for a fleet's Route53
 * stacks: no provider binding package is needed. Credentials are never
 * settings here; providers read them from the environment.
 */
export class ProviderConfiguration extends TerraformProvider {
  constructor(scope: Construct, id: string, provider: TerraformProviderSource, private readonly settings: { [name: string]: string } = {}) {
    super(scope, id, {
      terraformResourceType: provider.name,
      terraformProviderSource: provider.source,
      terraformGeneratorMetadata: { providerName: provider.name, providerVersionConstraint: provider.versionConstraint },
    });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return Object.fromEntries(Object.entries(this.settings).map(([name, value]) => [name, stringToTerraform(value)]));
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return Object.fromEntries(Object.entries(this.settings).map(([name, value]) => [name, { value: stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' }]));
  }
}
