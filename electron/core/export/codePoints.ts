// Converts many offsets on one text between UTF-16 code units (what Pizhu stores) and Unicode code
// points (what REFI-QDA and W3C selectors count) without rescanning the text for each offset, as
// shared/offsets' one-off converters do: a document with 2,000 highlights would be scanned 4,000 times.

export interface CodePointIndex {
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
  /** Length of the text in code points. */
  readonly length: number;
}

/** UTF-16 offsets of the high half of every surrogate pair, ascending. */
function surrogatePairs(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) at.push(i++);
    }
  }
  return at;
}

/** How many of the sorted values are below `limit`. */
function countBelow(sorted: readonly number[], limit: (value: number, index: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (limit(sorted[mid], mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function codePointIndex(text: string): CodePointIndex {
  const pairs = surrogatePairs(text);
  const clamp16 = (n: number) => Math.max(0, Math.min(n, text.length));
  if (!pairs.length) return { toCodePoint: clamp16, toUtf16: clamp16, length: text.length };
  const length = text.length - pairs.length;
  return {
    length,
    // An offset inside a pair counts the pair as passed, as shared/offsets does.
    toCodePoint: (utf16) => {
      const u = clamp16(utf16);
      return u - countBelow(pairs, (p) => p + 1 < u);
    },
    // The k-th pair starts at code point pairs[k] - k; every pair before `cp` adds one code unit.
    toUtf16: (codePoint) => {
      const cp = Math.max(0, Math.min(codePoint, length));
      return cp + countBelow(pairs, (p, k) => p - k < cp);
    },
  };
}
