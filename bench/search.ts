// Library-wide search in `npm run bench`: a generated library (PIZHU_BENCH_DOCS documents, 10,000 by
// default, ~5,000 characters each, both scripts), the index build, its size, and for 1–4 character
// queries the time to the first 50 KWIC lines plus the exact total, through the real search worker,
// next to a naive scan of the stored texts in the same run; recall against an exact reference scan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldForSearch, toSimplified, toTraditional } from '../shared/chinese';
import { openLibrary } from '../electron/core/library';
import { indexBytes } from '../electron/core/repos/search';
import { generateCorpus, insertCorpus } from './searchCorpus';
import { mulberry32 } from '../shared/random';
import { median, type BenchRow } from './stats';

const KWIC_LINES = 50;
const QUERIES_PER_LENGTH = 40;
const NAIVE_QUERIES_PER_LENGTH = 12;
const CHARS_PER_DOCUMENT = 5000;
const HAN = /^[\u3400-\u9fff]+$/;

export interface SearchBenchDetail {
  documents: number;
  characters: number;
  insertMs: number;
  buildMs: number;
  indexBytes: { tokens: number; simplified: number };
  databaseBytes: number;
  warmMs: number;
  firstQueryMs: number;
  /** naiveMs: LIKE scan; memoryScanMs: indexOf over every folded text already in memory. */
  byLength: Record<number, { queries: string[]; ms: number[]; naiveMs: number[]; memoryScanMs: number[]; totals: number[]; exactTotals: number[] }>;
  /** Two-character queries with folding off (matched in the stored texts). */
  exactScriptMs: number[];
  recall: { queries: number; exact: number };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function countAll(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/** Han-only queries drawn from the texts, half written in the other script. */
function sampleQueries(texts: string[], length: number, count: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 200; tries++) {
    const text = texts[Math.floor(rand() * texts.length)];
    const at = Math.floor(rand() * (text.length - length));
    const q = text.slice(at, at + length);
    if (!HAN.test(q)) continue;
    out.add(out.size % 2 ? toTraditional(q) : toSimplified(q));
  }
  return [...out];
}

export async function benchSearch(): Promise<{ rows: BenchRow[]; detail: SearchBenchDetail }> {
  const documents = Number(process.env.PIZHU_BENCH_DOCS) || 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-search-'));
  const opened = openLibrary({ libraryDir: dir, seedsDir: null, userName: 'bench', dailyBackup: false });
  let t = performance.now();
  insertCorpus(opened.ctx.db, opened.ctx.userId, generateCorpus(documents, CHARS_PER_DOCUMENT, 11), opened.ctx.newId);
  const insertMs = performance.now() - t;
  const build = await opened.search.reindex();
  opened.close();

  // Reopened: a cold worker and connection, as after starting the app, before any warm-up.
  const lib = openLibrary({ libraryDir: dir, seedsDir: null, userName: 'bench', dailyBackup: false });
  try {
    t = performance.now();
    await lib.search.query({ query: '发展', limit: KWIC_LINES });
    const firstQueryMs = performance.now() - t;
    t = performance.now();
    await lib.search.warm();
    const warmMs = performance.now() - t;

    const db = lib.ctx.db;
    const rows = db.prepare('SELECT text FROM documents WHERE deleted_at IS NULL').pluck().all() as string[];
    const characters = rows.reduce((n, s) => n + s.length, 0);
    const folded = rows.map((s) => foldForSearch(s));

    const byLength: SearchBenchDetail['byLength'] = {};
    const recall = { queries: 0, exact: 0 };
    for (const length of [1, 2, 3, 4]) {
      const queries = sampleQueries(rows, length, QUERIES_PER_LENGTH, 100 + length);
      const entry = (byLength[length] = { queries, ms: [] as number[], naiveMs: [] as number[], memoryScanMs: [] as number[], totals: [] as number[], exactTotals: [] as number[] });
      for (const query of queries) {
        t = performance.now();
        const r = await lib.search.query({ query, limit: KWIC_LINES });
        entry.ms.push(performance.now() - t);
        entry.totals.push(r.total);
        const needle = foldForSearch(query);
        const exact = folded.reduce((n, s) => n + countAll(s, needle), 0);
        entry.exactTotals.push(exact);
        recall.queries++;
        if (exact === r.total) recall.exact++;
      }
      for (const query of queries.slice(0, NAIVE_QUERIES_PER_LENGTH)) {
        entry.naiveMs.push(naiveSearch(db, query));
        t = performance.now();
        memoryScan(folded, rows, foldForSearch(query));
        entry.memoryScanMs.push(performance.now() - t);
      }
    }
    const exactScriptMs: number[] = [];
    for (const query of byLength[2].queries.slice(0, 8)) {
      t = performance.now();
      await lib.search.query({ query, limit: KWIC_LINES, fold: false });
      exactScriptMs.push(performance.now() - t);
    }

    const sizes = indexBytes(db);
    const databaseBytes = (db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as { n: number }).n;
    const mb = (n: number) => n / 2 ** 20;
    const label = `${documents.toLocaleString('en')} docs, ${(characters / 1e6).toFixed(0)}M chars`;
    const out: BenchRow[] = [
      { name: `search: index build (${label})`, unit: 's', ours: build.elapsedMs / 1000, baseline: null, baselineName: '—', goal: null },
      { name: 'search: index size, FTS5 tokens', unit: 'MB', ours: mb(sizes.tokens), baseline: null, baselineName: '—', goal: null },
      { name: 'search: index size, simplified copies of traditional texts', unit: 'MB', ours: mb(sizes.simplified), baseline: null, baselineName: '—', goal: null },
      { name: 'search: first query after opening (cold worker, no warm-up)', unit: 'ms', ours: firstQueryMs, baseline: null, baselineName: '—', goal: null },
      { name: 'search: loading the texts into memory (warm-up, in the background)', unit: 'ms', ours: warmMs, baseline: null, baselineName: '—', goal: null },
    ];
    for (const length of [1, 2, 3, 4]) {
      const e = byLength[length];
      const goalMedian = length === 2 ? 20 : null;
      const goalP95 = length === 2 ? 50 : null;
      out.push(
        { name: `search: ${length}-char query, 50 lines + exact total, median`, unit: 'ms', ours: median(e.ms), baseline: median(e.naiveMs), baselineName: 'LIKE scan + indexOf', goal: goalMedian },
        { name: `search: ${length}-char query, p95`, unit: 'ms', ours: percentile(e.ms, 95), baseline: percentile(e.naiveMs, 95), baselineName: 'LIKE scan + indexOf', goal: goalP95 },
      );
    }
    out.push({ name: `search: recall (queries with the exact total)`, unit: '%', ours: (100 * recall.exact) / recall.queries, baseline: null, baselineName: `${recall.exact}/${recall.queries} queries`, goal: null });
    return {
      rows: out,
      detail: { documents, characters, insertMs, buildMs: build.elapsedMs, indexBytes: sizes, databaseBytes, warmMs, firstQueryMs, byLength, exactScriptMs, recall },
    };
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything in memory already, no index: count every occurrence and cut the first 50 lines. */
function memoryScan(folded: string[], texts: string[], needle: string): number {
  let total = 0;
  const lines: string[] = [];
  folded.forEach((hay, k) => {
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      total++;
      if (lines.length < KWIC_LINES) lines.push(texts[k].slice(Math.max(0, at - 30), at + needle.length + 30));
    }
  });
  return total;
}

/**
 * The straightforward way without an index: LIKE over every stored text for the simplified and the
 * traditional form, then indexOf in each matching text for the count and the first 50 lines.
 */
function naiveSearch(db: ReturnType<typeof openLibrary>['ctx']['db'], query: string): number {
  const t = performance.now();
  const forms = [...new Set([toSimplified(query), toTraditional(query)])];
  const rows = db
    .prepare(`SELECT id, text FROM documents WHERE deleted_at IS NULL AND (${forms.map(() => 'text LIKE ?').join(' OR ')})`)
    .all(...forms.map((f) => `%${f}%`)) as { id: string; text: string }[];
  let total = 0;
  const lines: string[] = [];
  for (const r of rows) {
    for (const f of forms) {
      for (let at = r.text.indexOf(f); at >= 0; at = r.text.indexOf(f, at + 1)) {
        total++;
        if (lines.length < KWIC_LINES) lines.push(r.text.slice(Math.max(0, at - 30), at + f.length + 30));
      }
    }
  }
  return performance.now() - t;
}
