// Re-anchoring under random edits (fast-check). Random Chinese-like documents (a small vocabulary,
// sentences reused across paragraphs, so quotes repeat) with random highlights, then random edits:
// insertions, deletions, replacements, paragraph merges and splits, moves of whole paragraphs.
// Every character of the edited text remembers which old character it is (or that it is new), so
// the test knows where each quote went:
// - a quote *survives* when its characters are still together, in order, with nothing between;
// - it is *unambiguous* when it survives and either its 32 characters of context on both sides
//   survive with it (the region [start − 32, end + 32) is untouched, and where it is cut by the
//   text's start or end, nothing was added there) and occur with it only there, and nowhere else
//   does the quote look the same up close (8 characters either side: among sentences repeated word
//   for word, which copy an edit took is a guess for any text-based method), and no paragraph was
//   moved (a move among repeated sentences reads as well as the other sentences moving), or
//   the quote occurs once in the new text and no slightly edited copy of it (within the error bound)
//   sits between its whole old context (which would as well be the quote, edited inside). Every
//   unambiguous quote must be placed on exactly its surviving characters.
// - it is *edited inside* when its first and last characters survive, everything between them in
//   the new text comes from inside the quote or is new, at least one character changed, and its
//   context on both sides is untouched, and the old quote occurs nowhere in the new text (an
//   exact copy elsewhere is as legitimate an answer, and the old quote inside the span is the
//   same texts as text added at its edge), nor does another small edit of it lie between its
//   whole old context (in repetitive text). If the edit is small (isSmallEdit: errors at most
//   max(2, 20 %) of the longer of quote and span, never half) it must be
//   placed on exactly the edited span; a larger edit is orphaned or placed on text no further from
//   the old quote than a small edit (a copy elsewhere).
// - no highlight is ever lost: every one comes back kept, adjusted or orphaned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallEdit, reanchor, type AnchorToPlace } from '../../shared/anchoring';
import { boundedDistance } from '../../shared/fuzzyMatch';
import { makeAnchor } from '../../shared/offsets';
import { diffTexts, mapOffset } from '../../shared/textChanges';
import { api } from './api';
import { open } from './helpers';

const WORDS = [
  '新质', '生产力', '发展', '创新', '科技', '的', '是', '要', '推动', '高质量', '产业', '体系', '加快', '建设', '现代化', '因地制宜',
  '改革', '开放', '数字', '经济', '人才', '教育', '战略', '全面', '深化', '我们', '必须', '坚持', '实施', '驱动', '关键', '核心',
  '技术', '攻坚战', '打赢', '制度', '优势', '新动能', '新赛道', '培育', '，', '、',
];

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((ws) => ws.join('') + '。');
/** Paragraphs pick sentences from a small pool, so whole sentences recur in the document. */
const documentText = fc
  .record({
    pool: fc.array(sentence, { minLength: 3, maxLength: 10 }),
    paragraphs: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 10 }),
  })
  .map(({ pool, paragraphs }) => paragraphs.map((p) => p.map((i) => pool[i % pool.length]).join('')).join('\n'));

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'merge'; paragraph: number }
  | { kind: 'split'; at: number }
  | { kind: 'move'; paragraph: number; to: number };

const insertion = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(''));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), text: insertion }),
  fc.record({ kind: fc.constant('merge' as const), paragraph: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), paragraph: fc.nat(), to: fc.nat() }),
);

/** A character of the edited text and the old index it came from (-1: new). */
interface Tracked {
  ch: string;
  origin: number;
}

const fresh = (text: string): Tracked[] => [...text].map((ch) => ({ ch, origin: -1 }));

/** Paragraph ranges [from, to) of the tracked text (separators excluded). */
function paragraphs(t: Tracked[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  t.forEach((c, i) => {
    if (c.ch === '\n') {
      out.push([from, i]);
      from = i + 1;
    }
  });
  out.push([from, t.length]);
  return out;
}

function apply(t: Tracked[], e: Edit): Tracked[] {
  const n = t.length;
  switch (e.kind) {
    case 'insert': {
      const at = e.at % (n + 1);
      return [...t.slice(0, at), ...fresh(e.text), ...t.slice(at)];
    }
    case 'delete': {
      const at = e.at % Math.max(1, n);
      const out = [...t.slice(0, at), ...t.slice(at + e.length)];
      return out.length ? out : t;
    }
    case 'replace': {
      const at = e.at % Math.max(1, n);
      return [...t.slice(0, at), ...fresh(e.text), ...t.slice(at + e.length)];
    }
    case 'merge': {
      const breaks = t.flatMap((c, i) => (c.ch === '\n' ? [i] : []));
      if (!breaks.length) return t;
      const at = breaks[e.paragraph % breaks.length];
      return [...t.slice(0, at), ...t.slice(at + 1)];
    }
    case 'split': {
      const at = e.at % (n + 1);
      return [...t.slice(0, at), { ch: '\n', origin: -1 }, ...t.slice(at)];
    }
    case 'move': {
      const ps = paragraphs(t);
      if (ps.length < 2) return t;
      const [from, to] = ps[e.paragraph % ps.length];
      const moved = t.slice(from, to);
      // Take the paragraph out with one separator, put it back before another paragraph (or last).
      const rest = from > 0 ? [...t.slice(0, from - 1), ...t.slice(to)] : [...t.slice(0, from), ...t.slice(to + 1)];
      const slots = paragraphs(rest);
      const slot = e.to % (slots.length + 1);
      if (slot === slots.length) return [...rest, { ch: '\n', origin: -1 }, ...moved];
      const at = slots[slot][0];
      return [...rest.slice(0, at), ...moved, { ch: '\n', origin: -1 }, ...rest.slice(at)];
    }
  }
}

function editText(text: string, edits: Edit[]): { newText: string; where: Int32Array } {
  let t: Tracked[] = [...text].map((ch, i) => ({ ch, origin: i }));
  for (const e of edits) t = apply(t, e);
  const newText = t.map((c) => c.ch).join('');
  const where = new Int32Array(text.length).fill(-1);
  t.forEach((c, i) => {
    if (c.origin >= 0) where[c.origin] = i;
  });
  return { newText, where };
}

/** Old [from, to) is still together, in order, with nothing inserted: its new start, else -1. */
function together(where: Int32Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (where[i] < 0 || (i > from && where[i] !== where[i - 1] + 1)) return -1;
  return where[from];
}

/**
 * Old [from, to) together as above and, where it reaches the start or end of the old text, still at
 * the start or end of the new one (a context cut short by the text's edge is part of the context).
 */
function togetherToEdges(where: Int32Array, newLength: number, from: number, to: number): boolean {
  const at = together(where, Math.max(0, from), Math.min(where.length, to));
  if (at < 0) return false;
  if (from <= 0 && at !== 0) return false;
  return !(to >= where.length && where[where.length - 1] !== newLength - 1);
}

/**
 * Whether some span other than [at, end) lies between the quote's whole old context within the error
 * bound: an edited copy that fits its context as well as the span does.
 */
function editedCopyInContext(text: string, a: AnchorToPlace, at: number, atEnd = at + a.exact.length): boolean {
  const k = a.exact.length;
  const cut = (s: string) => s.length < 31;
  for (let p = text.indexOf(a.prefix); p >= 0; p = text.indexOf(a.prefix, p + 1)) {
    const start = p + a.prefix.length;
    if (cut(a.prefix) && p !== 0) break;
    for (let end = start + 1; end <= Math.min(text.length, start + a.exact.length + k); end++) {
      if (start === at && end === atEnd) continue;
      if (!text.startsWith(a.suffix, end) || (cut(a.suffix) && end + a.suffix.length !== text.length)) continue;
      if (isSmallEdit(a.exact.length, end - start, boundedDistance(a.exact, text.slice(start, end), k))) return true;
    }
  }
  return false;
}

function occurrences(text: string, quote: string): number {
  let n = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) n++;
  return n;
}

/** The span an edit strictly inside the quote left: [new first char, new last char + 1), when well defined. */
function editedSpan(text: string, where: Int32Array, newTextOrigins: Int32Array, a: AnchorToPlace): [number, number] | null {
  const first = where[a.start];
  const last = where[a.end - 1];
  if (first < 0 || last < first) return null;
  for (let i = first; i <= last; i++) {
    const o = newTextOrigins[i];
    if (o >= 0 && (o < a.start || o >= a.end)) return null;
  }
  const context = 32;
  if (!togetherToEdges(where, newTextOrigins.length, a.start - context, a.start + 1)) return null;
  if (!togetherToEdges(where, newTextOrigins.length, a.end - 1, a.end + context)) return null;
  return [first, last + 1];
}

interface Tally {
  runs: number;
  edits: number;
  highlights: number;
  unambiguous: number;
  survivedOther: number;
  survivedOtherPlacedExactly: number;
  editedSmall: number;
  editedLarge: number;
  orphaned: number;
}

const tally: Tally = { runs: 0, edits: 0, highlights: 0, unambiguous: 0, survivedOther: 0, survivedOtherPlacedExactly: 0, editedSmall: 0, editedLarge: 0, orphaned: 0 };

const RUNS = Number(process.env.PIZHU_ANCHOR_RUNS) || 3000;

describe('re-anchoring under random edits', () => {
  it('places every surviving quote on its text, every small inside edit on its span, and loses none', () => {
    fc.assert(
      fc.property(
        documentText,
        fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 12 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (text, spans, edits) => {
          const anchors: AnchorToPlace[] = spans.map((s, i) => {
            const start = s.at % (text.length - 1);
            return { id: `h${i}`, ...makeAnchor(text, start, Math.min(text.length, start + s.length)) };
          });
          const { newText, where } = editText(text, edits);
          const anyMove = edits.some((e) => e.kind === 'move');
          const origins = new Int32Array(newText.length).fill(-1);
          where.forEach((n, o) => {
            if (n >= 0) origins[n] = o;
          });
          const placed = reanchor(text, newText, anchors);
          tally.runs++;
          tally.edits += edits.length;
          expect(placed.map((p) => p.id)).toEqual(anchors.map((a) => a.id));
          anchors.forEach((a, i) => {
            tally.highlights++;
            const p = placed[i];
            expect(['kept', 'adjusted', 'orphaned']).toContain(p.outcome);
            expect(p.anchor === null).toBe(p.outcome === 'orphaned');
            if (p.anchor) expect(newText.slice(p.anchor.start, p.anchor.end)).toBe(p.anchor.exact);
            if (p.outcome === 'orphaned') tally.orphaned++;
            const at = together(where, a.start, a.end);
            if (at >= 0) {
              const contextKept = togetherToEdges(where, newText.length, a.start - 32, a.end + 32) && !anyMove;
              const selectorOnce =
                occurrences(newText, a.prefix + a.exact + a.suffix) === 1 && occurrences(newText, a.prefix.slice(-8) + a.exact + a.suffix.slice(0, 8)) === 1;
              const onlyPlace = occurrences(newText, a.exact) === 1 && !editedCopyInContext(newText, a, at);
              if ((contextKept && selectorOnce) || onlyPlace) {
                tally.unambiguous++;
                expect({ id: a.id, start: p.anchor?.start, end: p.anchor?.end }).toEqual({ id: a.id, start: at, end: at + a.exact.length });
              } else {
                tally.survivedOther++;
                if (p.anchor?.start === at) tally.survivedOtherPlacedExactly++;
              }
              return;
            }
            const span = editedSpan(text, where, origins, a);
            // The old quote still found word for word elsewhere is a legitimate answer too (an exact
            // quote comes before a fuzzy match), and inside the span it is the same texts as text
            // added at the quote's edge.
            if (!span || newText.includes(a.exact) || editedCopyInContext(newText, a, span[0], span[1])) return;
            const errors = boundedDistance(a.exact, newText.slice(span[0], span[1]), 1_000);
            if (isSmallEdit(a.exact.length, span[1] - span[0], errors)) {
              tally.editedSmall++;
              expect({ id: a.id, start: p.anchor?.start, end: p.anchor?.end }).toEqual({ id: a.id, start: span[0], end: span[1] });
            } else {
              tally.editedLarge++;
              // Never on the mangled span: orphaned, or on text as near the old quote as a small edit.
              if (p.anchor) expect(isSmallEdit(a.exact.length, p.anchor.exact.length, boundedDistance(a.exact, p.anchor.exact, 1_000))).toBe(true);
            }
          });
        },
      ),
      { numRuns: RUNS },
    );
    console.log('anchoring property tally', JSON.stringify(tally));
  }, 120_000);

  it('never loses a highlight in a real library: each comes back placed or orphaned, with its note and themes', async () => {
    const call = api(open({ seedsDir: null }));
    const theme = await call('themes.create', { name: '主题' });
    let run = 0;
    let orphaned = 0;
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(
        documentText,
        fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 8 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        async (generated, spans, edits) => {
          run++;
          const imported = await call('import.text', { text: `第${run}篇\n${generated}`, title: `第${run}篇` });
          const doc = await call('documents.get', { id: imported.documents[0].id });
          const made = [];
          for (const [i, s] of spans.entries()) {
            const start = s.at % (doc.text.length - 1);
            const end = Math.min(doc.text.length, start + s.length);
            if (!doc.text.slice(start, end).trim()) continue;
            const a = await call('annotations.create', { documentId: doc.id, start, end, themeIds: [theme.id] });
            made.push(await call('annotations.updateNote', { id: a.id, noteJson: null, noteText: `笔记${i}` }));
          }
          const { newText } = editText(doc.text, edits);
          if (!newText.trim()) return;
          const report = await call('documents.revise', { id: doc.id, text: newText });
          expect(report.entries.map((e) => e.annotationId).sort()).toEqual(made.map((a) => a.id).sort());
          const live = new Map((await call('annotations.list', { documentId: doc.id })).map((a) => [a.id, a]));
          const orphans = new Map((await call('annotations.orphans', { documentId: doc.id })).map((a) => [a.id, a]));
          for (const a of made) {
            const entry = report.entries.find((e) => e.annotationId === a.id)!;
            const now = live.get(a.id) ?? orphans.get(a.id);
            expect(now).toMatchObject({ noteText: a.noteText, themeIds: [theme.id] });
            if (entry.outcome === 'orphaned') {
              orphaned++;
              expect(orphans.get(a.id)).toMatchObject({ exact: a.exact, prefix: a.prefix, suffix: a.suffix });
            } else {
              placed++;
              expect(live.get(a.id)).toMatchObject({ start: entry.newStart, end: entry.newEnd, exact: newText.slice(entry.newStart!, entry.newEnd!) });
            }
          }
          expect(live.size + orphans.size).toBe(made.length);
        },
      ),
      { numRuns: 150 },
    );
    console.log('library runs', run, 'placed', placed, 'orphaned', orphaned);
  }, 60_000);

  it('moves offsets through the diff exactly where the text is untouched', () => {
    fc.assert(
      fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const { newText, where } = editText(text, edits);
        const diff = diffTexts(text, newText);
        // Rebuilding the new text from the diff's changes proves the changes describe it exactly.
        let rebuilt = '';
        let at = 0;
        for (const c of diff.changes) {
          expect(c.oldFrom).toBeGreaterThanOrEqual(at);
          rebuilt += text.slice(at, c.oldFrom) + newText.slice(c.newFrom, c.newTo);
          at = c.oldTo;
        }
        expect(rebuilt + text.slice(at)).toBe(newText);
        // An old character outside every change maps to an equal character.
        for (let i = 0; i < text.length; i++) {
          const inChange = diff.changes.some((c) => c.oldFrom <= i && i < c.oldTo);
          if (!inChange) expect(newText[mapOffset(diff, i, 'right')]).toBe(text[i]);
        }
        void where;
      }),
      { numRuns: 300 },
    );
  });
});
