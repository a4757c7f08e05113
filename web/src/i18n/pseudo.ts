// The pseudo-locale's catalogue: each English message accented and about 40% longer, between
// [ ], so that text that overflows its box, or was never moved into a catalogue (it stays plain),
// shows at a glance. ICU syntax is left as it is: in MessageFormat, literal text sits at even
// brace depths (the message, a plural's branches) and arguments at odd ones; '#' and tags stay.

const ACCENTED: Record<string, string> = {
  a: 'ȧ',
  b: 'ƀ',
  c: 'ƈ',
  d: 'ḓ',
  e: 'ḗ',
  f: 'ƒ',
  g: 'ɠ',
  h: 'ħ',
  i: 'ī',
  j: 'ĵ',
  k: 'ķ',
  l: 'ŀ',
  m: 'ḿ',
  n: 'ƞ',
  o: 'ǿ',
  p: 'ƥ',
  q: 'ɋ',
  r: 'ř',
  s: 'ş',
  t: 'ŧ',
  u: 'ŭ',
  v: 'ṽ',
  w: 'ẇ',
  x: 'ẋ',
  y: 'ẏ',
  z: 'ẑ',
  A: 'Ȧ',
  B: 'Ɓ',
  C: 'Ƈ',
  D: 'Ḓ',
  E: 'Ḗ',
  F: 'Ƒ',
  G: 'Ɠ',
  H: 'Ħ',
  I: 'Ī',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ŀ',
  M: 'Ḿ',
  N: 'Ƞ',
  O: 'Ǿ',
  P: 'Ƥ',
  Q: 'Ɋ',
  R: 'Ř',
  S: 'Ş',
  T: 'Ŧ',
  U: 'Ŭ',
  V: 'Ṽ',
  W: 'Ẇ',
  X: 'Ẋ',
  Y: 'Ẏ',
  Z: 'Ẑ',
};
const VOWELS = new Set('aeiouyAEIOUY');

/** One message in the pseudo-locale. */
export function pseudoMessage(message: string): string {
  let out = '';
  let depth = 0;
  let inTag = false;
  for (const ch of message) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth % 2 === 0 && ch === '<') inTag = true;
    else if (inTag && ch === '>') inTag = false;
    if (depth % 2 === 0 && !inTag && ch !== '#' && ch in ACCENTED) {
      const accented = ACCENTED[ch] as string;
      // Doubling the vowels makes English about as long as its French or Italian translation.
      out += VOWELS.has(ch) ? accented + accented : accented;
    } else out += ch;
  }
  return `[${out}]`;
}

export function pseudoCatalogue(english: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(english).map(([id, text]) => [id, pseudoMessage(text)]));
}
