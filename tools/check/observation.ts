/** One MX record as a server served it. */
export interface ServedMxRecord {
  /** Lowercase, no trailing dot; "." for a null MX. */
  readonly hostName: string;
  readonly priority: number;
  /** Seconds, as served. */
  readonly ttl: number;
}

/** What one server answered to the MX question, or why it gave no usable answer. */
export type ServerOutcome =
  | {
    readonly kind: 'records';
    readonly records: readonly ServedMxRecord[];
    /** When the domain is a CNAME: the name at the end of the chain, whose MX set these records are. */
    readonly canonicalName?: string;
  }
  /** The domain, or the end of its CNAME chain (`canonicalName`), does not exist. */
  | { readonly kind: 'nxdomain'; readonly canonicalName?: string }
  | { readonly kind: 'timeout'; readonly detail: string }
  /** SERVFAIL, REFUSED or any other error rcode. */
  | { readonly kind: 'servfail'; readonly detail: string }
  /** The server could not be asked: no route, nothing listening, or a name that cannot be sent. */
  | { readonly kind: 'unreachable'; readonly detail: string }
  /** Asked as one of the zone's authoritative servers, it answered without authority (a referral, or data from elsewhere). */
  | { readonly kind: 'lame'; readonly detail: string }
  /** Asked as a resolver, it answered with a referral: it does not resolve recursively. */
  | { readonly kind: 'referral'; readonly detail: string }
  /** A name server whose name has no address, so nobody can ask it. */
  | { readonly kind: 'no-address'; readonly detail: string };

/** One server, and what it answered. */
export interface ServerObservation {
  /** "ip:port", or a name server's name when it has no address. */
  readonly server: string;
  /** With --authoritative: the name(s) of the name server at this address, and where each is listed. */
  readonly nameServer?: string;
  readonly outcome: ServerOutcome;
}

/** What the resolver says about one MX target. */
export type TargetLookup =
  | { readonly kind: 'address' }
  | { readonly kind: 'cname'; readonly canonicalName: string }
  | { readonly kind: 'no-address' }
  | { readonly kind: 'timeout'; readonly detail: string }
  | { readonly kind: 'servfail'; readonly detail: string }
  | { readonly kind: 'unreachable'; readonly detail: string };
