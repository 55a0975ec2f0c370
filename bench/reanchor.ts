// Re-anchoring in `npm run bench` (issue 8): a generated 500,000-character document (the seeds'
// sentences shuffled into paragraphs, so sentences recur) with 2,000 highlights of 4–60 characters,
// then random edits over 5 % of its characters (insertions, deletions, replacements of 1–12
// characters, paragraphs merged and split) and a few whole paragraphs moved. Every character of the
// new text knows which old character it is, so the bench knows where each quote went.
// Ours (shared/anchoring.ts: one diff, then position, exact quote, fuzzy) next to the matcher
// Hypothesis uses, approx-string-match, driven as Hypothesis drives it: the stored position when the
// quote is still there, else a search of the whole text for the quote with up to quote.length / 2
// errors, the best match chosen by errors, prefix and suffix similarity and nearness to the stored
// position. Correct = placed on exactly the surviving characters, where the quote survived whole.
// Also counted: quotes edited inside placed on their edited span, and after restoring the old text
// (re-anchoring back), highlights on exactly their first place.
import search from 'approx-string-match';
import { reanchor, type AnchorToPlace } from '../shared/anchoring';
import type { TextAnchor } from '../shared/domain';
import { makeAnchor } from '../shared/offsets';
import { mulberry32 } from '../shared/random';
import { generateCorpus } from './searchCorpus';
import { median, type BenchRow } from './stats';

const DOCUMENT_CHARS = 500_000;
const HIGHLIGHTS = 2_000;
const EDITED_SHARE = 0.05;
const MOVED_PARAGRAPHS = 10;
const RUNS = 5;

export interface ReanchorBenchDetail {
  characters: number;
  newCharacters: number;
  highlights: number;
  edits: number;
  editedCharacters: number;
  movedParagraphs: number;
  /** Highlights whose quote survived whole (the ones correctness is measured on). */
  survived: number;
  ours: Outcomes;
  peer: Outcomes;
  /** Ours, after restoring the old text (the new anchors re-anchored back): highlights on exactly their first place. */
  backInPlace: number;
}

interface Outcomes {
  ms: number[];
  /** Of the survivors: placed on exactly their characters. */
  correct: number;
  /** Of the survivors: placed elsewhere, or orphaned. */
  misplaced: number;
  orphanedSurvivors: number;
  /** Of the quotes edited inside (not surviving whole): placed on the span their edited characters cover. */
  editedOnSpan: number;
  edited: number;
  orphaned: number;
}

export interface Edited {
  text: string;
  /** New position of each old character, -1 when deleted. */
  where: Int32Array;
  edits: number;
  editedCharacters: number;
}

/** Random edits at sorted, non-overlapping places, applied in one pass; then whole paragraphs moved. */
function editText(text: string, rand: () => number): Edited {
  const pieces = ['新质生产力', '发展', '的', '，', '。', '高质量', '科技创新', '\n', '产业链', '推动'];
  const budget = Math.round(text.length * EDITED_SHARE);
  const sites: { at: number; remove: number; insert: string }[] = [];
  let used = 0;
  while (used < budget) {
    const kind = rand();
    const at = Math.floor(rand() * text.length);
    const length = 1 + Math.floor(rand() * 12);
    let insert = '';
    if (kind < 0.05) insert = '\n'; // a paragraph split
    else if (kind > 0.35) while (insert.length < length) insert += pieces[Math.floor(rand() * pieces.length)];
    const remove = kind < 0.05 ? 0 : kind < 0.35 || kind > 0.7 ? length : 0; // deletions, replacements; else insertions
    sites.push({ at, remove, insert: insert.slice(0, Math.max(1, length)) });
    used += Math.max(remove, insert.length);
  }
  // Merging paragraphs: some deletions land on a paragraph break by choice.
  for (let i = 0; i < 40; i++) {
    const at = text.indexOf('\n', Math.floor(rand() * text.length));
    if (at >= 0) sites.push({ at, remove: 1, insert: '' });
  }
  sites.sort((a, b) => a.at - b.at);
  const chars: string[] = [];
  const origins: number[] = [];
  let at = 0;
  let edits = 0;
  let editedCharacters = 0;
  for (const s of sites) {
    if (s.at < at) continue; // overlapping: dropped
    for (; at < s.at; at++) {
      chars.push(text[at]);
      origins.push(at);
    }
    for (const ch of s.insert) {
      chars.push(ch);
      origins.push(-1);
    }
    at = Math.min(text.length, at + s.remove);
    edits++;
    editedCharacters += Math.max(s.remove, s.insert.length);
  }
  for (; at < text.length; at++) {
    chars.push(text[at]);
    origins.push(at);
  }
  // Whole paragraphs moved elsewhere (with their characters' origins).
  const paragraphs: { chars: string[]; origins: number[] }[] = [{ chars: [], origins: [] }];
  chars.forEach((ch, i) => {
    if (ch === '\n') paragraphs.push({ chars: [], origins: [] });
    else {
      paragraphs[paragraphs.length - 1].chars.push(ch);
      paragraphs[paragraphs.length - 1].origins.push(origins[i]);
    }
  });
  for (let m = 0; m < MOVED_PARAGRAPHS; m++) {
    const [moved] = paragraphs.splice(Math.floor(rand() * paragraphs.length), 1);
    paragraphs.splice(Math.floor(rand() * (paragraphs.length + 1)), 0, moved);
  }
  const where = new Int32Array(text.length).fill(-1);
  let out = '';
  paragraphs.forEach((p, i) => {
    if (i > 0) out += '\n';
    p.origins.forEach((o, k) => {
      if (o >= 0) where[o] = out.length + k;
    });
    out += p.chars.join('');
  });
  // The separators' own origins are not tracked: a quote holding a paragraph break counts as edited.
  return { text: out, where, edits: edits + MOVED_PARAGRAPHS, editedCharacters };
}

/** Where old [start, end) survived whole (together, in order), or -1. */
export function survivedAt(where: Int32Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (where[i] < 0 || (i > start && where[i] !== where[i - 1] + 1)) return -1;
  return where[start];
}

/** The span an edit inside the quote left (its first and last characters kept, in order), or null. */
function editedSpan(where: Int32Array, start: number, end: number): [number, number] | null {
  const first = where[start];
  const last = where[end - 1];
  if (first < 0 || last < first || last - first > 2 * (end - start)) return null;
  return [first, last + 1];
}

/** Similarity of two context strings as Hypothesis scores it: 1 − errors / length of the best approximate match. */
function contextScore(actual: string, stored: string): number {
  if (!stored.length || !actual.length) return 0;
  const matches = search(actual, stored, stored.length);
  return matches.length ? 1 - matches[0].errors / stored.length : 0;
}

/** The peer: approx-string-match used the way Hypothesis anchors a quote. */
function hypothesisStyle(text: string, a: TextAnchor): { start: number; end: number } | null {
  if (text.slice(a.start, a.end) === a.exact) return { start: a.start, end: a.end };
  const matches = search(text, a.exact, Math.min(256, Math.floor(a.exact.length / 2)));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const quote = 1 - m.errors / a.exact.length;
    const prefix = contextScore(text.slice(Math.max(0, m.start - a.prefix.length), m.start), a.prefix);
    const suffix = contextScore(text.slice(m.end, m.end + a.suffix.length), a.suffix);
    const position = 1 - Math.abs(m.start - a.start) / text.length;
    const score = 50 * quote + 20 * prefix + 20 * suffix + 2 * position;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

function tally(
  ms: number[],
  placed: ({ start: number; end: number } | null)[],
  anchors: TextAnchor[],
  where: Int32Array,
): Outcomes {
  const o: Outcomes = { ms, correct: 0, misplaced: 0, orphanedSurvivors: 0, editedOnSpan: 0, edited: 0, orphaned: 0 };
  anchors.forEach((a, i) => {
    const p = placed[i];
    if (!p) o.orphaned++;
    const at = survivedAt(where, a.start, a.end);
    if (at >= 0) {
      if (p && p.start === at && p.end === at + a.exact.length) o.correct++;
      else {
        o.misplaced++;
        if (!p) o.orphanedSurvivors++;
      }
      return;
    }
    const span = editedSpan(where, a.start, a.end);
    if (!span) return;
    o.edited++;
    if (p && p.start === span[0] && p.end === span[1]) o.editedOnSpan++;
  });
  return o;
}

/** The generated document, its highlights and its edited text (deterministic). */
export function reanchorCase(seed = 8): { oldText: string; anchors: AnchorToPlace[]; edited: Edited } {
  const rand = mulberry32(seed);
  const oldText = generateCorpus(1, DOCUMENT_CHARS, seed).next().value!.text.slice(0, DOCUMENT_CHARS);
  const anchors: AnchorToPlace[] = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const length = 4 + Math.floor(rand() * 57);
    const start = Math.floor(rand() * (oldText.length - length));
    anchors.push({ id: String(i), ...makeAnchor(oldText, start, start + length) });
  }
  return { oldText, anchors, edited: editText(oldText, rand) };
}

export function benchReanchor(): { rows: BenchRow[]; detail: ReanchorBenchDetail } {
  const { oldText, anchors, edited } = reanchorCase();

  let ours: ({ start: number; end: number } | null)[] = [];
  const oursMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    ours = reanchor(oldText, edited.text, anchors).map((p) => p.anchor && { start: p.anchor.start, end: p.anchor.end });
    oursMs.push(performance.now() - t);
  }
  const t = performance.now();
  const peer = anchors.map((a) => hypothesisStyle(edited.text, a));
  const peerMs = [performance.now() - t];

  // Restoring the old text: every highlight (orphans too) re-anchored back from the new text.
  const placed = reanchor(oldText, edited.text, anchors);
  const back = reanchor(
    edited.text,
    oldText,
    placed.map((p, i) => (p.anchor ? { id: p.id, ...p.anchor } : { ...anchors[i], orphaned: true })),
  );
  const backInPlace = back.filter((p, i) => p.anchor?.start === anchors[i].start && p.anchor.end === anchors[i].end).length;
  const oursOutcome = tally(oursMs, ours, anchors, edited.where);
  const peerOutcome = tally(peerMs, peer, anchors, edited.where);
  const survived = oursOutcome.correct + oursOutcome.misplaced;
  const wrongShare = (o: Outcomes) => (100 * o.misplaced) / Math.max(1, survived);
  const rows: BenchRow[] = [
    {
      name: 're-anchor 2,000 highlights, 500k chars, 5% edited',
      unit: 'ms',
      ours: median(oursMs),
      baseline: median(peerMs),
      baselineName: 'approx-string-match (as Hypothesis)',
      goal: 1000,
    },
    {
      name: 'misplaced where the quote survived',
      unit: '%',
      ours: wrongShare(oursOutcome),
      baseline: wrongShare(peerOutcome),
      baselineName: 'approx-string-match (as Hypothesis)',
      goal: 1,
    },
  ];
  return {
    rows,
    detail: {
      characters: oldText.length,
      newCharacters: edited.text.length,
      highlights: HIGHLIGHTS,
      edits: edited.edits,
      editedCharacters: edited.editedCharacters,
      movedParagraphs: MOVED_PARAGRAPHS,
      survived,
      ours: oursOutcome,
      peer: peerOutcome,
      backInPlace,
    },
  };
}
