// What counts as an occurrence, on folded text: every position where the folded term starts
// (overlapping ones too), except that a term beginning or ending with a Latin letter or digit
// must not continue a longer word there: "AI" is not found inside "said", "2024" not inside "20245".
// A term written word* may continue on the right.
import { charClass, codePointAt, codePointBefore, isWordAt, isWordBefore, WORD } from './chars';

export interface Needle {
  text: string;
  wordStart: boolean;
  wordEnd: boolean;
}

export function needle(foldedTerm: string, prefix: boolean): Needle {
  return {
    text: foldedTerm,
    wordStart: charClass(codePointAt(foldedTerm, 0)) === WORD,
    wordEnd: !prefix && charClass(codePointBefore(foldedTerm, foldedTerm.length)) === WORD,
  };
}

function accepted(hay: string, n: Needle, at: number): boolean {
  return !(n.wordStart && isWordBefore(hay, at)) && !(n.wordEnd && isWordAt(hay, at + n.text.length));
}

/** Start offsets of every occurrence, ascending. */
export function occurrences(hay: string, n: Needle): number[] {
  const out: number[] = [];
  for (let at = hay.indexOf(n.text); at >= 0; at = hay.indexOf(n.text, at + 1)) {
    if (accepted(hay, n, at)) out.push(at);
  }
  return out;
}

/** How many occurrences, without keeping their positions (most documents are only counted). */
export function countOccurrences(hay: string, n: Needle): number {
  let count = 0;
  if (!n.wordStart && !n.wordEnd) {
    for (let at = hay.indexOf(n.text); at >= 0; at = hay.indexOf(n.text, at + 1)) count++;
    return count;
  }
  for (let at = hay.indexOf(n.text); at >= 0; at = hay.indexOf(n.text, at + 1)) {
    if (accepted(hay, n, at)) count++;
  }
  return count;
}

export function hasOccurrence(hay: string, n: Needle): boolean {
  for (let at = hay.indexOf(n.text); at >= 0; at = hay.indexOf(n.text, at + 1)) {
    if (accepted(hay, n, at)) return true;
  }
  return false;
}
