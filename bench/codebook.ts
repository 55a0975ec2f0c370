// The codebook in `npm run bench`: a library of PIZHU_BENCH_CODEBOOK_DOCS documents (10,000) holding
// PIZHU_BENCH_HIGHLIGHTS highlights (100,000) coded with 50 themes (10 with 4 sub-themes each),
// written with direct inserts in one transaction. Timed through the real dispatch (validation
// included): the annotations panel filtered by a theme (first page), the co-occurrence matrix of
// the 50 themes, and applying one highlight; each next to a naive way measured in the same run. Also
// word frequency on the seeded library, counts cached against segmenting each time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import { makeAnchor } from '../shared/offsets';
import { mulberry32 } from '../shared/random';
import { dispatch } from '../electron/core/dispatch';
import type { Db } from '../electron/core/db/connection';
import { openLibrary, type Library } from '../electron/core/library';
import { bundledSeedsDir } from '../electron/core/paths';
import { listAnnotations } from '../electron/core/repos/annotations';
import { listThemes } from '../electron/core/repos/themes';
import { createTheme } from '../electron/core/services/themes';
import { generateCorpus, insertCorpus, type CorpusDocument } from './searchCorpus';
import { median, type BenchRow } from './stats';

const CHARS_PER_DOCUMENT = 2000;
const PARENTS = 10;
const CHILDREN = 4;
const PAGE = 100;
const RUNS = 9;

export interface CodebookBenchDetail {
  documents: number;
  highlights: number;
  links: number;
  themes: number;
  insertMs: number;
  /** Highlights the filtered panel matched (its total). */
  panelTotal: { leaf: number; withSubthemes: number };
  ms: Record<string, { ours: number[]; naive: number[] }>;
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

async function call<C extends Channel>(lib: Library, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await dispatch(lib.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}

async function time(fn: () => unknown, runs = RUNS): Promise<number[]> {
  await fn(); // warm: statements prepared, pages cached
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Highlights of random length at random places, each with 1–3 random themes, in one transaction (also bench/scale.ts). */
export function insertHighlights(db: Db, author: string, docs: { id: string; text: string }[], themeIds: string[], count: number, newId: () => string): number {
  const rand = mulberry32(5);
  const insert = db.prepare(
    `INSERT INTO annotations (id, document_id, start_offset, end_offset, exact, prefix, suffix, note_text, author, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare('INSERT OR IGNORE INTO annotation_themes (annotation_id, theme_id, created_at) VALUES (?, ?, ?)');
  const base = Date.parse('2024-01-01T00:00:00Z');
  let links = 0;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const doc = docs[i % docs.length];
      const length = 4 + Math.floor(rand() * 60);
      const start = Math.floor(rand() * (doc.text.length - length));
      const a = makeAnchor(doc.text, start, start + length);
      const when = new Date(base + i * 60_000).toISOString();
      const id = newId();
      insert.run(id, doc.id, a.start, a.end, a.exact, a.prefix, a.suffix, i % 4 === 0 ? `笔记 ${i}` : '', author, when, when);
      const n = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) links += link.run(id, themeIds[Math.floor(rand() * themeIds.length)], when).changes;
    }
  })();
  return links;
}

/** The panel the naive way: every highlight of each theme through the list API, sorted in JS, then a query per row for its document. */
function naivePanel(db: Db, themeIds: string[]): number {
  const seen = new Map<string, ReturnType<typeof listAnnotations>[number]>();
  for (const themeId of themeIds) for (const a of listAnnotations(db, { themeId })) seen.set(a.id, a);
  const docs = new Map((db.prepare('SELECT id, published_at AS p, title FROM documents').all() as { id: string; p: string | null; title: string }[]).map((d) => [d.id, d]));
  const sorted = [...seen.values()].sort((a, b) => {
    const x = docs.get(a.documentId)!;
    const y = docs.get(b.documentId)!;
    return (x.p ?? '\uffff').localeCompare(y.p ?? '\uffff') || x.title.localeCompare(y.title) || a.start - b.start;
  });
  const getDoc = db.prepare('SELECT title, source, published_at, text FROM documents WHERE id = ?');
  let paragraphs = 0;
  for (const a of sorted.slice(0, PAGE)) {
    const d = getDoc.get(a.documentId) as { text: string };
    paragraphs += d.text.slice(0, a.start).split('\n').length;
  }
  return paragraphs + sorted.length;
}

/** Every theme's highlight count from the links (what the co-occurrence table's diagonal replaces). */
function naiveThemeCounts(db: Db): number[] {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM annotation_themes at JOIN annotations a ON a.id = at.annotation_id
         WHERE at.theme_id = t.id AND a.deleted_at IS NULL) FROM themes t WHERE t.deleted_at IS NULL`,
    )
    .pluck()
    .all() as number[];
}

/** Co-occurrence the naive way: one counting query per pair of themes. */
function naiveCooccurrence(db: Db, themeIds: string[]): number[][] {
  const count = db.prepare(
    `SELECT count(*) FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id
     JOIN annotations a ON a.id = x.annotation_id WHERE x.theme_id = ? AND y.theme_id = ? AND a.deleted_at IS NULL`,
  );
  const m = themeIds.map(() => themeIds.map(() => 0));
  themeIds.forEach((a, i) =>
    themeIds.forEach((b, j) => {
      if (j >= i) m[i][j] = m[j][i] = count.pluck().get(a, b) as number;
    }),
  );
  return m;
}

/** Overlap the naive way: each document's highlights by a query of its own, every pair compared. */
function naiveOverlap(db: Db, themeIds: string[]): number[][] {
  const index = new Map(themeIds.map((id, i) => [id, i]));
  const m = themeIds.map(() => themeIds.map(() => 0));
  const ofDocument = db.prepare(
    `SELECT a.id, a.start_offset AS s, a.end_offset AS e, (SELECT json_group_array(theme_id) FROM annotation_themes WHERE annotation_id = a.id) AS t
     FROM annotations a WHERE a.document_id = ? AND a.deleted_at IS NULL`,
  );
  for (const documentId of db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL').pluck().all() as string[]) {
    const rows = (ofDocument.all(documentId) as { s: number; e: number; t: string }[]).map((r) => ({ ...r, themes: JSON.parse(r.t) as string[] }));
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        if (rows[i].s >= rows[j].e || rows[j].s >= rows[i].e) continue;
        const cells = new Set<string>();
        for (const a of rows[i].themes) for (const b of rows[j].themes) if (a !== b) cells.add(a < b ? `${a} ${b}` : `${b} ${a}`);
        for (const cell of cells) {
          const [a, b] = cell.split(' ').map((id) => index.get(id)!);
          m[a][b]++;
          m[b][a]++;
        }
      }
  }
  return m;
}

/** Word frequency of the seeded library: counts cached per document version, against segmenting every text each time. */
async function benchWords(): Promise<{ row: BenchRow; ms: { ours: number[]; naive: number[] } }> {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-words-'));
  const lib = openLibrary({ libraryDir: dir, seedsDir: bundledSeedsDir, userName: 'bench' });
  try {
    const words = () => call(lib, 'analysis.words', { top: 200 });
    const ms = {
      ours: await time(words),
      naive: await time(() => {
        lib.ctx.db.exec('DELETE FROM word_counts');
        return words();
      }, 5),
    };
    const chars = (await call(lib, 'documents.list', {})).reduce((n, d) => n + d.length, 0);
    return {
      ms,
      row: {
        name: `word frequency, library of ${Math.round(chars / 1000)}k characters`,
        unit: 'ms',
        ours: median(ms.ours),
        baseline: median(ms.naive),
        baselineName: 'segment every text each time',
        goal: null,
      },
    };
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCodebook(): Promise<{ rows: BenchRow[]; detail: CodebookBenchDetail }> {
  const documents = envInt('PIZHU_BENCH_CODEBOOK_DOCS', 10_000);
  const highlights = envInt('PIZHU_BENCH_HIGHLIGHTS', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-codebook-'));
  const lib = openLibrary({ libraryDir: dir, seedsDir: null, userName: 'bench' });
  const { ctx } = lib;
  try {
    let t = performance.now();
    const corpus: CorpusDocument[] = [...generateCorpus(documents, CHARS_PER_DOCUMENT, 23)];
    const ids = insertCorpus(ctx.db, ctx.userId, corpus, ctx.newId);
    const docs = ids.map((id, i) => ({ id, text: corpus[i].text }));
    for (let p = 0; p < PARENTS; p++) {
      const parent = createTheme(ctx, { name: `主题${p + 1}` });
      for (let c = 0; c < CHILDREN; c++) createTheme(ctx, { name: `主题${p + 1}.${c + 1}`, parentId: parent.id });
    }
    const themes = listThemes(ctx.db);
    const themeIds = themes.map((x) => x.id);
    const links = insertHighlights(ctx.db, ctx.userId, docs, themeIds, highlights, ctx.newId);
    ctx.db.pragma('optimize');
    const insertMs = performance.now() - t;

    const parent = themes[0];
    const family = [parent.id, ...themes.filter((x) => x.parentId === parent.id).map((x) => x.id)];
    const leaf = themes[1];
    const ms: CodebookBenchDetail['ms'] = {};
    const measure = async (key: string, ours: () => unknown, naive: () => unknown, naiveRuns = RUNS) => {
      ms[key] = { ours: await time(ours), naive: await time(naive, naiveRuns) };
    };

    const panel = (themeId: string) => call(lib, 'annotations.query', { themeIds: [themeId], limit: PAGE });
    const panelTotal = { leaf: (await panel(leaf.id)).total, withSubthemes: (await panel(parent.id)).total };
    await measure('panelLeaf', () => panel(leaf.id), () => naivePanel(ctx.db, [leaf.id]));
    await measure('panelFamily', () => panel(parent.id), () => naivePanel(ctx.db, family));
    await measure('cooccurrence', () => call(lib, 'analysis.cooccurrence', { mode: 'same' }), () => naiveCooccurrence(ctx.db, themeIds), 3);
    await measure('overlap', () => call(lib, 'analysis.cooccurrence', { mode: 'overlap' }), () => naiveOverlap(ctx.db, themeIds), 3);

    // Applying a highlight, next to applying it and then refreshing what a naive UI reloads (the document's highlights and every theme's count).
    const rand = mulberry32(9);
    const apply = () => {
      const doc = docs[Math.floor(rand() * docs.length)];
      const start = Math.floor(rand() * (doc.text.length - 20));
      return call(lib, 'annotations.create', { documentId: doc.id, start, end: start + 12, themeIds: [themeIds[Math.floor(rand() * themeIds.length)]] });
    };
    await measure('apply', apply, async () => {
      const a = await apply();
      listAnnotations(ctx.db, { documentId: a.documentId });
      naiveThemeCounts(ctx.db);
    });

    const k = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
    const scale = `${k(highlights)} highlights, ${k(documents)} documents`;
    const row = (key: string, name: string, baselineName: string, goal: number | null): BenchRow => ({
      name: `${name} (${scale})`,
      unit: 'ms',
      ours: median(ms[key].ours),
      baseline: median(ms[key].naive),
      baselineName,
      goal,
    });
    const words = await benchWords();
    ms.words = words.ms;
    return {
      rows: [
        row('panelFamily', `annotations panel, 1 theme + sub-themes (${panelTotal.withSubthemes} matches), first ${PAGE}`, 'list per theme, JS sort, query per row', 100),
        row('panelLeaf', `annotations panel, 1 theme (${panelTotal.leaf} matches), first ${PAGE}`, 'list per theme, JS sort, query per row', 100),
        row('cooccurrence', `co-occurrence, ${themeIds.length} themes, same highlight`, 'one query per theme pair', 100),
        row('overlap', `co-occurrence, ${themeIds.length} themes, overlapping highlights`, 'query per document, all pairs', null),
        row('apply', 'apply a highlight', 'apply + reload document highlights, count themes from links', 16),
        words.row,
      ],
      detail: { documents, highlights, links, themes: themeIds.length, insertMs, panelTotal, ms },
    };
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
