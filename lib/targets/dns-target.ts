import { CloudflareTarget, CloudflareTargetProps } from './cloudflare';
import { IDnsTarget } from './dns-target-adapter';
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

  private constructor() {}
}
