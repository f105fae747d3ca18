/** The attributes of a Cloudflare MX record as they appear in `cdk.tf.json`. */
export interface CloudflareMxAttributes {
  readonly name: string;
  readonly type: string;
  readonly content: string;
  readonly priority: number;
  readonly ttl: number;
}

/**
 * What `cloudflare_dns_record` (5.14) reads back for an MX record we wrote.
 * An emitted value that this changes would show as a diff on every plan.
 * - content: the API lowercases it and strips the trailing dot, except for a
 *   null MX, which it returns as "." (dnscontrol #702, octodns-cloudflare #23);
 * - name: returned as the lowercase FQDN; "@" comes back as the zone name (#5440);
 * - type is upper case; priority and ttl come back as numbers unchanged.
 */
export function normalizeCloudflareMx(attributes: CloudflareMxAttributes): CloudflareMxAttributes {
  const content = attributes.content.toLowerCase();
  const name = attributes.name.toLowerCase();
  return {
    name: name === '@' ? '<zone apex>' : stripTrailingDot(name),
    type: attributes.type.toUpperCase(),
    content: content === '.' ? '.' : stripTrailingDot(content),
    priority: attributes.priority,
    ttl: attributes.ttl,
  };
}

function stripTrailingDot(value: string): string {
  return value.endsWith('.') ? value.slice(0, -1) : value;
}
