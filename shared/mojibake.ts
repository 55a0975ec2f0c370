// Detects paragraphs whose characters were broken on their way to us (text decoded with the
// wrong encoding, or pushed through a lossy conversion that turned characters into "?").
// Such paragraphs are flagged for the reader, never changed: only the source can repair them.
// Every signal is chosen so that ordinary Chinese prose, with its own question marks,
// parentheses and tables, does not trip it.

const HAN = /\p{Script=Han}/u;

/** U+FFFD, what a decoder writes for bytes it could not read. */
const REPLACEMENT = '\uFFFD';

/** What GBK makes of a run of U+FFFD (锟斤拷) and of uninitialised memory (烫烫烫, 屯屯屯). */
const SIGNATURES = /锟斤拷|烫烫烫|屯屯屯/;

/** Rare characters that UTF-8 punctuation turns into when read as GBK (“ → 鈥, ， → 锛, 。 → 銆). */
const GBK_READ_UTF8 = /[鈥锛銆]/g;

/** A lossy conversion writes "?" per lost character: several in a row running on into a word. */
const QUESTION_RUN_INTO_WORD = /\?{2,}(?=[\p{Script=Han}\p{L}\p{N}])/u;
const QUESTION_RUN_LONG = /\?{3,}/;

/** A pinyin gloss whose opening parenthesis was eaten by the broken character before it: 苿?chuàng) */
const EATEN_GLOSS = /\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/;

/** UTF-8 read as Latin-1 / Windows-1252: a lead byte letter followed by a continuation-byte symbol (æ–° for 新). */
const LATIN1_READ_UTF8 = /[\u00C2-\u00EF][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/g;

/** Private-use code points (fonts with their own encodings) and C1 control characters never belong in prose. */
const FOREIGN_CODE_POINTS = /[\uE000-\uF8FF\u0080-\u009F]/;

/** Box-drawing characters; the straight lines (─ │ ━ ┃) are left out because plain-text tables use them. */
const isOddBoxChar = (c: string) => {
  const code = c.codePointAt(0)!;
  return code >= 0x2500 && code <= 0x259f && !'─━│┃'.includes(c);
};

function boxCharBetweenHan(p: string): boolean {
  const chars = [...p];
  let boxes = 0;
  let between = false;
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i].codePointAt(0)!;
    if (code < 0x2500 || code > 0x259f) continue;
    boxes++;
    if (isOddBoxChar(chars[i]) && i > 0 && i < chars.length - 1 && HAN.test(chars[i - 1]) && HAN.test(chars[i + 1])) between = true;
  }
  // A row of a drawn table has many of them; a stray one glued inside words is a decoding error.
  return between && boxes <= 2;
}

/** True when the paragraph shows broken characters (U+FFFD, runs of "?", odd glyphs inside Chinese text). */
export function isMojibakeParagraph(p: string): boolean {
  if (p.length === 0) return false;
  if (p.includes(REPLACEMENT)) return true;
  if (SIGNATURES.test(p)) return true;
  if (FOREIGN_CODE_POINTS.test(p)) return true;
  if ((p.match(LATIN1_READ_UTF8)?.length ?? 0) >= 2) return true;
  if (!HAN.test(p)) return false;
  if (QUESTION_RUN_INTO_WORD.test(p) || QUESTION_RUN_LONG.test(p)) return true;
  if (EATEN_GLOSS.test(p)) return true;
  if ((p.match(GBK_READ_UTF8)?.length ?? 0) >= 2) return true;
  return boxCharBetweenHan(p);
}

/** Indexes of the paragraphs (split on "\n") that isMojibakeParagraph flags. */
export function mojibakeParagraphIndexes(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((p, i) => {
    if (isMojibakeParagraph(p)) out.push(i);
  });
  return out;
}
