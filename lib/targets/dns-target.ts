import { AzureDnsTarget, AzureDnsTargetProps } from './azure-dns';
import { CloudflareTarget, CloudflareTargetProps } from './cloudflare';
import { IDnsTarget } from './dns-target-adapter';
import { GoogleCloudDnsTarget, GoogleCloudDnsTargetProps } from './google-cloud-dns';
import { Rfc2136Target, Rfc2136TargetProps } from './rfc2136';
import { Route53Target, Route53TargetProps } from './route53';

/** Where MX records are written. For another provider, implement {@link IDnsTarget}. */
export class DnsTarget {
  /** A Cloudflare zone (`cloudflare_dns_record`, provider 5.14). */
  public static cloudflare(props: CloudflareTargetProps): IDnsTarget {
    return new CloudflareTarget(props);
  }

  /** A Route53 hosted zone (`aws_route53_record`, provider 6.25). */
  public static route53(props: Route53TargetProps): IDnsTarget {
    return new Route53Target(props);
  }

  /** A Google Cloud DNS managed zone (`google_dns_record_set`, provider 4.x-7.x). */
  public static googleCloudDns(props: GoogleCloudDnsTargetProps): IDnsTarget {
    return new GoogleCloudDnsTarget(props);
  }

  /** An Azure DNS zone (`azurerm_dns_mx_record`, provider 4.x-5.x). */
  public static azureDns(props: AzureDnsTargetProps): IDnsTarget {
    return new AzureDnsTarget(props);
  }

  /** A zone on any server that accepts RFC 2136 dynamic updates (`dns_mx_record_set`, hashicorp/dns 3.x). */
  public static rfc2136(props: Rfc2136TargetProps): IDnsTarget {
    return new Rfc2136Target(props);
  }

  private constructor() {}
}
