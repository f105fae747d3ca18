import { normalizeMxValues } from './mx-value-normalization';

/** The attributes of a Route53 MX RRset as they appear in `cdk.tf.json`. */
export interface Route53MxAttributes {
  readonly zone_id: string;
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly records: readonly string[];
}

/**
 * What `aws_route53_record` (6.25) reads back for an MX RRset we wrote.
 * An emitted value that this changes would show as a diff on every plan.
 * - zone_id: "/hostedzone/" is stripped;
 * - name: lowercased, trailing dot stripped;
 * - records: a set; Route53 answers each MX value as "<preference> <fqdn>."
 *   in lowercase, so undotted or mixed-case values flap (octodns-route53 #84).
 *   The set is modelled in (priority, host) order.
 */
export function normalizeRoute53Mx(attributes: Route53MxAttributes): Route53MxAttributes {
  return {
    zone_id: attributes.zone_id.replace(/^\/hostedzone\//, ''),
    name: attributes.name.toLowerCase().replace(/\.$/, ''),
    type: attributes.type.toUpperCase(),
    ttl: attributes.ttl,
    records: normalizeMxValues(attributes.records),
  };
}
