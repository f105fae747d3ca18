/** One MX record as a server served it. */
export interface ServedMxRecord {
  /** Lowercase, no trailing dot; "." for a null MX. */
  readonly hostName: string;
  readonly priority: number;
  /** Seconds, as served. */
  readonly ttl: number;
}

/** What one server answered to the MX question. */
export type ServerOutcome =
  | { readonly kind: 'records'; readonly records: readonly ServedMxRecord[] }
  | { readonly kind: 'nxdomain' }
  | { readonly kind: 'timeout'; readonly detail: string }
  | { readonly kind: 'servfail'; readonly detail: string };

/** One server, and what it answered. */
export interface ServerObservation {
  /** "ip:port", or a name server's name when it has no address. */
  readonly server: string;
  readonly outcome: ServerOutcome;
}

/** What the resolver says about one MX target. */
export type TargetLookup =
  | { readonly kind: 'address' }
  | { readonly kind: 'cname'; readonly canonicalName: string }
  | { readonly kind: 'no-address' }
  | { readonly kind: 'timeout'; readonly detail: string }
  | { readonly kind: 'servfail'; readonly detail: string };
