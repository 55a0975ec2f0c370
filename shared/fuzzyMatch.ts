// Approximate string matching with a bound on errors (Levenshtein: insertions, deletions,
// substitutions of UTF-16 code units), for placing a quote whose text was edited. Dynamic
// programming with Ukkonen's cut-off: only cells that can still stay within the bound are computed.

/** Edit distance of a and b, or max + 1 when it is larger than max. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    // Only the band |i - j| <= max can hold a value within the bound.
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    cur[lo - 1] = lo - 1 === 0 ? i : max + 1;
    let best = cur[lo - 1];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const up = j <= i - 1 + max ? prev[j] + 1 : max + 1;
      const v = Math.min(prev[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1), up, cur[j - 1] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < n) cur[hi + 1] = max + 1;
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n], max + 1);
}

export interface SubstringMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Ends of the best matches of `pattern` as a substring of text[from, to) with at most `maxErrors`
 * errors (Sellers' algorithm): every end where the lowest error count occurs.
 */
function bestEnds(pattern: string, text: string, from: number, to: number, maxErrors: number): { end: number; errors: number }[] {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let top = Math.min(m, maxErrors); // last row whose value may be within the bound
  let best = maxErrors + 1;
  let ends: { end: number; errors: number }[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diag = 0; // col[i - 1] of the previous column
    let above = 0; // col[0] of this column: a match may start anywhere
    const rows = Math.min(m, top + 1);
    for (let i = 1; i <= rows; i++) {
      const left = i <= top ? col[i] : maxErrors + 1;
      const v = Math.min(diag + (pattern.charCodeAt(i - 1) === c ? 0 : 1), left + 1, above + 1);
      diag = left;
      col[i] = v;
      above = v;
    }
    for (let i = rows + 1; i <= m; i++) col[i] = maxErrors + 1;
    top = rows;
    while (top > 0 && col[top] > maxErrors) top--;
    if (top === m) {
      const e = col[m];
      if (e < best) {
        best = e;
        ends = [];
      }
      if (e === best) ends.push({ end: j + 1, errors: e });
    }
  }
  return ends;
}

/** Starts s >= minStart where text[s, end) is nearest `pattern`, anchored at `end`. */
function startsFor(pattern: string, text: string, end: number, minStart: number, maxErrors: number): { start: number; errors: number }[] {
  const m = pattern.length;
  const width = Math.min(end - minStart, m + maxErrors);
  // Rows: pattern read backwards; columns: text read backwards from end.
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const p = pattern.charCodeAt(m - i);
    for (let j = 1; j <= width; j++) {
      cur[j] = Math.min(prev[j - 1] + (p === text.charCodeAt(end - j) ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = Infinity;
  for (let j = 0; j <= width; j++) best = Math.min(best, prev[j]);
  const out: { start: number; errors: number }[] = [];
  for (let j = 1; j <= width; j++) if (prev[j] === best && best <= maxErrors) out.push({ start: end - j, errors: best });
  return out;
}

/** The best approximate occurrences of `pattern` inside text[from, to), at most `limit` of them. */
export function approximateMatches(pattern: string, text: string, from: number, to: number, maxErrors: number, limit = 8): SubstringMatch[] {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (!pattern.length || to - from < pattern.length - maxErrors) return [];
  const out: SubstringMatch[] = [];
  for (const { end } of bestEnds(pattern, text, from, to, maxErrors).slice(0, limit)) {
    for (const s of startsFor(pattern, text, end, from, maxErrors)) out.push({ start: s.start, end, errors: s.errors });
  }
  return out;
}

const BUCKET_BITS = 18;

/**
 * Every position of every two-character sequence of a text, bucketed by a hash (a counting sort:
 * two passes, no per-entry objects). Finds all occurrences of a string by walking the positions of
 * its rarest pair and checking each, instead of scanning the whole text per search.
 */
export class PairIndex {
  private readonly bucketStart: Int32Array;
  private readonly positions: Int32Array;

  constructor(readonly text: string) {
    const n = Math.max(0, text.length - 1);
    const hashes = new Int32Array(n);
    this.bucketStart = new Int32Array((1 << BUCKET_BITS) + 1);
    for (let i = 0; i < n; i++) {
      const h = PairIndex.hash(text.charCodeAt(i), text.charCodeAt(i + 1));
      hashes[i] = h;
      this.bucketStart[h + 1]++;
    }
    for (let b = 1; b < this.bucketStart.length; b++) this.bucketStart[b] += this.bucketStart[b - 1];
    const fill = this.bucketStart.slice(0, -1);
    this.positions = new Int32Array(n);
    for (let i = 0; i < n; i++) this.positions[fill[hashes[i]]++] = i;
  }

  private static hash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - BUCKET_BITS);
  }

  /** Starts of `pattern` in the text, in order (at most `limit`). */
  occurrences(pattern: string, limit = Infinity): number[] {
    const out: number[] = [];
    const t = this.text;
    if (pattern.length < 2) {
      for (let at = t.indexOf(pattern); at >= 0 && out.length < limit; at = t.indexOf(pattern, at + 1)) out.push(at);
      return out;
    }
    let bucket = 0;
    let offset = 0;
    let fewest = Infinity;
    for (let i = 0; i + 1 < pattern.length; i++) {
      const h = PairIndex.hash(pattern.charCodeAt(i), pattern.charCodeAt(i + 1));
      const size = this.bucketStart[h + 1] - this.bucketStart[h];
      if (size < fewest) {
        fewest = size;
        bucket = h;
        offset = i;
      }
    }
    for (let k = this.bucketStart[bucket]; k < this.bucketStart[bucket + 1] && out.length < limit; k++) {
      const start = this.positions[k] - offset;
      if (start >= 0 && t.startsWith(pattern, start)) out.push(start);
    }
    return out;
  }
}
