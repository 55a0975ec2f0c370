// Library-wide search against a naive scan of the canonical texts, on real SQLite libraries:
// the seeds and a generated corpus in both scripts. The reference below is written separately
// from the engine: a position-by-position startsWith scan and regex character classes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, toSimplified, toTraditional } from '../../shared/chinese';
import type { Annotation, DocumentRecord, DocumentSummary, SearchResult, Theme } from '../../shared/domain';
import { generateCorpus, insertCorpus } from '../../bench/searchCorpus';
import { mulberry32 } from '../../shared/random';
import { projectRoot } from '../../electron/core/paths';
import { createSearchService } from '../../electron/core/services/search';
import type { Library } from '../../electron/core/library';
import { closeAndForget, open, tempDir } from './helpers';

const HAN_LIKE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && LETTER_OR_DIGIT.test(ch) && !HAN_LIKE.test(ch);
const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0)!);
const lastChar = (s: string) => [...s].pop()!;
const charBefore = (s: string, i: number) => (i > 0 ? lastChar(s.slice(Math.max(0, i - 2), i)) : undefined);
const charAt = (s: string, i: number) => (i < s.length ? firstChar(s.slice(i, i + 2)) : undefined);

const foldedTexts = new Map<string, string>();
const folded = (text: string, fold: boolean) => {
  const key = (fold ? '1' : '0') + text;
  let out = foldedTexts.get(key);
  if (out === undefined) foldedTexts.set(key, (out = foldForSearch(text, fold)));
  return out;
};

/** Every start of the folded term in the folded text, except inside longer Latin words/numbers. */
function naiveStarts(text: string, term: string, fold = true, prefix = false): number[] {
  const hay = folded(text, fold);
  const needle = foldForSearch(term, fold);
  const out: number[] = [];
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (!hay.startsWith(needle, i)) continue;
    if (isWordChar(firstChar(needle)) && isWordChar(charBefore(hay, i))) continue;
    if (!prefix && isWordChar(lastChar(needle)) && isWordChar(charAt(hay, i + needle.length))) continue;
    out.push(i);
  }
  return out;
}

type Span = [number, number];

function spans(text: string, terms: string[], fold = true): Span[] {
  const all = terms.flatMap((t) => naiveStarts(text, t, fold).map((s): Span => [s, s + t.length]));
  all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return all.filter((s, k) => k === 0 || s[0] !== all[k - 1][0] || s[1] !== all[k - 1][1]);
}

async function texts(lib: Library): Promise<DocumentRecord[]> {
  const docs = (await lib.handlers['documents.list']({})) as DocumentSummary[];
  return Promise.all(docs.map(async (d) => (await lib.handlers['documents.get']({ id: d.id })) as DocumentRecord));
}

async function search(lib: Library, input: Parameters<Library['handlers']['search.query']>[0]): Promise<SearchResult> {
  return (await lib.handlers['search.query']({ limit: 2000, ...input })) as SearchResult;
}

function countsOf(r: SearchResult): Map<string, number> {
  return new Map(r.groups.map((g) => [g.documentId, g.count]));
}

/**
 * The result equals the reference: the exact total and document count; the groups are the documents
 * holding the first lines, each with its exact count, its lines at the right places with the right text.
 */
function expectSame(r: SearchResult, expected: Map<string, Span[]>, docs: Map<string, string>, label: string, limit = 2000) {
  const want = new Map([...expected].filter(([, s]) => s.length));
  const total = [...want.values()].reduce((n, s) => n + s.length, 0);
  expect(r.total, label).toBe(total);
  expect(r.documentCount, label).toBe(want.size);
  expect(new Set(r.groups.map((g) => g.documentId)).size, label).toBe(r.groups.length);
  r.groups.forEach((g, k) => {
    expect(g.count, label).toBe(want.get(g.documentId)?.length);
    if (k < r.groups.length - 1) expect(g.hits.length, label).toBe(g.count);
    const got = g.hits.map((h): Span => [h.start, h.end]);
    expect(got, label).toEqual(want.get(g.documentId)!.slice(0, got.length));
    for (const h of g.hits) {
      const text = docs.get(g.documentId)!;
      expect(h.match).toBe(text.slice(h.start, h.end));
      expect(text.slice(h.start - h.before.length, h.start)).toBe(h.before);
      expect(text.slice(h.end, h.end + h.after.length)).toBe(h.after);
    }
  });
  expect(r.groups.reduce((n, g) => n + g.hits.length, 0), label).toBe(Math.min(total, limit));
  if (total <= limit) expect(new Set(r.groups.map((g) => g.documentId)), label).toEqual(new Set(want.keys()));
}

async function expectExact(lib: Library, docs: DocumentRecord[], term: string, fold = true) {
  const quoted = term.includes('"') ? null : `"${term}"`;
  const expected = new Map(docs.map((d) => [d.id, spans(d.text, [term], fold)]));
  const byId = new Map(docs.map((d) => [d.id, d.text]));
  if (quoted) expectSame(await search(lib, { query: quoted, fold }), expected, byId, `${quoted} fold=${fold}`);
  if (/^[^\s"()*]+$/.test(term) && !['AND', 'OR', 'NOT'].includes(term)) {
    expectSame(await search(lib, { query: term, fold }), expected, byId, `${term} fold=${fold}`);
  }
}

/** Substrings of the texts (any characters: Han, Latin, digits, punctuation, spaces), and their other-script forms. */
function sampleTerms(docs: DocumentRecord[], perLength: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const out = new Set<string>();
  for (const length of [1, 2, 3, 4]) {
    for (let k = 0; k < perLength; k++) {
      const d = docs[Math.floor(rand() * docs.length)];
      const at = Math.floor(rand() * (d.text.length - length));
      const term = d.text.slice(at, at + length);
      if (!term.trim() || /[\ud800-\udfff]/.test(term)) continue;
      out.add(term.trim());
      out.add(toTraditional(term).trim());
      out.add(toSimplified(term).trim());
    }
  }
  return [...out];
}

async function corpusLibrary(count = 120, chars = 1500): Promise<{ lib: Library; docs: DocumentRecord[] }> {
  const lib = open({ seedsDir: null });
  insertCorpus(lib.ctx.db, lib.ctx.userId, generateCorpus(count, chars, 7), lib.ctx.newId);
  return { lib, docs: await texts(lib) };
}

describe('search recall equals a naive scan', () => {
  it('on the seeds, for 1–4 characters, punctuation, Latin, both scripts, folded and exact', async () => {
    const lib = open();
    const docs = await texts(lib);
    const fixed = ['新质生产力', '新質生產力', '力', '質', '因地制宜', '，', '。', '“新质生产力”', '2024', 'AI', '习近平', '習近平', '生产', '产力'];
    for (const term of [...fixed, ...sampleTerms(docs, 25, 1)]) {
      await expectExact(lib, docs, term, true);
      await expectExact(lib, docs, term, false);
    }
  });

  it('on a generated corpus in simplified, traditional and mixed script with Latin words', async () => {
    const { lib, docs } = await corpusLibrary();
    const fixed = ['AI', 'ai', 'ＡＩ', 'AI赋能', 'ai賦能', '5G', '5g網絡', 'GDP', 'said', 'R&D', 'd', 'China 2025', '2025', '202', '年', '的', '，', '發展', '发展'];
    for (const term of [...fixed, ...sampleTerms(docs, 20, 2)]) {
      await expectExact(lib, docs, term, true);
      await expectExact(lib, docs, term, false);
    }
  });

  it('for random substrings in any script form (property)', async () => {
    const { lib, docs } = await corpusLibrary(60, 1200);
    const variants = [(s: string) => s, toTraditional, toSimplified, (s: string) => s.toUpperCase()];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(docs.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(variants.length - 1),
        fc.boolean(),
        async (d, where, length, variant, fold) => {
          const text = docs[d].text;
          const at = Math.floor(where * (text.length - length));
          const term = variants[variant](text.slice(at, at + length)).trim();
          if (!term || term.length !== text.slice(at, at + length).trim().length) return;
          await expectExact(lib, docs, term, fold);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  it('a Latin word is whole (AI is not in "said"), word* is a prefix', async () => {
    const lib = open({ seedsDir: null });
    await lib.handlers['import.text']({ text: 'AI and ai, said the aim of AIGC: AI赋能 5G网络 in 2024年 and 20245.', title: 'latin', options: { split: false } });
    const ai = await search(lib, { query: 'ai' });
    expect(ai.groups[0].hits.map((h) => h.match)).toEqual(['AI', 'ai', 'AI']);
    const prefix = await search(lib, { query: 'ai*' });
    expect(prefix.groups[0].hits.map((h) => h.match)).toEqual(['AI', 'ai', 'ai', 'AI', 'AI']);
    expect((await search(lib, { query: '2024' })).total).toBe(1);
    expect((await search(lib, { query: '5g网' })).total).toBe(1);
  });
});

describe('query language', () => {
  it('AND (also by spaces), OR, NOT, parentheses and phrases, evaluated per document', async () => {
    const { lib, docs } = await corpusLibrary(80, 1200);
    const byId = new Map(docs.map((d) => [d.id, d.text]));
    const has = (d: DocumentRecord, t: string) => naiveStarts(d.text, t).length > 0;
    const rand = mulberry32(3);
    const words = sampleTerms(docs, 6, 4).filter((t) => /^[^\s"()*]+$/.test(t) && !['AND', 'OR', 'NOT'].includes(t) && t.length >= 2);
    for (let k = 0; k < 25; k++) {
      const [a, b, c] = [0, 1, 2].map(() => words[Math.floor(rand() * words.length)]);
      const cases: [string, (d: DocumentRecord) => boolean, string[]][] = [
        [`${a} ${b}`, (d) => has(d, a) && has(d, b), [a, b]],
        [`${a} AND ${b}`, (d) => has(d, a) && has(d, b), [a, b]],
        [`${a} OR ${b}`, (d) => has(d, a) || has(d, b), [a, b]],
        [`${a} NOT ${b}`, (d) => has(d, a) && !has(d, b), [a]],
        [`(${a} OR ${b}) ${c}`, (d) => (has(d, a) || has(d, b)) && has(d, c), [a, b, c]],
        [`${a} OR NOT ${b}`, (d) => has(d, a) || !has(d, b), [a]],
      ];
      for (const [query, matches, positive] of cases) {
        const expected = new Map(docs.map((d) => [d.id, matches(d) ? spans(d.text, positive) : []]));
        expectSame(await search(lib, { query }), expected, byId, query);
      }
    }
  });

  it('phrases keep spaces and operator words literal; a stray operator reads as text', async () => {
    const lib = open({ seedsDir: null });
    await lib.handlers['import.text']({ text: '开放 AND 合作 是 OR 主题。开放合作是主题。', title: 'ops', options: { split: false } });
    expect((await search(lib, { query: '"开放 AND 合作"' })).total).toBe(1);
    expect((await search(lib, { query: '开放 AND 合作' })).total).toBe(4);
    expect((await search(lib, { query: 'OR' })).groups[0].hits.map((h) => h.match)).toEqual(['OR']);
    expect((await search(lib, { query: '合作 OR' })).total).toBe(3);
    expect((await search(lib, { query: '主题(' })).total).toBe(0);
    await expect(lib.handlers['search.query']({ query: 'NOT 开放' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('filters and scopes', () => {
  async function seededWithHighlights() {
    const lib = open();
    const h = lib.handlers;
    const docs = await texts(lib);
    const [policy, local] = (await Promise.all([
      h['themes.create']({ name: '政策', color: '#4477aa' }),
      h['themes.create']({ name: '地方', color: '#aa7744' }),
    ])) as Theme[];
    const withTerm = docs.filter((d) => d.text.includes('新质生产力')).slice(0, 3);
    const annotations: Annotation[] = [];
    for (const [k, d] of withTerm.entries()) {
      const at = d.text.indexOf('新质生产力');
      // A highlight holding the term with some context, and one that cuts it in half.
      annotations.push((await h['annotations.create']({ documentId: d.id, start: Math.max(0, at - 3), end: at + 8, themeIds: [k === 0 ? local.id : policy.id] })) as Annotation);
      const second = d.text.indexOf('新质生产力', at + 5);
      if (second > 0) annotations.push((await h['annotations.create']({ documentId: d.id, start: second + 2, end: second + 9, themeIds: [policy.id] })) as Annotation);
    }
    return { lib, docs, policy, local, withTerm, annotations };
  }

  it('documents, collections, themes and dates narrow the documents, counts stay exact', async () => {
    const { lib, docs, local, withTerm } = await seededWithHighlights();
    const byId = new Map(docs.map((d) => [d.id, d.text]));
    const exp = (keep: (d: DocumentRecord) => boolean, term = '生产力') => new Map(docs.filter(keep).map((d) => [d.id, spans(d.text, [term])]));

    expectSame(await search(lib, { query: '生产力', documentIds: [withTerm[1].id] }), exp((d) => d.id === withTerm[1].id), byId, 'doc');
    const collected = docs.find((d) => d.collectionId);
    expect(collected, 'the seeds hold a file split into a collection').toBeTruthy();
    const inCollection = (d: DocumentRecord) => d.collectionId === collected!.collectionId;
    expectSame(await search(lib, { query: '生产力', collectionIds: [collected!.collectionId!] }), exp(inCollection), byId, 'collection');
    expectSame(await search(lib, { query: '生产力', themeIds: [local.id] }), exp((d) => d.id === withTerm[0].id), byId, 'theme');
    const dated = docs.filter((d) => d.publishedAt).map((d) => d.publishedAt!.slice(0, 10)).sort();
    const [from, to] = [dated[0], dated[Math.floor(dated.length / 2)]];
    const inRange = (d: DocumentRecord) => !!d.publishedAt && d.publishedAt.slice(0, 10) >= from && d.publishedAt.slice(0, 10) <= to;
    expectSame(await search(lib, { query: '生产力', dateFrom: from, dateTo: to }), exp(inRange), byId, 'dates');

    // By date, newest first, undated last: from the scan (three characters) and from the index's counts (two).
    for (const query of ['生产力', '生产']) {
      const byDate = await search(lib, { query, sort: 'date' });
      expectSame(byDate, exp(() => true, query), byId, `${query} by date`);
      const dates = byDate.groups.map((g) => g.publishedAt ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it('scope highlights: only occurrences wholly inside a live highlight, with its id; themes pick highlights', async () => {
    const { lib, docs, policy, annotations } = await seededWithHighlights();
    const byId = new Map(docs.map((d) => [d.id, d.text]));
    const inside = (list: Annotation[]) =>
      new Map(
        docs.map((d) => {
          const mine = list.filter((a) => a.documentId === d.id);
          return [d.id, spans(d.text, ['新质生产力']).filter(([s, e]) => mine.some((a) => s >= a.start && e <= a.end))];
        }),
      );
    const all = await search(lib, { query: '新質生產力', scope: 'highlights' });
    expectSame(all, inside(annotations), byId, 'highlights');
    for (const hit of all.groups.flatMap((g) => g.hits)) {
      const a = annotations.find((x) => x.id === hit.annotationId)!;
      expect(hit.start >= a.start && hit.end <= a.end).toBe(true);
    }
    const policyOnly = annotations.filter((a) => a.themeIds.includes(policy.id));
    expectSame(await search(lib, { query: '新质生产力', scope: 'highlights', themeIds: [policy.id] }), inside(policyOnly), byId, 'policy highlights');

    await lib.handlers['annotations.delete']({ id: annotations[0].id });
    expectSame(await search(lib, { query: '新质生产力', scope: 'highlights' }), inside(annotations.slice(1)), byId, 'after delete');
  });

  it('scope notes: offsets into the note text, folded, per note', async () => {
    const { lib, annotations } = await seededWithHighlights();
    const note = '這是新質生產力的筆記；AI 与 5G。';
    await lib.handlers['annotations.updateNote']({ id: annotations[1].id, noteJson: null, noteText: note });
    await lib.handlers['annotations.updateNote']({ id: annotations[2].id, noteJson: null, noteText: '只有笔记' });
    const r = await search(lib, { query: '新质生产力', scope: 'notes' });
    expect(r.total).toBe(1);
    const hit = r.groups[0].hits[0];
    expect(hit).toMatchObject({ annotationId: annotations[1].id, documentId: annotations[1].documentId, start: 2, end: 7, match: '新質生產力', before: '這是' });
    expect((await search(lib, { query: '笔记', scope: 'notes' })).total).toBe(2);
    expect((await search(lib, { query: '笔记 ai', scope: 'notes' })).total).toBe(2);
    expect((await search(lib, { query: '笔记', scope: 'notes', fold: false })).total).toBe(1);
  });
});

describe('the index follows the library', () => {
  it('imports, text changes (split, merge, any UPDATE), deletion and restore', async () => {
    const lib = open({ seedsDir: null });
    const h = lib.handlers;
    const count = async (q: string) => (await search(lib, { query: q })).total;
    const before = await count('新质生产力');

    const imported = (await h['import.text']({ text: '第一段：沁园春。\n第二段：沁園春，新质生产力。', title: '词', options: { split: false } })) as { documents: { id: string }[] };
    const id = imported.documents[0].id;
    // Two characters are answered from the index's own counts, three by scanning: both must follow.
    expect(await count('沁园春')).toBe(2);
    expect(await count('沁园')).toBe(2);
    expect(await count('新质生产力')).toBe(before + 1);

    const doc = (await h['documents.get']({ id })) as DocumentRecord;
    await h['documents.split']({ id, at: doc.text.indexOf('第二段'), title: '词（下）' });
    const afterSplit = await search(lib, { query: '沁园春' });
    expect(afterSplit.documentCount).toBe(2);
    await h['documents.mergeWithNext']({ id });
    const merged = await search(lib, { query: '沁园春' });
    expect(merged.documentCount).toBe(1);
    expect(merged.groups[0].hits.map((x) => x.start)).toEqual(spans(((await h['documents.get']({ id })) as DocumentRecord).text, ['沁园春']).map((s) => s[0]));

    // Any writer, not only the services: the triggers queue the change.
    lib.ctx.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('改写后的文本：满江红。', id);
    expect(await count('沁园春')).toBe(0);
    expect(await count('沁园')).toBe(0);
    expect(await count('满江红')).toBe(1);
    expect(await count('满江')).toBe(1);

    await h['documents.delete']({ id });
    expect(await count('满江红')).toBe(0);
    expect(await count('满')).toBe(0);
    expect(await count('新质生产力')).toBe(before);
    await h['documents.restore']({ id });
    expect(await count('滿江紅')).toBe(1);
    expect(await count('滿')).toBe(1);
  });

  it('metadata changes reach filters and groups', async () => {
    const lib = open();
    const docs = await texts(lib);
    const d = docs.find((x) => x.text.includes('因地制宜'))!;
    await lib.handlers['documents.updateMetadata']({ id: d.id, title: '改过的标题', publishedAt: '1999-01-02' });
    const r = await search(lib, { query: '因地制宜', dateTo: '1999-12-31' });
    expect(r.groups.map((g) => [g.documentId, g.title, g.publishedAt])).toEqual([[d.id, '改过的标题', '1999-01-02']]);
  });

  it('reindex rebuilds from the documents (handler and CLI), and the CLI searches', async () => {
    const lib = open();
    const docs = await texts(lib);
    const first = await search(lib, { query: '发展' });
    lib.ctx.db.exec(`DELETE FROM search_docs; INSERT INTO search_index (search_index) VALUES ('delete-all');`);
    const rebuilt = (await lib.handlers['search.reindex']({})) as { documents: number; elapsedMs: number };
    expect(rebuilt.documents).toBe(docs.length);
    const again = await search(lib, { query: '发展' });
    expect(countsOf(again)).toEqual(countsOf(first));
    closeAndForget(lib);

    const cli = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'bin', 'pizhu.mjs'), '--library', lib.ctx.libraryDir, ...args], { encoding: 'utf8' });
    const reindexed = cli('reindex', '--json');
    expect(reindexed.status, reindexed.stderr).toBe(0);
    expect(JSON.parse(reindexed.stdout).documents).toBe(docs.length);
    const out = cli('search', '發展', '--json', '--limit', '3');
    expect(out.status, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout) as SearchResult;
    expect(result.total).toBe(first.total);
    expect(result.groups.flatMap((g) => g.hits)).toHaveLength(3);
    const exact = JSON.parse(cli('search', '發展', '--json', '--exact-script').stdout) as SearchResult;
    expect(exact.total).toBe(docs.reduce((n, d) => n + naiveStarts(d.text, '發展', false).length, 0));
    const text = cli('search', '因地制宜', '--limit', '2');
    expect(text.stdout).toMatch(/^\d+ occurrences in \d+ documents/);
    expect(text.stdout).toContain('【因地制宜】');
  });
});

describe('engine modes', () => {
  it('the worker, in-process search and a tiny text cache give the same answers', async () => {
    const { lib, docs } = await corpusLibrary(40, 1000);
    const inline = createSearchService(lib.ctx, { mode: 'inline' });
    const starved = createSearchService(lib.ctx, { mode: 'inline', cacheChars: 3000 });
    try {
      for (const query of ['的', '发展', '發展 AI', '新质生产力 OR 5G', '，']) {
        const [a, b, c] = await Promise.all([search(lib, { query }), inline.query({ query, limit: 2000 }), starved.query({ query, limit: 2000 })]);
        const strip = (r: SearchResult) => ({ ...r, elapsedMs: 0 });
        expect(strip(b)).toEqual(strip(a));
        expect(strip(c)).toEqual(strip(a));
      }
      expect(docs.length).toBe(40);
    } finally {
      inline.close();
      starved.close();
    }
  });

  it('indexing and searching run off the main thread: timers keep firing meanwhile', async () => {
    const { lib } = await corpusLibrary(300, 3000);
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 5);
    const began = performance.now();
    await lib.search.reindex();
    await search(lib, { query: '发展 NOT 新质' });
    const took = performance.now() - began;
    clearInterval(timer);
    expect(took).toBeGreaterThan(100);
    expect(gaps.length).toBeGreaterThan(took / 50);
    expect(Math.max(...gaps)).toBeLessThan(Math.max(100, took / 3));
  });

  it('a text saved again and again while the worker rebuilds the index is found as saved last, never as read before', async () => {
    const { lib, docs } = await corpusLibrary(400, 4000);
    const target = docs[7];
    let rebuilt = false;
    const rebuilding = lib.search.reindex().then(() => (rebuilt = true));
    // Each save tags the text with its own word; only the last one may be found once the index caught up.
    let saves = 0;
    let savedDuringRebuild = 0;
    while (!rebuilt || saves < 3) {
      saves++;
      lib.handlers['documents.revise']({ id: target.id, text: `qqsave${saves} ${target.text}` });
      if (!rebuilt) savedDuringRebuild++;
      await new Promise((r) => setTimeout(r, 20));
    }
    await rebuilding;
    expect(savedDuringRebuild).toBeGreaterThan(1);
    expect((await search(lib, { query: `qqsave${saves}` })).groups.map((g) => g.documentId)).toEqual([target.id]);
    for (let n = 1; n < saves; n++) expect((await search(lib, { query: `qqsave${n}` })).total, `qqsave${n}`).toBe(0);
  });

  it('a search warmed at open answers while texts load, and a reopened library answers the same', async () => {
    const dir = tempDir();
    const lib = open({ libraryDir: dir, warmSearch: true });
    const [first, warmed] = await Promise.all([search(lib, { query: '新质 生产力' }), lib.search.warm()]);
    expect(warmed).toBeUndefined();
    expect(first.total).toBeGreaterThan(0);
    closeAndForget(lib);
    const again = open({ libraryDir: dir });
    expect({ ...(await search(again, { query: '新质 生产力' })), elapsedMs: 0 }).toEqual({ ...first, elapsedMs: 0 });
  });
});
