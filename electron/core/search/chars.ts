// How search sees each character. Han (and kana, Hangul, bopomofo) is indexed as overlapping
// bigrams because Chinese has no spaces to find words by; letters and digits of other scripts form
// whole words; everything else (spaces, punctuation, symbols) is never indexed, only matched.
export const SEPARATOR = 0;
export const IDEOGRAPH = 1;
export const WORD = 2;
export type CharClass = typeof SEPARATOR | typeof IDEOGRAPH | typeof WORD;

const IDEOGRAPH_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function classify(cp: number): CharClass {
  const ch = String.fromCodePoint(cp);
  if (IDEOGRAPH_RE.test(ch)) return IDEOGRAPH;
  return WORD_RE.test(ch) ? WORD : SEPARATOR;
}

// Filled on first sight, so indexing 50M characters runs the regexes once per distinct character.
const UNKNOWN = 255;
const bmp = new Uint8Array(0x10000).fill(UNKNOWN);
const astral = new Map<number, CharClass>();

export function charClass(cp: number): CharClass {
  if (cp < 0x10000) {
    const known = bmp[cp];
    if (known !== UNKNOWN) return known as CharClass;
    const c = cp >= 0xd800 && cp <= 0xdfff ? SEPARATOR : classify(cp);
    bmp[cp] = c;
    return c;
  }
  let c = astral.get(cp);
  if (c === undefined) {
    c = classify(cp);
    astral.set(cp, c);
  }
  return c;
}

/** Code point starting at i (a lone surrogate stands for itself). */
export function codePointAt(s: string, i: number): number {
  return s.codePointAt(i)!;
}

/** Code point ending just before i. */
export function codePointBefore(s: string, i: number): number {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

export function isWordBefore(s: string, i: number): boolean {
  return i > 0 && charClass(codePointBefore(s, i)) === WORD;
}

export function isWordAt(s: string, i: number): boolean {
  return i < s.length && charClass(codePointAt(s, i)) === WORD;
}
