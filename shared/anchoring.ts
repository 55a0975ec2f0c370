// Re-anchoring highlights after their document's text changed. Each highlight is a position and a
// quote with context (TextAnchor); one diff of the two texts moves every position. In order:
// (1) position: the quote is where the diff puts it (with its context there too, or no copy of it
//     with its whole context nearby: among repeated sentences a diff may pair the wrong copies);
// (2) exact quote: every occurrence, the one with its whole old context first, else scored by how
//     much of the context agrees and how near the moved position it is;
// (3) fuzzy: the quote with a few errors (isSmallEdit) around the moved position, or between its
//     whole old context wherever that is (edited inside, then moved); then anywhere.
// An edited version where the quote was (between its whole context, or where the diff kept its
// first character when the quote has several copies) beats an exact copy elsewhere backed by less
// matching text (the edit was inside this one). A candidate must be backed by enough matching text to be trusted;
// else the highlight is orphaned. Pure and synchronous; occurrences are found through an index of
// the new text's character pairs, built once per text and only if needed.
import type { AnchorOutcome, TextAnchor } from './domain';
import { approximateMatches, boundedDistance, PairIndex } from './fuzzyMatch';
import { CONTEXT_LENGTH, makeAnchor } from './offsets';
import { diffTexts, isUntouched, mapOffset, unchangedAround, type TextDiff } from './textChanges';

export interface AnchorToPlace extends TextAnchor {
  id: string;
  /** Orphaned by an earlier change: its offsets refer to an older text and serve only as a hint. */
  orphaned?: boolean;
}

export interface PlacedAnchor {
  id: string;
  outcome: AnchorOutcome;
  /** The new position, quote and context; null when orphaned. */
  anchor: TextAnchor | null;
  method: 'position' | 'quote' | 'fuzzy' | null;
}

/** Errors tolerated inside a quote of this length: max(2, 20 %), but never half of it. */
export function maxQuoteErrors(length: number): number {
  return Math.min(Math.max(2, Math.floor(length * 0.2)), Math.floor(length / 2));
}

/**
 * Whether a span is a small edit of a quote: counted on the longer of the two, so that the edit and
 * its undoing (restoring an earlier version) are judged alike.
 */
export function isSmallEdit(quoteLength: number, spanLength: number, errors: number): boolean {
  return errors <= maxQuoteErrors(Math.max(quoteLength, spanLength));
}

/** Characters of quote and adjoining context that must agree before a candidate is trusted. */
const MIN_EVIDENCE = 12;
/** A far approximate match needs this much of its context to agree, besides the quote. */
const MIN_CONTEXT_FOR_FAR_FUZZY = 8;
/** Exact occurrences looked at closely when a quote is very common. */
const MAX_EXACT_CANDIDATES = 200;
const MAX_FAR_WINDOWS = 120;
/** What being where the diff put the quote's first character is worth, in characters of evidence. */
const POSITION_EVIDENCE = 8;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  method: 'position' | 'quote' | 'fuzzy';
}

interface Scored extends Candidate {
  score: number;
  evidence: number;
  contextRun: number;
}

/** The text searched, with its pair index built on first use (shared by every anchor of a revision). */
export class Haystack {
  private pairs: PairIndex | null = null;
  constructor(readonly text: string) {}
  occurrences(pattern: string, limit?: number): number[] {
    this.pairs ??= new PairIndex(this.text);
    return this.pairs.occurrences(pattern, limit);
  }
}

export interface MappedPosition {
  start: number;
  end: number;
  /** The diff kept the quote's first character: the mapped start is reliable. */
  anchored: boolean;
  /** When the diff kept the whole quote: how far the text stays the same on each side of it. */
  unchanged?: [number, number];
}

/** What one anchor is compared with, prepared once. */
class Quote {
  readonly text: string;
  readonly length: number;
  readonly maxErrors: number;
  private readonly prefixBigrams: Map<number, number>;
  private readonly suffixBigrams: Map<number, number>;

  constructor(
    readonly haystack: Haystack,
    readonly anchor: TextAnchor,
    readonly hint: number,
  ) {
    this.text = haystack.text;
    this.length = anchor.exact.length;
    // Enough for any span isSmallEdit accepts (insertions make it up to a quarter, or 2, longer).
    this.maxErrors = maxQuoteErrors(this.length + Math.max(2, this.length >> 2));
    this.prefixBigrams = bigrams(anchor.prefix);
    this.suffixBigrams = bigrams(anchor.suffix);
  }

  /** Context characters agreeing next to [start, end): run backwards from start, forwards from end. */
  contextRuns(start: number, end: number): [number, number] {
    const { prefix, suffix } = this.anchor;
    const t = this.text;
    let p = 0;
    while (p < prefix.length && start - 1 - p >= 0 && t.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)) p++;
    let s = 0;
    while (s < suffix.length && end + s < t.length && t.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
    return [p, s];
  }

  private sideSimilarity(stored: string, storedBigrams: Map<number, number>, actual: string, run: number): number {
    if (!stored.length) return actual.length ? 0.5 : 1;
    return 0.7 * (run / stored.length) + 0.3 * dice(storedBigrams, stored.length - 1, actual);
  }

  score(c: Candidate): Scored {
    const { prefix, suffix } = this.anchor;
    const [prefixRun, suffixRun] = this.contextRuns(c.start, c.end);
    const before = this.text.slice(Math.max(0, c.start - prefix.length), c.start);
    const after = this.text.slice(c.end, c.end + suffix.length);
    const context = this.sideSimilarity(prefix, this.prefixBigrams, before, prefixRun) + this.sideSimilarity(suffix, this.suffixBigrams, after, suffixRun);
    const quote = 1 - c.errors / Math.max(1, this.length);
    const nearness = 1 / (1 + Math.abs(c.start - this.hint) / 64);
    return {
      ...c,
      // The quote weighs most (an exact occurrence beats an edited one unless its context and
      // place say otherwise), then the context, then nearness, which settles between repeats.
      score: 3 * quote + context + 1.5 * nearness,
      evidence: this.length - c.errors + prefixRun + suffixRun,
      contextRun: prefixRun + suffixRun,
    };
  }
}

function bigrams(s: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const k = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two strings' bigram multisets (the first given as counts). */
function dice(stored: Map<number, number>, storedCount: number, actual: string): number {
  const actualCount = Math.max(0, actual.length - 1);
  if (storedCount <= 0 || actualCount <= 0) return storedCount <= 0 && actualCount <= 0 ? 1 : 0;
  const used = new Map<number, number>();
  let shared = 0;
  for (let i = 0; i + 1 < actual.length; i++) {
    const k = actual.charCodeAt(i) * 65536 + actual.charCodeAt(i + 1);
    const n = used.get(k) ?? 0;
    if (n < (stored.get(k) ?? 0)) {
      shared++;
      used.set(k, n + 1);
    }
  }
  return (2 * shared) / (storedCount + actualCount);
}

function trusted(q: Quote, c: Scored, far: boolean, uniqueExact: boolean): boolean {
  if (!isSmallEdit(q.length, c.end - c.start, c.errors)) return false;
  // The only occurrence of the quote in the whole text needs no other support.
  if (c.evidence < MIN_EVIDENCE && !(c.errors === 0 && uniqueExact)) return false;
  return !(far && c.errors > 0 && c.contextRun < MIN_CONTEXT_FOR_FAR_FUZZY);
}

/**
 * Whether the whole stored context agrees around [start, end). A context shorter than usual was cut
 * by the start or end of the text, and agrees only where the text starts or ends the same way.
 */
export function contextAgrees(text: string, anchor: TextAnchor, start: number, end: number): boolean {
  const { prefix, suffix } = anchor;
  // makeAnchor may stop one short of CONTEXT_LENGTH so as not to split a surrogate pair.
  const cutPrefix = prefix.length < CONTEXT_LENGTH - 1;
  const cutSuffix = suffix.length < CONTEXT_LENGTH - 1;
  if (cutPrefix ? start !== prefix.length : start < prefix.length) return false;
  if (cutSuffix ? end + suffix.length !== text.length : end + suffix.length > text.length) return false;
  return text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
}

function best(list: Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const c of list) if (!top || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  return top;
}


/** Every exact occurrence, or when there are very many, the likeliest by context and nearness. */
function exactCandidates(q: Quote, starts: number[]): Candidate[] {
  const { exact } = q.anchor;
  let chosen = starts;
  if (starts.length > MAX_EXACT_CANDIDATES) {
    const ranked = starts.map((s) => {
      const [p, x] = q.contextRuns(s, s + exact.length);
      return { s, run: p + x };
    });
    const byContext = [...ranked].sort((a, b) => b.run - a.run).slice(0, MAX_EXACT_CANDIDATES / 2);
    const byNearness = [...ranked].sort((a, b) => Math.abs(a.s - q.hint) - Math.abs(b.s - q.hint)).slice(0, MAX_EXACT_CANDIDATES / 2);
    chosen = [...new Set([...byContext, ...byNearness].map((r) => r.s))];
  }
  return chosen.map((s) => ({ start: s, end: s + exact.length, errors: 0, method: 'quote' as const }));
}

/** Approximate occurrences anywhere: one of errors + 1 pieces of the quote must occur exactly (pigeonhole). */
function farApproximateCandidates(q: Quote): Candidate[] {
  const { exact } = q.anchor;
  const k = q.maxErrors;
  const pieceLength = Math.floor(exact.length / (k + 1));
  if (pieceLength < 2) return [];
  const windows: [number, number][] = [];
  for (let p = 0; p <= k; p++) {
    const offset = p * pieceLength;
    const piece = exact.slice(offset, offset + pieceLength);
    for (const at of q.haystack.occurrences(piece, 20 * MAX_FAR_WINDOWS)) windows.push([at - offset - k, at - offset + exact.length + k]);
  }
  windows.sort((a, b) => Math.abs(a[0] - q.hint) - Math.abs(b[0] - q.hint));
  const near = windows.slice(0, MAX_FAR_WINDOWS).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of near) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged.flatMap(([from, to]) => approximateMatches(exact, q.text, from, to, k, 4).map((m) => ({ ...m, method: 'fuzzy' as const })));
}

/**
 * Spans lying exactly between the stored prefix and suffix, wherever the two occur (a paragraph
 * moved and edited inside a highlight), within the error bound of the quote.
 */
function bracketedCandidates(q: Quote): Candidate[] {
  const { prefix, exact } = q.anchor;
  const t = q.text;
  const k = q.maxErrors;
  const prefixStarts = prefix.length < CONTEXT_LENGTH - 1 ? (t.startsWith(prefix) ? [0] : []) : q.haystack.occurrences(prefix, MAX_EXACT_CANDIDATES);
  const out: Candidate[] = [];
  for (const p of prefixStarts) {
    const start = p + prefix.length;
    for (let end = start + Math.max(1, exact.length - k); end <= start + exact.length + k && end <= t.length; end++) {
      if (!contextAgrees(t, q.anchor, start, end)) continue;
      const errors = boundedDistance(exact, t.slice(start, end), k);
      if (errors <= k) out.push({ start, end, errors, method: errors ? 'fuzzy' : 'quote' });
    }
  }
  return out;
}

/**
 * Finds the quote in the text, expected to start near `hint`; `mapped` is where the diff put it
 * (its text possibly edited), null for an orphan from an earlier change (its offsets are old).
 */
export function locateQuote(haystack: Haystack, anchor: TextAnchor, hint: number, mapped: MappedPosition | null): Candidate | null {
  if (!anchor.exact.length) return null;
  const text = haystack.text;
  const q = new Quote(haystack, anchor, hint);
  const inContext = (c: Candidate) => contextAgrees(text, anchor, c.start, c.end);

  // (1) The quote itself where the diff put it. Its context was edited; a copy of the quote with all
  // its old context far away (a sentence repeated elsewhere) does not beat it. Only nearby (a few
  // hundred characters) may the context decide: among repeated sentences a diff may pair the wrong
  // copies or slide an insertion past a quote — unless much unchanged text backs the diff's place.
  if (mapped?.anchored && text.startsWith(anchor.exact, mapped.start)) {
    const here = q.score({ start: mapped.start, end: mapped.start + q.length, errors: 0, method: 'position' });
    const cap = 3 * CONTEXT_LENGTH;
    const backed = !!mapped.unchanged && Math.min(mapped.unchanged[0], cap) + Math.min(mapped.unchanged[1], cap) >= anchor.prefix.length + anchor.suffix.length;
    if (inContext(here) || backed) return here;
    const reach = 16 * CONTEXT_LENGTH + q.length;
    const close: Scored[] = [];
    for (let at = text.indexOf(anchor.exact, Math.max(0, here.start - reach)); at >= 0 && at <= here.start + reach; at = text.indexOf(anchor.exact, at + 1)) {
      const c = q.score({ start: at, end: at + q.length, errors: 0, method: 'quote' });
      if (inContext(c)) close.push(c);
    }
    return best(close) ?? here;
  }

  const candidates = new Map<string, Scored>();
  const add = (c: Candidate) => {
    const key = `${c.start}:${c.end}`;
    const had = candidates.get(key);
    if (!had || had.method !== 'position') candidates.set(key, q.score(c));
  };
  if (mapped && mapped.end > mapped.start) {
    const errors = boundedDistance(anchor.exact, text.slice(mapped.start, mapped.end), q.maxErrors);
    if (errors <= q.maxErrors) add({ start: mapped.start, end: mapped.end, errors, method: errors ? 'fuzzy' : 'position' });
  }
  // (2) Every exact occurrence; one with its whole old context fits best (nearness settles among copies).
  const starts = haystack.occurrences(anchor.exact);
  for (const c of exactCandidates(q, starts)) add(c);
  const isFar = (c: Candidate) => !mapped || c.end < mapped.start - q.length || c.start > mapped.end + q.length;
  const usable = () => [...candidates.values()].filter((c) => trusted(q, c, isFar(c), starts.length === 1));
  const exacts = usable().filter((c) => c.errors === 0);
  const exactInContext = best(exacts.filter(inContext));
  if (exactInContext) return exactInContext;
  const exact = best(exacts);

  // (3) Edited inside: the best alignments around where it was, and spans between its whole context.
  const from = (mapped ? Math.min(mapped.start, hint) : hint) - q.maxErrors - 16;
  const to = (mapped ? Math.max(mapped.end, hint + q.length) : hint + q.length) + q.maxErrors + 16;
  for (const m of approximateMatches(anchor.exact, text, from, to, q.maxErrors)) add({ ...m, method: 'fuzzy' });
  for (const c of bracketedCandidates(q)) add(c);
  const edited = usable().filter((c) => c.errors > 0);
  // The quote edited where it was: between its whole old context, or — when the quote occurs
  // several times elsewhere, so that any copy would be a guess among repeats — starting where the
  // diff kept its first character. It beats an exact copy that is less backed by matching text.
  const atMappedStart = (c: Candidate) => !!mapped?.anchored && c.start === mapped.start;
  const editedHere = best(edited.filter(inContext)) ?? (starts.length > 1 ? best(edited.filter(atMappedStart)) : null);
  if (editedHere) {
    if (!exact) return editedHere;
    // Text added at a quote's edge is not inside it: the exact quote within that span stays exact.
    const atEdge = exact.start >= editedHere.start && exact.end <= editedHere.end;
    const backing = (c: Scored) => c.evidence + (mapped?.anchored && c.start === mapped.start ? POSITION_EVIDENCE : 0);
    if (!atEdge && backing(editedHere) > backing(exact)) return editedHere;
  }
  if (exact) return exact;
  const near = best(edited);
  if (near) return near;
  for (const c of farApproximateCandidates(q)) add(c);
  return best(usable());
}

function place(text: string, a: AnchorToPlace, found: Candidate | null): PlacedAnchor {
  if (!found) return { id: a.id, outcome: 'orphaned', anchor: null, method: null };
  const anchor = makeAnchor(text, found.start, found.end);
  const same = !a.orphaned && anchor.start === a.start && anchor.end === a.end && anchor.exact === a.exact;
  return { id: a.id, outcome: same ? 'kept' : 'adjusted', anchor, method: found.method };
}

/** Places every anchor of `oldText` in `newText`; the diff may be given when already computed. */
export function reanchor(oldText: string, newText: string, anchors: readonly AnchorToPlace[], diff: TextDiff = diffTexts(oldText, newText)): PlacedAnchor[] {
  const haystack = new Haystack(newText);
  return anchors.map((a) => {
    if (a.orphaned) return place(newText, a, locateQuote(haystack, a, Math.min(a.start, newText.length), null));
    const start = mapOffset(diff, a.start, 'right');
    const end = mapOffset(diff, a.end, 'left');
    // Untouched where the diff puts it, and its context agrees there too (in repetitive text a
    // diff may slide an insertion past a quote: the context tells the two places apart).
    if (isUntouched(diff, a.start, a.end) && oldText.slice(a.start, a.end) === a.exact && contextAgrees(newText, a, start, end))
      return place(newText, a, { start, end, errors: 0, method: 'position' });
    const unchanged = isUntouched(diff, a.start, a.end) ? unchangedAround(diff, a.start, a.end) : undefined;
    return place(newText, a, locateQuote(haystack, a, start, { start, end, anchored: isUntouched(diff, a.start, a.start + 1), unchanged }));
  });
}
