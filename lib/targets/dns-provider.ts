/** The DNS providers the library has adapters for; the values are the names used in fleet files and reports. */
export enum DnsProvider {
  /** Cloudflare: `DnsTarget.cloudflare`, `cloudflare_dns_record`. */
  CLOUDFLARE = 'cloudflare',
  /** AWS Route53: `DnsTarget.route53`, `aws_route53_record`. */
  ROUTE53 = 'route53',
  /** Google Cloud DNS: `DnsTarget.googleCloudDns`, `google_dns_record_set`. Not in fleet files. */
  GOOGLE_CLOUD_DNS = 'google-cloud-dns',
  /** Azure DNS: `DnsTarget.azureDns`, `azurerm_dns_mx_record`. Not in fleet files. */
  AZURE_DNS = 'azure-dns',
  /** Any RFC 2136 server through hashicorp/dns: `DnsTarget.rfc2136`, `dns_mx_record_set`. Not in fleet files. */
  RFC2136 = 'rfc2136',
}
