import { normalizeMxValues } from './mx-value-normalization';

/** The attributes of a Google MX set as they appear in `cdk.tf.json`. */
export interface GoogleMxAttributes {
  readonly managed_zone: string;
  readonly project?: string;
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly rrdatas: readonly string[];
}

/**
 * What `google_dns_record_set` reads back for an MX set we wrote
 * (resourceDnsRecordSetRead sets type, ttl and rrdatas from the API; name,
 * managed_zone and project stay as configured).
 * An emitted value that this changes would show as a diff on every plan.
 * - rrdatas: Cloud DNS returns MX data lowercase (provider #862) with the
 *   exchange absolute, i.e. dotted (external-dns #159: Cloud DNS wants the
 *   dot); rrdatasDnsDiffSuppress compares them as an unordered set, so they
 *   are modelled deduplicated in (priority, host) order;
 * - name must end with a dot (validateRecordNameTrailingDot) and is modelled
 *   lowercase, as Cloud DNS names records;
 * - type is upper case; ttl comes back unchanged.
 */
export function normalizeGoogleMx(attributes: GoogleMxAttributes): GoogleMxAttributes {
  const name = attributes.name.toLowerCase();
  return {
    ...attributes,
    name: name.endsWith('.') ? name : `${name}.`,
    type: attributes.type.toUpperCase(),
    rrdatas: normalizeMxValues(attributes.rrdatas),
  };
}
