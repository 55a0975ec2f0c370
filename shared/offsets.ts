// The one place where positions in canonical text are defined.
// Stored offsets are UTF-16 code units (what JS strings index); exchange formats
// (REFI-QDA, W3C position selectors) want Unicode code points.
import type { TextAnchor } from './domain';

export const CONTEXT_LENGTH = 32;
export const PARAGRAPH_SEPARATOR = '\n';

export function splitParagraphs(text: string): string[] {
  return text.split(PARAGRAPH_SEPARATOR);
}

/** Start offset of every paragraph, plus a final entry equal to text.length + 1. */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + PARAGRAPH_SEPARATOR.length;
  }
  starts.push(at);
  return starts;
}

/** Index of the paragraph holding offset (binary search over paragraphStarts). */
export function paragraphIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Moves an offset off the middle of a surrogate pair (backwards). */
export function snapToCodePoint(text: string, offset: number): number {
  if (offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1))) {
    const low = text.charCodeAt(offset);
    if (low >= 0xdc00 && low <= 0xdfff) return offset - 1;
  }
  return offset;
}

export function utf16ToCodePoint(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length) i++;
    cp++;
  }
  return cp;
}

export function codePointToUtf16(text: string, codePoint: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoint && i < text.length; cp++) {
    i += isHighSurrogate(text.charCodeAt(i)) ? 2 : 1;
  }
  return i;
}

/** Builds the position+quote anchor for [start, end) of text. */
export function makeAnchor(text: string, start: number, end: number): TextAnchor {
  const s = snapToCodePoint(text, Math.max(0, Math.min(start, text.length)));
  const e = snapToCodePoint(text, Math.max(s, Math.min(end, text.length)));
  return {
    start: s,
    end: e,
    exact: text.slice(s, e),
    prefix: text.slice(snapToCodePoint(text, Math.max(0, s - CONTEXT_LENGTH)), s),
    suffix: text.slice(e, snapToCodePoint(text, Math.min(text.length, e + CONTEXT_LENGTH))),
  };
}
