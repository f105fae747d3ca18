import { TerraformStack } from 'cdktf';
import { ProviderConfiguration } from '../terraform/provider-configuration';
import { CLOUDFLARE_PROVIDER } from '../targets/cloudflare-dns-record';
import { AWS_PROVIDER } from '../targets/route53-record';
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

/** Ready-made {@link IFleetProviders}. */
export class FleetProviders {
  /**
   * Providers configured from the environment only (CLOUDFLARE_API_TOKEN, AWS_*):
   * nothing secret is written into the synthesized stacks, and no provider
   * binding package is needed: the library writes the provider blocks itself.
   */
  public static fromEnvironment(props: EnvironmentFleetProvidersProps = {}): IFleetProviders {
    return {
      configure: (stack, provider) => {
        if (provider === DnsProvider.CLOUDFLARE) new ProviderConfiguration(stack, 'cloudflare', CLOUDFLARE_PROVIDER);
        else new ProviderConfiguration(stack, 'aws', AWS_PROVIDER, { region: props.awsRegion ?? 'us-east-1' });
      },
    };
  }

  private constructor() {}
}
