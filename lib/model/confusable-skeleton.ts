/**
 * Letters of other scripts (and Latin oddities) that look like an ASCII
 * letter in lowercase, after IDNA has already folded case, width and
 * compatibility forms (fullwidth and mathematical letters become ASCII).
 * A subset of Unicode's confusables (UTS #39), enough to see through
 * `mx1.cloudаccess.net` (Cyrillic а), `mx1.clοudaccess.net` (Greek ο) or
 * `mx1.cloudɑccess.net` (Latin alpha).
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  a: '\u0430\u0251\u03b1', // Cyrillic а, Latin ɑ, Greek α
  c: '\u0441\u03f2\u1d04', // Cyrillic с, Greek ϲ, small capital ᴄ
  d: '\u0501', // Cyrillic ԁ
  e: '\u0435\u04bd', // Cyrillic е, ҽ
  g: '\u0261\u0581', // Latin ɡ, Armenian ց
  h: '\u04bb\u0570', // Cyrillic һ, Armenian հ
  i: '\u0456\u0131\u0269\u03b9\ua647', // Cyrillic і, dotless ı, Latin ɩ, Greek ι, Cyrillic ꙇ
  j: '\u0458\u03f3', // Cyrillic ј, Greek ϳ
  l: '\u04cf\u01c0', // Cyrillic palochka ӏ, Latin ǀ
  n: '\u0578', // Armenian ո
  o: '\u043e\u03bf\u0585\u1d0f', // Cyrillic о, Greek ο, Armenian օ, small capital ᴏ
  p: '\u0440\u03c1', // Cyrillic р, Greek ρ
  q: '\u051b\u0566', // Cyrillic ԛ, Armenian զ
  r: '\u0433', // Cyrillic г
  s: '\u0455\ua731', // Cyrillic ѕ, small capital ꜱ
  u: '\u057d\u03c5\u028b\u1d1c', // Armenian ս, Greek υ, Latin ʋ, small capital ᴜ
  v: '\u03bd\u0475\u1d20', // Greek ν, Cyrillic ѵ, small capital ᴠ
  w: '\u051d\u0461\u1d21', // Cyrillic ԝ, ѡ, small capital ᴡ
  x: '\u0445\u03c7', // Cyrillic х, Greek χ
  y: '\u0443\u04af\u03b3\u028f', // Cyrillic у, ү, Greek γ, small capital ʏ
  z: '\u1d22', // small capital ᴢ
};

const TO_ASCII = new Map(Object.entries(LOOK_ALIKES).flatMap(([ascii, lookAlikes]) => [...lookAlikes].map((character) => [character, ascii] as const)));

/** The name with every look-alike letter replaced by the ASCII letter it imitates; other characters are kept. */
export function confusableSkeleton(unicodeName: string): string {
  let skeleton = '';
  for (const character of unicodeName) skeleton += TO_ASCII.get(character) ?? character;
  return skeleton;
}

/** The skeleton when it is plain ASCII and differs from the name: what the name pretends to be. */
export function asciiLookAlike(unicodeName: string): string | undefined {
  const skeleton = confusableSkeleton(unicodeName);
  return skeleton !== unicodeName && /^[\x21-\x7e]+$/.test(skeleton) ? skeleton : undefined;
}
