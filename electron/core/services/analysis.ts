// The analysis views: highlights per theme, theme co-occurrence (with click-through), a term's
// occurrences per document over time, and Chinese word frequency.
import { createHash } from 'node:crypto';
import type { InputOf } from '../../../shared/contract';
import type { CodedPassage, CooccurrenceMatrix, TermSeries, ThemeCount, WordCount, WordFrequency } from '../../../shared/domain';
import { toSimplified } from '../../../shared/chinese';
import { countWords, SEGMENTER_VERSION } from '../analysis/segment';
import { DEFAULT_STOPWORDS } from '../analysis/stopwords';
import * as repo from '../repos/analysis';
import { listDocuments } from '../repos/documents';
import { getSetting, setSetting } from '../repos/settings';
import { listThemes } from '../repos/themes';
import type { ServiceContext } from './context';
import { getDocumentOrThrow } from './documents';
import { toPassages } from './passages';
import { annotationsInOrder, themeWithSubthemes } from './retrieval';
import type { SearchService } from './search';
import { getThemeOrThrow } from './themes';

/** Every live theme in codebook order: its own highlights, and the distinct ones of its whole subtree. */
export function themeFrequency(ctx: ServiceContext, documentId?: string): ThemeCount[] {
  if (documentId) getDocumentOrThrow(ctx, documentId);
  const own = repo.ownThemeCounts(ctx.db, documentId);
  const subtree = repo.subtreeThemeCounts(ctx.db, documentId);
  return listThemes(ctx.db).map((t) => ({ themeId: t.id, count: own.get(t.id) ?? 0, withSubthemes: subtree.get(t.id) ?? 0 }));
}

function chosenThemes(ctx: ServiceContext, themeIds?: string[]): string[] {
  if (!themeIds) return listThemes(ctx.db).map((t) => t.id);
  for (const id of themeIds) getThemeOrThrow(ctx, id);
  return [...new Set(themeIds)];
}

/**
 * 'same': highlights coded with both themes. 'overlap': pairs of different highlights in one
 * document whose ranges overlap, one coded with each theme (a pair counts once per cell). The
 * diagonal is, in both modes, the highlights coded with the theme. Themes count by their own
 * codes (a sub-theme is its own row).
 */
export function cooccurrence(ctx: ServiceContext, input: InputOf<'analysis.cooccurrence'>): CooccurrenceMatrix {
  const themeIds = chosenThemes(ctx, input.themeIds);
  const mode = input.mode ?? 'same';
  const index = new Map(themeIds.map((id, i) => [id, i]));
  const counts = themeIds.map(() => themeIds.map(() => 0));
  const set = (a: string, b: string, n: number) => {
    const i = index.get(a)!;
    const j = index.get(b)!;
    counts[i][j] = counts[j][i] = n;
  };
  for (const p of repo.sameHighlightPairs(ctx.db, themeIds)) if (mode === 'same' || p.a === p.b) set(p.a, p.b, p.n);
  if (mode === 'overlap') for (const [key, n] of overlapCounts(ctx, themeIds)) set(key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1), n);
  return { themeIds, counts, mode };
}

/**
 * Off-diagonal overlap counts keyed "a b" (a < b): overlapping pairs are found on the ranges
 * alone (an index walk), then only the highlights in some pair have their themes read.
 */
function overlapCounts(ctx: ServiceContext, themeIds: string[]): Map<string, number> {
  const pairs: [string, string][] = [];
  forEachOverlap(
    repo.liveRanges(ctx.db).map(([id, documentId, start, end]) => ({ id, documentId, start, end })),
    (x, y) => pairs.push([x.id, y.id]),
  );
  const chosen = new Set(themeIds);
  const themesOf = repo.themesOfAnnotations(ctx.db, new Set(pairs.flat()));
  const counts = new Map<string, number>();
  for (const [x, y] of pairs) {
    const tx = themesOf.get(x)!.filter((t) => chosen.has(t));
    const ty = themesOf.get(y)!.filter((t) => chosen.has(t));
    // A pair counts once in each cell, however many ways its themes make that cell.
    const cells = new Set<string>();
    for (const a of tx) for (const b of ty) if (a !== b) cells.add(a < b ? `${a} ${b}` : `${b} ${a}`);
    for (const cell of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

interface Range {
  id: string;
  documentId: string;
  start: number;
  end: number;
}

/** Calls `fn` once for each pair of different highlights of one document whose ranges overlap; ranges sorted by document, then start. */
function forEachOverlap<R extends Range>(ranges: R[], fn: (x: R, y: R) => void): void {
  // Only highlights still open when the next one starts can overlap it.
  let open: R[] = [];
  let documentId: string | null = null;
  for (const r of ranges) {
    if (r.documentId !== documentId) {
      open = [];
      documentId = r.documentId;
    }
    if (open.length) open = open.filter((o) => o.end > r.start);
    for (const o of open) fn(o, r);
    open.push(r);
  }
}

/** The passages behind one cell of the matrix, in document order. */
export function cooccurrencePassages(ctx: ServiceContext, input: InputOf<'analysis.cooccurrencePassages'>): CodedPassage[] {
  getThemeOrThrow(ctx, input.a);
  getThemeOrThrow(ctx, input.b);
  if ((input.mode ?? 'same') === 'same' || input.a === input.b) {
    const themeGroups = input.a === input.b ? [[input.a]] : [[input.a], [input.b]];
    return toPassages(ctx, annotationsInOrder(ctx, { themeGroups }));
  }
  const ranges: (Range & { themes: Set<string> })[] = [];
  for (const r of repo.codedRanges(ctx.db, [input.a, input.b])) {
    const last = ranges[ranges.length - 1];
    if (last && last.id === r.id) last.themes.add(r.themeId);
    else ranges.push({ ...r, themes: new Set([r.themeId]) });
  }
  const ids = new Set<string>();
  forEachOverlap(ranges, (x, y) => {
    if ((x.themes.has(input.a) && y.themes.has(input.b)) || (x.themes.has(input.b) && y.themes.has(input.a))) {
      ids.add(x.id);
      ids.add(y.id);
    }
  });
  return toPassages(ctx, annotationsInOrder(ctx, { ids: [...ids] }));
}

/** Enough lines for every occurrence: only the per-document counts are used. */
const ALL_OCCURRENCES = 10_000_000;

/**
 * Each term's occurrences per live document, documents by publication date (undated last), through
 * the search index: with folding (the default) 新质生产力 and 新質生產力 count together.
 */
export async function termSeries(ctx: ServiceContext, search: SearchService, input: InputOf<'analysis.terms'>): Promise<TermSeries[]> {
  const documents = listDocuments(ctx.db);
  const out: TermSeries[] = [];
  for (const term of input.terms) {
    // A term is a phrase: its spaces and operator words are literal.
    const result = await search.query({ query: `"${term.replace(/"/g, '')}"`, fold: input.fold ?? true, limit: ALL_OCCURRENCES });
    const perDocument = new Map(result.groups.map((g) => [g.documentId, g.count]));
    out.push({
      term,
      total: result.total,
      points: documents.map((d) => ({ documentId: d.id, title: d.title, publishedAt: d.publishedAt, count: perDocument.get(d.id) ?? 0 })),
    });
  }
  return out;
}

// ---- word frequency ----

const STOPWORDS_KEY = 'analysis.stopwords';
export const DEFAULT_TOP = 100;

export function stopwords(ctx: ServiceContext): string[] {
  const saved = getSetting(ctx.db, STOPWORDS_KEY);
  return saved ? (JSON.parse(saved) as string[]) : [...DEFAULT_STOPWORDS];
}

export function setStopwords(ctx: ServiceContext, words: string[]): string[] {
  const list = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
  setSetting(ctx.db, STOPWORDS_KEY, JSON.stringify(list));
  return list;
}

function textHash(text: string): string {
  return createHash('sha1').update(`segmenter ${SEGMENTER_VERSION}\n`).update(text).digest('hex');
}

/** Characters segmented between two turns of the event loop (about 0.1 s): the app stays responsive. */
const SEGMENT_SLICE = 20_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Counts a text a slice of paragraphs at a time (no word spans a line break), yielding between slices. */
async function countWordsInSlices(text: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from + SEGMENT_SLICE);
    if (to < 0) to = text.length;
    for (const [word, n] of countWords(text.slice(from, to))) counts.set(word, (counts.get(word) ?? 0) + n);
    from = to + 1;
    if (from < text.length) await nextTurn();
  }
  return counts;
}

/**
 * Word counts of each live document (all, or the given ones). Only a text whose hash has no cached
 * counts is segmented, and its counts are stored at once, so an interrupted count keeps what it did.
 */
export async function documentWordCounts(ctx: ServiceContext, documentIds?: string[]): Promise<Map<string, [string, number][]>> {
  const texts = repo.liveDocumentTexts(ctx.db, documentIds);
  const cached = repo.cachedWordCounts(ctx.db, texts.map((t) => t.id));
  const out = new Map<string, [string, number][]>();
  for (const { id, text } of texts) {
    const hash = textHash(text);
    const hit = cached.get(id);
    if (hit && hit.textHash === hash) {
      out.set(id, JSON.parse(hit.counts) as [string, number][]);
      continue;
    }
    const counts = [...(await countWordsInSlices(text))];
    out.set(id, counts);
    repo.saveWordCounts(ctx.db, { documentId: id, textHash: hash, total: counts.reduce((n, [, c]) => n + c, 0), counts: JSON.stringify(counts) });
    await nextTurn();
  }
  return out;
}

/**
 * Word frequency in one document, in the passages of a theme (and its sub-themes; within one
 * document if both are given), or in the whole library; stop words left out.
 */
export async function wordFrequency(ctx: ServiceContext, input: InputOf<'analysis.words'>): Promise<WordFrequency> {
  const stop = new Set(stopwords(ctx).map((w) => toSimplified(w).toLowerCase()));
  const perUnit: { documentId: string; counts: Iterable<[string, number]> }[] = [];
  if (input.documentId) getDocumentOrThrow(ctx, input.documentId);
  if (input.themeId) {
    const [group] = themeWithSubthemes(ctx, [input.themeId]);
    const passages = annotationsInOrder(ctx, { themeGroups: [group], documentId: input.documentId });
    for (const [i, p] of passages.entries()) {
      perUnit.push({ documentId: p.documentId, counts: countWords(p.exact) });
      if (i % 500 === 499) await nextTurn();
    }
  } else {
    for (const [documentId, counts] of await documentWordCounts(ctx, input.documentId ? [input.documentId] : undefined)) perUnit.push({ documentId, counts });
  }
  const totals = new Map<string, { count: number; documents: Set<string> }>();
  for (const unit of perUnit) {
    for (const [word, count] of unit.counts) {
      if (stop.has(word)) continue;
      let t = totals.get(word);
      if (!t) totals.set(word, (t = { count: 0, documents: new Set() }));
      t.count += count;
      t.documents.add(unit.documentId);
    }
  }
  const words: WordCount[] = [...totals].map(([word, t]) => ({ word, count: t.count, documents: t.documents.size }));
  words.sort((a, b) => b.count - a.count || b.documents - a.documents || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return {
    words: words.slice(0, input.top ?? DEFAULT_TOP),
    totalWords: words.reduce((n, w) => n + w.count, 0),
    distinctWords: words.length,
  };
}
