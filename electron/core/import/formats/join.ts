// Whether two pieces of text meet without a space: Chinese (and Japanese) text has none between
// characters, so a line or source break between two CJK characters is not a word gap.

const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;
// Quotes, dashes and ellipses sit between words in both scripts; look past them to decide.
const NEUTRAL = /[\s\u2010-\u2027"'«»]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

function lastSignificant(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) if (!NEUTRAL.test(text[i])) return text[i];
  return '';
}

function firstSignificant(text: string): string {
  for (const ch of text) if (!NEUTRAL.test(ch)) return ch;
  return '';
}

/** True when `before` and `after` should be joined with no space (either side is CJK). */
export function joinsTight(before: string, after: string): boolean {
  const a = lastSignificant(before);
  const b = firstSignificant(after);
  return isCjk(a) || isCjk(b);
}
