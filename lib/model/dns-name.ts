import { domainToASCII, domainToUnicode } from 'node:url';
import { asciiLookAlike } from './confusable-skeleton';
import { isDeployTimeToken } from './deploy-time-token';
import { describeForbiddenCharacters, forbiddenCharacters } from './name-characters';
import { mixesScripts, scriptsOf } from './name-scripts';
import { ValidationReason } from './validation-reason';

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const IPV4_LITERAL = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const ALL_DIGITS = /^\d+$/;
/** Labels that start with this are punycode-encoded internationalized labels (RFC 5890). */
const PUNYCODE_PREFIX = 'xn--';

/** Options for {@link normalizeDnsName}. */
export interface DnsNameRules {
  /** The property path used in reasons. */
  readonly property: string;
  /** Fewest labels the name may have. @default 1 */
  readonly minLabels?: number;
}

/** A normalized name, or the reasons it could not be normalized. */
export interface NormalizedDnsName {
  /** Lowercase ASCII (punycode), no trailing dot; undefined when `reasons` is not empty. */
  readonly name?: string;
  readonly reasons: readonly ValidationReason[];
}

/** True for IPv4 dotted quads and IPv6 literals (with or without brackets). */
export function isIpLiteral(value: string): boolean {
  const bare = value.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return IPV4_LITERAL.test(bare) || (bare.includes(':') && /^[0-9a-f:.]+$/i.test(bare));
}

/**
 * Turns a user-written DNS name into the one canonical form every provider
 * adapter starts from: lowercase, ASCII, no trailing dot.
 */
export function normalizeDnsName(value: unknown, rules: DnsNameRules): NormalizedDnsName {
  const reason = (problem: string, fix: string): NormalizedDnsName => ({
    reasons: [{ property: rules.property, value, problem, fix }],
  });
  if (typeof value !== 'string') {
    return reason('is not a string', 'give the name as a string, e.g. "example.com"');
  }
  if (isDeployTimeToken(value)) {
    return reason('is a token that is only known at deploy time', 'give the name as a literal string, so it can be validated at synth time');
  }
  if (isIpLiteral(value.trim())) {
    return reason('is an IP address, not a DNS name', 'give a host name that has A/AAAA records; an MX target must never be an address (RFC 5321 §5.1)');
  }
  const withoutDot = value.endsWith('.') ? value.slice(0, -1) : value;
  if (withoutDot === '') {
    return reason('is empty', 'give a fully qualified name such as "example.com"');
  }
  // Checked before IDNA, which would silently drop tabs, newlines and zero-width characters.
  const forbidden = forbiddenCharacters(withoutDot);
  if (forbidden.length > 0) {
    return reason(describeForbiddenCharacters(forbidden), 'retype the name: it may hold only letters, digits, hyphens and dots');
  }
  const ascii = toAscii(withoutDot);
  if (ascii === undefined) {
    return reason('is not a valid internationalized domain name', 'check the spelling, or give the ASCII (xn--) form');
  }
  const labels = ascii.split('.');
  const bad = labels.find((label) => label.length === 0 || label.length > MAX_LABEL_LENGTH || !LDH_LABEL.test(label));
  if (bad !== undefined) {
    return reason(describeBadLabel(bad), 'use labels of 1-63 letters, digits and inner hyphens, separated by single dots');
  }
  const badPunycode = labels.find((label) => label.startsWith(PUNYCODE_PREFIX) && domainToASCII(label) !== label);
  if (badPunycode !== undefined) {
    return reason(`has the label "${badPunycode}", which is not valid punycode: no internationalized name encodes to it`, 'copy the name again from its source, or give it in its Unicode form');
  }
  if (ascii.length > MAX_NAME_LENGTH) {
    return reason(`is ${ascii.length} characters long, more than ${MAX_NAME_LENGTH}`, 'use a shorter name');
  }
  if (ALL_DIGITS.test(labels[labels.length - 1])) {
    return reason('ends in an all-numeric label, which no top-level domain has', 'give a host name, not an address');
  }
  const minLabels = rules.minLabels ?? 1;
  if (labels.length < minLabels) {
    const single = labels.length === 1 ? ': a single label is a top-level domain or a local name such as localhost' : '';
    return reason(`has only ${labels.length} label(s), fewer than ${minLabels}${single}`, 'give the fully qualified name, e.g. "example.com" or "mail.example.com"');
  }
  const mixed = ascii.includes(PUNYCODE_PREFIX) ? mixedScriptLabel(ascii) : undefined;
  if (mixed !== undefined) {
    const lookAlike = asciiLookAlike(domainToUnicode(ascii));
    return reason(
      `has the label "${mixed}", which mixes ${scriptsOf(mixed).join(' and ')} letters, so it can pass for a name it is not`,
      lookAlike === undefined ? 'write each label in one script' : `did you mean ${lookAlike}?`,
    );
  }
  return { name: ascii, reasons: [] };
}

/** The first label, in Unicode, whose letters mix scripts; undefined when none does. */
function mixedScriptLabel(ascii: string): string | undefined {
  return domainToUnicode(ascii).split('.').find(mixesScripts);
}

function toAscii(name: string): string | undefined {
  // Pure-ASCII names skip the WHATWG host parser, which would turn "0x7f.1" into an IPv4 address.
  if (/^[\x20-\x7e]*$/.test(name)) return name.toLowerCase();
  const ascii = domainToASCII(name);
  return ascii === '' ? undefined : ascii;
}

function describeBadLabel(label: string): string {
  if (label.length === 0) return 'has an empty label (two dots in a row, or a leading dot)';
  if (label.length > MAX_LABEL_LENGTH) return `has a label of ${label.length} characters, more than ${MAX_LABEL_LENGTH}`;
  if (label.startsWith('-') || label.endsWith('-')) return `has the label "${label}", which starts or ends with a hyphen`;
  return `has the label "${label}" with characters other than letters, digits and hyphens`;
}
