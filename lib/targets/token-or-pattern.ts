import { Token } from 'cdktf';

/** True for a token (known only at deploy time, checked then) or a string of the expected form. */
export function isTokenOrMatches(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && (Token.isUnresolved(value) || pattern.test(value));
}
