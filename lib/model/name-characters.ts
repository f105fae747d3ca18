/**
 * Characters that can never be part of a DNS name but that IDNA processing
 * would silently drop or that a reader cannot see: controls (tab, newline),
 * format characters (zero-width space and joiners, soft hyphen, byte order
 * mark, bidi controls), spaces, private-use and unassigned code points,
 * variation selectors, and the blank fillers of Hangul and Braille.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cn}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/u;
/** ASCII is either a letter, a digit, a hyphen or a dot, or it is not allowed. */
const ASCII_ALLOWED = /^[A-Za-z0-9.-]$/;
const PLAIN_NAME = /^[A-Za-z0-9.-]*$/;

/** One character a name may not contain, with its 1-based position among the name's characters. */
export interface ForbiddenCharacter {
  readonly position: number;
  /** `U+200B`. */
  readonly codePoint: string;
  /** The character as it can be printed: invisible ones are shown by code point only. */
  readonly shown: string;
  readonly invisible: boolean;
}

/** Every character of `name` that is not allowed in a DNS name, in order. Non-ASCII letters are left to IDNA. */
export function forbiddenCharacters(name: string): ForbiddenCharacter[] {
  if (PLAIN_NAME.test(name)) return []; // the common case, without a look at each character
  const found: ForbiddenCharacter[] = [];
  let position = 0;
  for (const character of name) {
    position += 1;
    const ascii = character.charCodeAt(0) < 0x80;
    if (ascii ? ASCII_ALLOWED.test(character) : !INVISIBLE.test(character)) continue;
    const invisible = INVISIBLE.test(character);
    const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    found.push({ position, codePoint, shown: invisible ? codePoint : `"${character}" (${codePoint})`, invisible });
  }
  return found;
}

/** "has U+0009 at character 5 and "_" (U+005F) at character 9, …": the problem text for a reason. */
export function describeForbiddenCharacters(found: readonly ForbiddenCharacter[]): string {
  const list = found.map((character) => `${character.shown} at character ${character.position}`).join(', ');
  const invisible = found.some((character) => character.invisible);
  return `has ${list}, which ${found.length === 1 ? 'is' : 'are'} not allowed in a DNS name${invisible ? ' (invisible and control characters are never removed silently)' : ''}`;
}
