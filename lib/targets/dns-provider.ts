/** The DNS providers the library has adapters for; the values are the names used in fleet files and reports. */
export enum DnsProvider {
  /** Cloudflare: `DnsTarget.cloudflare`, `cloudflare_dns_record`. */
  CLOUDFLARE = 'cloudflare',
  /** AWS Route53: `DnsTarget.route53`, `aws_route53_record`. */
  ROUTE53 = 'route53',
}
