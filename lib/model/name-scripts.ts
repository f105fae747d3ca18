/**
 * Scripts of the letters in a label, and whether their mix is one a reader
 * can trust. `mx1.cloudаccess.net` with a Cyrillic "а" looks exactly like
 * CloudMail's host; no legitimate label needs Latin and Cyrillic together.
 */

/** The scripts domain names are written in (ICANN's IDN tables); a letter of any other script counts as "Other". */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala',
  'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Mongolian', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal',
  'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul', 'Yi', 'Tifinagh', 'Javanese', 'Balinese',
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));
const LETTER = /\p{L}/u;

/**
 * Mixes a single label may use, from Unicode's "Highly Restrictive" profile
 * (UTS #39 §5.2): Japanese, Chinese and Korean writing combine Han with
 * their own scripts and with Latin.
 */
const ALLOWED_MIXES: readonly ReadonlySet<string>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** The scripts of the letters of a Unicode label, in order of first appearance; digits, hyphens and marks belong to none. */
export function scriptsOf(label: string): string[] {
  const scripts = new Set<string>();
  for (const character of label) {
    if (!LETTER.test(character)) continue;
    scripts.add(SCRIPTS.find((script) => script.pattern.test(character))?.name ?? 'Other');
  }
  return [...scripts];
}

/** True when the label's letters come from scripts that are not written together. */
export function mixesScripts(label: string): boolean {
  const scripts = scriptsOf(label);
  return scripts.length > 1 && !ALLOWED_MIXES.some((allowed) => scripts.every((script) => allowed.has(script)));
}
