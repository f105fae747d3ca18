import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { loadOptionalPeer } from '../targets/optional-peer';
import { DnsProvider } from '../targets/dns-provider';

/** Adds the Terraform provider a fleet stack's records need. Implement it for aliases, assumed roles or explicit credentials. */
export interface IFleetProviders {
  /** Adds the default provider for `provider` to `stack`; called once per stack. */
  configure(stack: TerraformStack, provider: DnsProvider): void;
}

/** Props for {@link FleetProviders.fromEnvironment}. */
export interface EnvironmentFleetProvidersProps {
  /**
   * Region of the AWS provider. Route53 is a global service; the region only picks the API endpoint.
   * @default 'us-east-1'
   */
  readonly awsRegion?: string;
}

type ProviderClass<Config> = new (scope: Construct, id: string, config: Config) => TerraformProvider;

/** Ready-made {@link IFleetProviders}. */
export class FleetProviders {
  /**
   * Providers configured from the environment only (CLOUDFLARE_API_TOKEN, AWS_*):
   * nothing secret is written into the synthesized stacks. Each provider package
   * is loaded only when a stack of that provider exists (optional peers).
   */
  public static fromEnvironment(props: EnvironmentFleetProvidersProps = {}): IFleetProviders {
    return {
      configure: (stack, provider) => {
        if (provider === DnsProvider.CLOUDFLARE) {
          const { CloudflareProvider } = loadOptionalPeer<{ CloudflareProvider: ProviderClass<object> }>(
            '@cdktf/provider-cloudflare/lib/provider', '@cdktf/provider-cloudflare', 'CloudMailFleet (provider "cloudflare")',
          );
          new CloudflareProvider(stack, 'cloudflare', {});
        } else {
          const { AwsProvider } = loadOptionalPeer<{ AwsProvider: ProviderClass<{ region: string }> }>(
            '@cdktf/provider-aws/lib/provider', '@cdktf/provider-aws', 'CloudMailFleet (provider "route53")',
          );
          new AwsProvider(stack, 'aws', { region: props.awsRegion ?? 'us-east-1' });
        }
      },
    };
  }

  private constructor() {}
}
