/** cdktf's Token class; loaded on first need, so code that validates plain values never loads cdktf. */
type TokenClass = typeof import('cdktf').Token;
let tokenClass: TokenClass | undefined;

/** Every cdktf string token carries this marker ("${TfToken[…]}", and "#{"/"&{" for lists and maps). */
const STRING_TOKEN_MARKER = '{TfToken[';

/**
 * True when a value is a cdktf token, a placeholder for a value only known at
 * deploy time. Strings without cdktf's marker and numbers in the safe-integer
 * range are never tokens (cdktf encodes a number token as a double of
 * magnitude above 2^900), so for them cdktf is not loaded: the model is shared
 * with the Node-only tools, whose start-up must not pay for it.
 */
export function isDeployTimeToken(value: unknown): boolean {
  if (typeof value === 'string' && !value.includes(STRING_TOKEN_MARKER)) return false;
  if (typeof value === 'number' && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tokenClass ??= (require('cdktf') as typeof import('cdktf')).Token;
  return tokenClass.isUnresolved(value);
}
