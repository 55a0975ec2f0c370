// Answers library-wide searches on one SQLite connection. The FTS5 index narrows the documents
// (never missing one: see tokens.ts); exact occurrences, counts and KWIC positions come from the
// folded texts, held in memory, so the total is always exact and cheap.
import type { InputOf } from '../../../shared/contract';
import { foldForSearch } from '../../../shared/chinese';
import type { SearchGroup, SearchHit, SearchResult } from '../../../shared/domain';
import type { Db } from '../db/connection';
import * as repo from '../repos/search';
import type { IndexedDocument, SearchAnnotation } from '../repos/search';
import { catchUp, rebuild } from './indexer';
import { kwic } from './kwic';
import { countOccurrences, hasOccurrence, needle, occurrences, type Needle } from './match';
import { evaluate, parseQuery, prefilter, type ParsedQuery } from './query';
import { TextCache } from './textCache';
import { ftsAllOf, soleToken, termTokens, type IndexToken } from './tokens';

export type SearchInput = InputOf<'search.query'>;

export const DEFAULT_LIMIT = 100;
/** Documents read at a time while filling the lines shown from a ranked list. */
const SHOWN_SLICE = 64;
/** 64M UTF-16 code units (128 MB): a library of about 10,000 long articles fits. */
export const DEFAULT_CACHE_CHARS = 64 * 1024 * 1024;

const BM25_K1 = 1.2;
const BM25_B = 0.75;
const FETCH_CHUNK = 500;

interface Hit {
  start: number;
  end: number;
  annotationId?: string;
}

interface DocMatch {
  doc: IndexedDocument;
  count: number;
  /** Occurrences of each term (0 for excluded terms). */
  termCounts: number[];
  score: number;
  /** Hits found while matching (highlights, notes), or else the text to find them in once shown. */
  hits?: Hit[];
  hay?: string;
}

/** The unfolded texts KWIC lines are cut from. */
interface Originals {
  prefetch(docs: IndexedDocument[]): void;
  text(doc: IndexedDocument, hit: Hit): string;
}

/** Documents' stored texts, read once per query. */
class StoredTexts implements Originals {
  private readonly texts = new Map<string, string>();

  constructor(private readonly db: Db) {}

  prefetch(docs: IndexedDocument[]): void {
    const need = docs.map((d) => d.documentId).filter((id) => !this.texts.has(id));
    for (let i = 0; i < need.length; i += FETCH_CHUNK) {
      for (const [id, text] of repo.documentTexts(this.db, need.slice(i, i + FETCH_CHUNK))) this.texts.set(id, text);
    }
  }

  text(doc: IndexedDocument): string {
    if (!this.texts.has(doc.documentId)) this.prefetch([doc]);
    return this.texts.get(doc.documentId)!;
  }
}

export interface EngineOptions {
  cacheChars?: number;
}

export class SearchEngine {
  private readonly cache: TextCache;
  /** Exact-script keys of texts that simplifying changes, filled only once someone switches folding off. */
  private readonly exactCache: TextCache;
  private docs: IndexedDocument[] = [];
  private byId = new Map<number, IndexedDocument>();
  private byDocumentId = new Map<string, IndexedDocument>();
  private averageLength = 1;
  private version = -1;
  private warmQueue: number[] = [];

  constructor(
    private readonly db: Db,
    opts: EngineOptions = {},
  ) {
    this.cache = new TextCache(opts.cacheChars ?? DEFAULT_CACHE_CHARS);
    this.exactCache = new TextCache(Math.floor((opts.cacheChars ?? DEFAULT_CACHE_CHARS) / 2));
  }

  /** Indexes what the triggers queued and refreshes the document list when anything changed. */
  catchUp(): number {
    const indexed = catchUp(this.db);
    this.refresh();
    return indexed;
  }

  reindex(): { documents: number; elapsedMs: number } {
    const began = performance.now();
    const documents = rebuild(this.db);
    this.refresh();
    return { documents, elapsedMs: performance.now() - began };
  }

  /** Opens the index's pages and queues every folded text for loading (see warmStep). */
  warm(): void {
    this.catchUp();
    repo.countMatches(this.db, '"的" *');
    this.warmQueue = this.docs.map((d) => d.id).filter((id) => !this.cache.has(id));
  }

  /** Loads the next texts into memory; false when done or the memory budget is spent. */
  warmStep(maxChars = 4_000_000): boolean {
    let chars = 0;
    const ids: number[] = [];
    while (this.warmQueue.length && chars < maxChars) {
      const id = this.warmQueue.pop()!;
      const length = this.byId.get(id)?.length;
      if (length === undefined || this.cache.has(id)) continue;
      if (!this.cache.hasRoomFor(chars + length)) {
        this.warmQueue = [];
        break;
      }
      ids.push(id);
      chars += length;
    }
    for (const [id, text] of this.loadFolded(ids)) this.cache.set(id, text);
    return this.warmQueue.length > 0;
  }

  private refresh(): void {
    const version = repo.metaVersion(this.db);
    if (version === this.version) return;
    this.docs = repo.indexedDocuments(this.db);
    this.byId = new Map(this.docs.map((d) => [d.id, d]));
    this.byDocumentId = new Map(this.docs.map((d) => [d.documentId, d]));
    this.averageLength = Math.max(1, this.docs.reduce((n, d) => n + d.length, 0) / Math.max(1, this.docs.length));
    const live = new Set(this.docs.map((d) => d.id));
    this.cache.retain(live);
    this.exactCache.retain(live);
    this.version = version;
  }

  query(input: SearchInput): SearchResult {
    const began = performance.now();
    this.catchUp();
    const fold = input.fold ?? true;
    const scope = input.scope ?? 'text';
    const sort = input.sort ?? 'relevance';
    const limit = input.limit ?? DEFAULT_LIMIT;
    const parsed = parseQuery(input.query);
    const needles = parsed.terms.map((t) => needle(foldForSearch(t.text, fold), t.prefix));

    const sole = this.soleTokenQuery(input, parsed, fold, scope);
    if (sole) return this.answerFromIndexCounts(sole, needles[0], sort, limit, began);

    let docs = this.filterDocuments(input, scope === 'text');
    // Highlights: only annotated documents are worth reading.
    const highlights = scope === 'highlights' ? groupBy(repo.searchAnnotations(this.db, { themeIds: input.themeIds }), (a) => a.documentId) : null;
    if (highlights) docs = docs.filter((d) => highlights.has(d.documentId));
    if (scope !== 'notes') docs = this.narrowByIndex(parsed, docs);

    let matches: DocMatch[];
    let originals: Originals;
    if (scope === 'notes') {
      const notes = new Map<string, string>();
      matches = this.matchNotes(parsed, needles, docs, fold, input.themeIds, notes);
      originals = { prefetch: () => {}, text: (_doc, hit) => notes.get(hit.annotationId!)! };
    } else {
      const stored = new StoredTexts(this.db);
      const text = this.searchTexts(docs, fold, stored);
      matches =
        highlights ? this.matchHighlights(parsed, needles, docs, text, highlights) : this.matchDocuments(parsed, needles, docs, text);
      originals = stored;
    }
    this.rank(matches, parsed, sort);
    const shown = firstLines(matches, limit);
    return {
      total: matches.reduce((n, m) => n + m.count, 0),
      documentCount: matches.length,
      groups: this.groups(shown, needles, limit, originals),
      elapsedMs: performance.now() - began,
    };
  }

  /**
   * A query that is one index token over the whole library (the common case: one or two characters,
   * one Latin word) needs no scan for its total: the index counts every token. Only the documents
   * holding the lines shown are read.
   */
  private soleTokenQuery(input: SearchInput, parsed: ParsedQuery, fold: boolean, scope: string): IndexToken | null {
    if (!fold || scope !== 'text' || parsed.terms.length !== 1) return null;
    if (input.documentIds || input.collectionIds || input.themeIds || input.dateFrom || input.dateTo) return null;
    const term = parsed.terms[0];
    return soleToken(foldForSearch(term.text, true), term.prefix);
  }

  private answerFromIndexCounts(token: IndexToken, n: Needle, sort: 'relevance' | 'date', limit: number, began: number): SearchResult {
    const fts = ftsAllOf([token])!;
    const total = repo.tokenOccurrences(this.db, token.text, token.prefix);
    const documentCount = repo.countMatches(this.db, fts);
    const order =
      sort === 'date'
        ? this.byDate(new Set(repo.matchIndex(this.db, fts)))
        : repo.rankedMatches(this.db, fts, limit).flatMap((id) => this.byId.get(id) ?? []);
    const shown: DocMatch[] = [];
    let lines = 0;
    const stored = new StoredTexts(this.db);
    // Read texts a slice at a time: by date the order holds every matching document, but few are shown.
    for (let k = 0; k < order.length && lines < limit; k += SHOWN_SLICE) {
      const slice = order.slice(k, k + SHOWN_SLICE);
      const text = this.searchTexts(slice, true, stored);
      for (const doc of slice) {
        if (lines >= limit) break;
        const starts = occurrences(text(doc), n);
        if (!starts.length) continue;
        shown.push({ doc, count: starts.length, termCounts: [starts.length], score: 0, hits: starts.map((start) => ({ start, end: start + n.text.length })) });
        lines += starts.length;
      }
    }
    return { total, documentCount, groups: this.groups(shown, [n], limit, stored), elapsedMs: performance.now() - began };
  }

  private byDate(ids: Set<number>): IndexedDocument[] {
    return this.docs.filter((d) => ids.has(d.id)).sort((a, b) => compareDates(a, b) || compareTitles(a, b));
  }

  /** Document-level filters; the theme filter restricts documents only in the text scope. */
  private filterDocuments(input: SearchInput, themesFilterDocuments: boolean): IndexedDocument[] {
    let docs = this.docs;
    if (input.documentIds) {
      const wanted = new Set(input.documentIds);
      docs = docs.filter((d) => wanted.has(d.documentId));
    }
    if (input.collectionIds) {
      const wanted = new Set(input.collectionIds);
      docs = docs.filter((d) => d.collectionId !== null && wanted.has(d.collectionId));
    }
    const { dateFrom, dateTo } = input;
    if (dateFrom) docs = docs.filter((d) => d.publishedAt !== null && d.publishedAt.slice(0, 10) >= dateFrom);
    if (dateTo) docs = docs.filter((d) => d.publishedAt !== null && d.publishedAt.slice(0, 10) <= dateTo);
    if (input.themeIds && themesFilterDocuments) {
      const withThemes = repo.documentsWithThemes(this.db, input.themeIds);
      docs = docs.filter((d) => withThemes.has(d.documentId));
    }
    return docs;
  }

  private narrowByIndex(parsed: ParsedQuery, docs: IndexedDocument[]): IndexedDocument[] {
    const fts = prefilter(parsed.root, (i) => ftsAllOf(termTokens(foldForSearch(parsed.terms[i].text, true), parsed.terms[i].prefix)));
    if (fts === null) return docs;
    const hits = new Set(repo.matchIndex(this.db, fts));
    return docs.filter((d) => hits.has(d.id));
  }

  /** Search keys by search_docs id, from the simplified copies (lower-casing is cheap, storing it twice is not). */
  private loadFolded(ids: number[]): Map<number, string> {
    const out = new Map<number, string>();
    for (let i = 0; i < ids.length; i += FETCH_CHUNK) {
      for (const [id, simplified] of repo.simplifiedTexts(this.db, ids.slice(i, i + FETCH_CHUNK))) out.set(id, foldForSearch(simplified, false));
    }
    return out;
  }

  /** The text each candidate is matched in: its search key, or for the exact script its stored text lower-cased. */
  private searchTexts(docs: IndexedDocument[], fold: boolean, stored: StoredTexts): (d: IndexedDocument) => string {
    const loaded = this.loadFolded(docs.filter((d) => !this.cache.has(d.id)).map((d) => d.id));
    for (const [id, text] of loaded) this.cache.set(id, text);
    const folded = (d: IndexedDocument) => this.cache.get(d.id) ?? loaded.get(d.id)!;
    if (fold) return folded;
    // Where simplifying changed nothing, the search key is the stored text lower-cased.
    stored.prefetch(docs.filter((d) => !d.simplifiedIsText && !this.exactCache.has(d.id)));
    return (d) => {
      if (d.simplifiedIsText) return folded(d);
      let t = this.exactCache.get(d.id);
      if (t === undefined) {
        t = foldForSearch(stored.text(d), false);
        this.exactCache.set(d.id, t);
      }
      return t;
    };
  }

  /**
   * Counts every candidate (positions are found again only for the documents shown). Terms with
   * the same folded text share their hits, so those are merged rather than added.
   */
  private matchDocuments(parsed: ParsedQuery, needles: Needle[], docs: IndexedDocument[], text: (d: IndexedDocument) => string): DocMatch[] {
    const out: DocMatch[] = [];
    if (parsed.root.kind === 'term') {
      // The common case, kept free of per-document allocations: one term.
      const n = needles[0];
      for (const doc of docs) {
        const hay = text(doc);
        const count = countOccurrences(hay, n);
        if (count) out.push({ doc, count, termCounts: [count], score: 0, hay });
      }
      return out;
    }
    const positive = parsed.terms.flatMap((t, i) => (t.negated ? [] : [i]));
    const shared = positive.some((i) => positive.some((j) => j !== i && needles[j].text === needles[i].text));
    for (const doc of docs) {
      const hay = text(doc);
      const counts = parsed.terms.map(() => 0);
      for (const i of positive) counts[i] = countOccurrences(hay, needles[i]);
      const negated = new Map<number, boolean>();
      const has = (i: number) => {
        if (!parsed.terms[i].negated) return counts[i] > 0;
        let v = negated.get(i);
        if (v === undefined) negated.set(i, (v = hasOccurrence(hay, needles[i])));
        return v;
      };
      if (!evaluate(parsed.root, has)) continue;
      const count = shared ? positionsIn(hay, needles, counts).length : counts.reduce((a, b) => a + b, 0);
      if (count) out.push({ doc, count, termCounts: counts, score: 0, hay });
    }
    return out;
  }

  /** Occurrences lying inside a live highlight; the query is evaluated per highlight. */
  private matchHighlights(
    parsed: ParsedQuery,
    needles: Needle[],
    docs: IndexedDocument[],
    text: (d: IndexedDocument) => string,
    byDoc: Map<string, SearchAnnotation[]>,
  ): DocMatch[] {
    const out: DocMatch[] = [];
    for (const doc of docs) {
      const annotations = byDoc.get(doc.documentId);
      if (!annotations) continue;
      const hay = text(doc);
      const found = needles.map((n) => occurrences(hay, n));
      const hits = new Map<string, Hit>();
      const termCounts = parsed.terms.map(() => 0);
      for (const a of annotations) {
        const inside = needles.map((n, i) => within(found[i], a.start, a.end - n.text.length));
        if (!evaluate(parsed.root, (i) => inside[i][1] > inside[i][0])) continue;
        parsed.terms.forEach((t, i) => {
          if (t.negated) return;
          const [lo, hi] = inside[i];
          for (let k = lo; k < hi; k++) {
            const start = found[i][k];
            const end = start + needles[i].text.length;
            const key = `${start}:${end}`;
            if (hits.has(key)) continue;
            hits.set(key, { start, end, annotationId: a.id });
            termCounts[i]++;
          }
        });
      }
      if (!hits.size) continue;
      const list = [...hits.values()].sort(byPosition);
      out.push({ doc, count: list.length, termCounts, score: 0, hits: list });
    }
    return out;
  }

  /** Occurrences in notes (offsets into the note text); the query is evaluated per note. */
  private matchNotes(
    parsed: ParsedQuery,
    needles: Needle[],
    docs: IndexedDocument[],
    fold: boolean,
    themeIds: readonly string[] | undefined,
    notes: Map<string, string>,
  ): DocMatch[] {
    const allowed = new Set(docs.map((d) => d.documentId));
    const byDoc = groupBy(
      repo.searchAnnotations(this.db, { themeIds, withNotes: true }).filter((a) => allowed.has(a.documentId)),
      (a) => a.documentId,
    );
    const out: DocMatch[] = [];
    for (const [documentId, annotations] of byDoc) {
      const doc = this.byDocumentId.get(documentId)!;
      const hits: Hit[] = [];
      const termCounts = parsed.terms.map(() => 0);
      for (const a of annotations) {
        const hay = foldForSearch(a.noteText, fold);
        const found = needles.map((n, i) => (parsed.terms[i].negated ? null : occurrences(hay, n)));
        if (!evaluate(parsed.root, (i) => (found[i] ? found[i].length > 0 : hasOccurrence(hay, needles[i])))) continue;
        const inNote: Hit[] = [];
        found.forEach((starts, i) => {
          if (!starts) return;
          termCounts[i] += starts.length;
          for (const start of starts) inNote.push({ start, end: start + needles[i].text.length, annotationId: a.id });
        });
        if (inNote.length) notes.set(a.id, a.noteText);
        hits.push(...mergeHits(inNote));
      }
      if (hits.length) out.push({ doc, count: hits.length, termCounts, score: 0, hits });
    }
    return out;
  }

  /** BM25 over the exact counts; by date: newest first, undated last. */
  private rank(matches: DocMatch[], parsed: ParsedQuery, sort: 'relevance' | 'date'): void {
    const n = Math.max(this.docs.length, matches.length);
    const idf = parsed.terms.map((_, i) => {
      const df = matches.reduce((k, m) => k + (m.termCounts[i] > 0 ? 1 : 0), 0);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
    for (const m of matches) {
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * m.doc.length) / this.averageLength);
      m.score = m.termCounts.reduce((s, tf, i) => s + (tf ? (idf[i] * tf * (BM25_K1 + 1)) / (tf + norm) : 0), 0);
    }
    const byDate = (a: DocMatch, b: DocMatch) => compareDates(a.doc, b.doc);
    const byScore = (a: DocMatch, b: DocMatch) => b.score - a.score;
    const byTitle = (a: DocMatch, b: DocMatch) => compareTitles(a.doc, b.doc);
    matches.sort(sort === 'date' ? (a, b) => byDate(a, b) || byScore(a, b) || byTitle(a, b) : (a, b) => byScore(a, b) || byDate(a, b) || byTitle(a, b));
  }

  /** One group per document holding the lines shown, in order, each with its exact count. */
  private groups(shown: DocMatch[], needles: Needle[], limit: number, originals: Originals): SearchGroup[] {
    originals.prefetch(shown.map((m) => m.doc));
    const groups: SearchGroup[] = [];
    let remaining = limit;
    for (const m of shown) {
      const all = m.hits ?? positionsIn(m.hay!, needles, m.termCounts);
      const hits: SearchHit[] = all.slice(0, remaining).map((h) => ({
        documentId: m.doc.documentId,
        start: h.start,
        end: h.end,
        ...kwic(originals.text(m.doc, h), h.start, h.end),
        ...(h.annotationId ? { annotationId: h.annotationId } : {}),
      }));
      remaining -= hits.length;
      groups.push({ documentId: m.doc.documentId, title: m.doc.title, source: m.doc.source, publishedAt: m.doc.publishedAt, count: m.count, hits });
    }
    return groups;
  }
}

/** The leading matches whose lines fill the limit. */
function firstLines(matches: DocMatch[], limit: number): DocMatch[] {
  const out: DocMatch[] = [];
  for (let k = 0, lines = 0; k < matches.length && lines < limit; k++) {
    out.push(matches[k]);
    lines += matches[k].count;
  }
  return out;
}

/** Newest first, undated last (ISO dates sort as strings). */
function compareDates(a: IndexedDocument, b: IndexedDocument): number {
  const x = a.publishedAt ?? '';
  const y = b.publishedAt ?? '';
  return x === y ? 0 : x < y ? 1 : -1;
}

function compareTitles(a: IndexedDocument, b: IndexedDocument): number {
  return a.title.localeCompare(b.title) || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
}

function byPosition(a: Hit, b: Hit): number {
  return a.start - b.start || a.end - b.end;
}

/** Every hit of the terms that occur in the text, in order. */
function positionsIn(hay: string, needles: Needle[], termCounts: number[]): Hit[] {
  const present = needles.flatMap((n, i) => (termCounts[i] > 0 ? [n] : []));
  return mergeHits(present.flatMap((n) => occurrences(hay, n).map((start) => ({ start, end: start + n.text.length }))));
}

/** Sorted, with identical spans (two terms matching the same place) kept once. */
function mergeHits(hits: Hit[]): Hit[] {
  hits.sort(byPosition);
  return hits.filter((h, k) => k === 0 || h.start !== hits[k - 1].start || h.end !== hits[k - 1].end);
}

/** Index range [lo, hi) of the sorted starts s with from <= s <= lastStart. */
function within(starts: number[], from: number, lastStart: number): [number, number] {
  const lo = lowerBound(starts, from);
  const hi = lowerBound(starts, lastStart + 1);
  return [lo, Math.max(lo, hi)];
}

function lowerBound(xs: number[], value: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

