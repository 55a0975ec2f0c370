// Where each part of an old text went in a new one, for moving offsets (highlights, marks, removed
// spans) through a revision. The diff is computed coarse to fine: paragraphs, then sentences, then
// clauses, matched on tokens that occur once on each side (patience style), and characters only
// inside the small gaps left, so a long document with scattered edits is compared in about linear
// time. Offsets are UTF-16 code units, like every stored offset.

/** A replaced region: old [oldFrom, oldTo) became new [newFrom, newTo); either side may be empty. */
export interface TextChange {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

export interface TextDiff {
  oldLength: number;
  newLength: number;
  /** In text order, never overlapping nor touching: between two changes the texts are equal. */
  changes: TextChange[];
}

/** Token boundaries of each level, coarse to fine: paragraphs, sentences, clauses (each keeps the coarser ones). */
const LEVELS: readonly RegExp[] = [/\n/, /[\n。！？；!?;…]/, /[\n。！？；!?;…，、：,:）)」”]/];
/** Work allowed to one character diff before its gap is taken as a whole replacement. */
const CHARACTER_BUDGET = 400_000;

interface Equal {
  oldFrom: number;
  newFrom: number;
  length: number;
}

interface Token {
  from: number;
  to: number;
}

function commonPrefix(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  const n = Math.min(a1 - a0, b1 - b0);
  let i = 0;
  while (i < n && a.charCodeAt(a0 + i) === b.charCodeAt(b0 + i)) i++;
  return i;
}

function commonSuffix(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  const n = Math.min(a1 - a0, b1 - b0);
  let i = 0;
  while (i < n && a.charCodeAt(a1 - 1 - i) === b.charCodeAt(b1 - 1 - i)) i++;
  return i;
}

/** Tokens ending after each run of boundary characters (the last token may have none). */
function tokenize(text: string, from: number, to: number, boundary: RegExp): Token[] {
  const tokens: Token[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    if (boundary.test(text[i])) {
      while (i + 1 < to && boundary.test(text[i + 1])) i++;
      tokens.push({ from: start, to: i + 1 });
      start = i + 1;
    }
    i++;
  }
  if (start < to) tokens.push({ from: start, to });
  return tokens;
}

/** Pairs of token indexes (increasing on both sides) of tokens occurring once on each side, longest chain. */
function uniqueMatches(a: string, ta: Token[], b: string, tb: Token[]): [number, number][] {
  const seen = new Map<string, { a: number; ai: number; b: number; bi: number }>();
  ta.forEach((t, i) => {
    const key = a.slice(t.from, t.to);
    const s = seen.get(key);
    if (s) s.a++;
    else seen.set(key, { a: 1, ai: i, b: 0, bi: -1 });
  });
  tb.forEach((t, j) => {
    const s = seen.get(b.slice(t.from, t.to));
    if (s) {
      s.b++;
      s.bi = j;
    }
  });
  const pairs: [number, number][] = [];
  for (const s of seen.values()) if (s.a === 1 && s.b === 1) pairs.push([s.ai, s.bi]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** The longest chain of pairs increasing in their second index (patience sorting, O(n log n)). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.push(pairs[k]);
  return out.reverse();
}

/** Myers' O(ND) character diff of a gap; false when it would cost more than the budget. */
function characterDiff(a: string, a0: number, a1: number, b: string, b0: number, b1: number, out: Equal[]): boolean {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(a0 + x) === b.charCodeAt(b0 + y)) {
        x++;
        y++;
        work++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    work += d + 1;
    if (work > CHARACTER_BUDGET) return false;
  }
  // Walk back through the saved frontiers, collecting the diagonal runs (snakes).
  const snakes: Equal[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const frontier = trace[d]; // the frontier before step d, centred: index k + d + 1
    const at = (k: number) => frontier[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    const startY = startX - k;
    if (x > startX) snakes.push({ oldFrom: a0 + startX, newFrom: b0 + startY, length: x - startX });
    x = prevX;
    y = prevY;
  }
  if (x > 0) snakes.push({ oldFrom: a0, newFrom: b0, length: x });
  for (let i = snakes.length - 1; i >= 0; i--) out.push(snakes[i]);
  return true;
}

function diffGap(a: string, a0: number, a1: number, b: string, b0: number, b1: number, level: number, out: Equal[]): void {
  if (a0 >= a1 || b0 >= b1) return;
  const pre = commonPrefix(a, a0, a1, b, b0, b1);
  if (pre) out.push({ oldFrom: a0, newFrom: b0, length: pre });
  a0 += pre;
  b0 += pre;
  const suf = commonSuffix(a, a0, a1, b, b0, b1);
  const tail = suf ? { oldFrom: a1 - suf, newFrom: b1 - suf, length: suf } : null;
  a1 -= suf;
  b1 -= suf;
  if (a0 < a1 && b0 < b1) diffMiddle(a, a0, a1, b, b0, b1, level, out);
  if (tail) out.push(tail);
}

function diffMiddle(a: string, a0: number, a1: number, b: string, b0: number, b1: number, level: number, out: Equal[]): void {
  for (let l = level; l < LEVELS.length; l++) {
    const ta = tokenize(a, a0, a1, LEVELS[l]);
    const tb = tokenize(b, b0, b1, LEVELS[l]);
    if (ta.length < 2 && tb.length < 2) continue;
    const matches = uniqueMatches(a, ta, b, tb);
    if (!matches.length) continue;
    let ai = a0;
    let bi = b0;
    for (const [i, j] of matches) {
      // Gaps between matched tokens may hold tokens unique within the gap: same level again.
      diffGap(a, ai, ta[i].from, b, bi, tb[j].from, l, out);
      out.push({ oldFrom: ta[i].from, newFrom: tb[j].from, length: ta[i].to - ta[i].from });
      ai = ta[i].to;
      bi = tb[j].to;
    }
    diffGap(a, ai, a1, b, bi, b1, l, out);
    return;
  }
  characterDiff(a, a0, a1, b, b0, b1, out);
}

/** Changes between the equal runs, adjacent ones merged. */
function changesBetween(equals: Equal[], oldLength: number, newLength: number): TextChange[] {
  const changes: TextChange[] = [];
  let oldAt = 0;
  let newAt = 0;
  const add = (oldTo: number, newTo: number) => {
    if (oldTo === oldAt && newTo === newAt) return;
    const last = changes[changes.length - 1];
    if (last && last.oldTo === oldAt && last.newTo === newAt) {
      last.oldTo = oldTo;
      last.newTo = newTo;
    } else changes.push({ oldFrom: oldAt, oldTo, newFrom: newAt, newTo });
  };
  for (const e of equals) {
    if (e.length <= 0) continue;
    add(e.oldFrom, e.newFrom);
    oldAt = e.oldFrom + e.length;
    newAt = e.newFrom + e.length;
  }
  add(oldLength, newLength);
  return changes;
}

const size = (c: TextChange) => Math.max(c.oldTo - c.oldFrom, c.newTo - c.newFrom);

/**
 * Drops equal runs too short to mean anything between larger changes (two unrelated sentences share
 * a 的 here and there): a highlight must not be pinned to a chance match.
 */
function mergeChanceEqualities(changes: TextChange[]): TextChange[] {
  let merged = true;
  while (merged && changes.length > 1) {
    merged = false;
    const out: TextChange[] = [changes[0]];
    for (let i = 1; i < changes.length; i++) {
      const prev = out[out.length - 1];
      const next = changes[i];
      const gap = next.oldFrom - prev.oldTo;
      if (gap <= 8 && gap <= size(prev) && gap <= size(next)) {
        out[out.length - 1] = { oldFrom: prev.oldFrom, oldTo: next.oldTo, newFrom: prev.newFrom, newTo: next.newTo };
        merged = true;
      } else out.push(next);
    }
    changes = out;
  }
  return changes;
}

export function diffTexts(oldText: string, newText: string): TextDiff {
  const equals: Equal[] = [];
  diffGap(oldText, 0, oldText.length, newText, 0, newText.length, 0, equals);
  return {
    oldLength: oldText.length,
    newLength: newText.length,
    changes: mergeChanceEqualities(changesBetween(equals, oldText.length, newText.length)),
  };
}

/** Index of the first change ending at or after `offset`. */
function changeAtOrAfter(diff: TextDiff, offset: number): number {
  let lo = 0;
  let hi = diff.changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (diff.changes[mid].oldTo < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where an old offset is in the new text. Text inserted exactly at the offset goes before it with
 * `bias` 'right' (a highlight's start), after it with 'left' (its end); an offset inside replaced
 * text lands proportionally inside the replacement.
 */
export function mapOffset(diff: TextDiff, offset: number, bias: 'left' | 'right'): number {
  const i = changeAtOrAfter(diff, offset);
  const c = diff.changes[i];
  if (c && c.oldFrom <= offset) {
    if (c.oldFrom === c.oldTo) return bias === 'left' ? c.newFrom : c.newTo;
    if (offset === c.oldFrom) return c.newFrom;
    if (offset === c.oldTo) return c.newTo;
    const share = (offset - c.oldFrom) / (c.oldTo - c.oldFrom);
    return c.newFrom + Math.round(share * (c.newTo - c.newFrom));
  }
  const before = diff.changes[i - 1];
  return before ? offset + before.newTo - before.oldTo : offset;
}

/** Whether no change touches old [start, end): its text is the same in the new text, at mapOffset. */
export function isUntouched(diff: TextDiff, start: number, end: number): boolean {
  for (let i = changeAtOrAfter(diff, start); i < diff.changes.length; i++) {
    const c = diff.changes[i];
    if (c.oldFrom >= end) return true;
    if (c.oldFrom === c.oldTo ? c.oldFrom > start : c.oldTo > start) return false;
  }
  return true;
}

/** A range moved through the diff, or null when nothing of it is left. */
export function mapRange(diff: TextDiff, start: number, end: number): { start: number; end: number } | null {
  const s = mapOffset(diff, start, 'right');
  const e = mapOffset(diff, end, 'left');
  return e > s ? { start: s, end: e } : null;
}

/** For an untouched old [start, end): how far the text stays the same on each side (to the nearest change). */
export function unchangedAround(diff: TextDiff, start: number, end: number): [number, number] {
  let i = changeAtOrAfter(diff, start);
  let left: number;
  if (diff.changes[i]?.oldTo === start) {
    left = 0;
    i++;
  } else left = i > 0 ? start - diff.changes[i - 1].oldTo : start;
  const next = diff.changes[i];
  return [left, next ? next.oldFrom - end : diff.oldLength - end];
}
