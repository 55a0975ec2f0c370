import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Theme } from '../../shared/domain';
import { countWords } from '../../electron/core/analysis/segment';
import { DEFAULT_STOPWORDS } from '../../electron/core/analysis/stopwords';
import { cooccurrenceFromLinks, rebuildCooccurrence } from '../../electron/core/repos/analysis';
import { api } from './api';
import { open, SEED_DOCUMENT_COUNT } from './helpers';

const TEXT = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二三四五六七八九十百千万亿'.repeat(3);

async function handBuilt() {
  const lib = open({ seedsDir: null });
  const call = api(lib);
  const doc = (await call('import.text', { text: TEXT, title: '手工' })).documents[0].id;
  const other = (await call('import.text', { text: TEXT + '另一篇', title: '另一篇' })).documents[0].id;
  const themes: Record<string, Theme> = {};
  for (const name of ['A', 'B', 'C']) themes[name] = await call('themes.create', { name });
  const hl = (documentId: string, start: number, end: number, names: string) =>
    call('annotations.create', { documentId, start, end, themeIds: [...names].map((n) => themes[n].id) });
  return { lib, call, doc, other, themes, hl };
}

describe('theme co-occurrence', () => {
  it('counts highlights coded with both themes, and overlapping highlights, on a hand-built case', async () => {
    const { call, doc, other, themes, hl } = await handBuilt();
    const h1 = await hl(doc, 0, 10, 'AB');
    const h2 = await hl(doc, 5, 15, 'C');
    const h3 = await hl(doc, 20, 30, 'A');
    const h4 = await hl(doc, 25, 35, 'B');
    const h5 = await hl(doc, 40, 50, 'ABC');
    await hl(doc, 50, 60, 'A'); // touches h5 without overlapping it
    const gone = await hl(doc, 0, 60, 'ABC');
    await call('annotations.delete', { id: gone.id });
    await hl(other, 0, 60, 'ABC');
    await call('documents.delete', { id: other });

    const ids = [themes.A.id, themes.B.id, themes.C.id];
    const same = await call('analysis.cooccurrence', { themeIds: ids });
    expect(same).toEqual({
      themeIds: ids,
      mode: 'same',
      counts: [
        [4, 2, 1],
        [2, 3, 1],
        [1, 1, 2],
      ],
    });
    const overlap = await call('analysis.cooccurrence', { themeIds: ids, mode: 'overlap' });
    expect(overlap.counts).toEqual([
      [4, 1, 1],
      [1, 3, 1],
      [1, 1, 2],
    ]);
    // Every live theme, in codebook order, when none are named.
    expect((await call('analysis.cooccurrence', {})).themeIds).toEqual(ids);

    const passages = async (a: string, b: string, mode?: 'same' | 'overlap') =>
      (await call('analysis.cooccurrencePassages', { a: themes[a].id, b: themes[b].id, mode })).map((p) => p.annotation.id);
    expect(await passages('A', 'B')).toEqual([h1.id, h5.id]);
    expect(await passages('A', 'C', 'overlap')).toEqual([h1.id, h2.id]);
    expect(await passages('A', 'B', 'overlap')).toEqual([h3.id, h4.id]);
    expect(await passages('C', 'C', 'overlap')).toEqual([h2.id, h5.id]);
  });

  it('agrees with a pair-by-pair count on random highlights', async () => {
    const { lib, call, doc, themes } = await handBuilt();
    const ids = [themes.A.id, themes.B.id, themes.C.id];
    const highlight = fc.record({
      start: fc.integer({ min: 0, max: 70 }),
      length: fc.integer({ min: 1, max: 30 }),
      themes: fc.subarray([0, 1, 2], { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(highlight, { minLength: 1, maxLength: 25 }), async (spans) => {
        lib.ctx.db.exec('DELETE FROM annotation_themes; DELETE FROM annotations;');
        for (const s of spans)
          await call('annotations.create', { documentId: doc, start: s.start, end: s.start + s.length, themeIds: s.themes.map((i) => ids[i]) });
        const expected = ids.map(() => ids.map(() => 0));
        spans.forEach((x, i) => {
          for (const a of x.themes) expected[a][a]++;
          spans.forEach((y, j) => {
            if (j <= i || x.start >= y.start + y.length || y.start >= x.start + x.length) return;
            const cells = new Set<string>();
            for (const a of x.themes) for (const b of y.themes) if (a !== b) cells.add([Math.min(a, b), Math.max(a, b)].join());
            for (const cell of cells) {
              const [a, b] = cell.split(',').map(Number);
              expected[a][b]++;
              expected[b][a]++;
            }
          });
        });
        expect((await call('analysis.cooccurrence', { themeIds: ids, mode: 'overlap' })).counts).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the co-occurrence table kept by triggers', () => {
  it('always equals a count from the links, whatever is done to highlights, themes and documents', async () => {
    const { lib, call, doc, other, themes } = await handBuilt();
    const db = lib.ctx.db;
    const ids = Object.values(themes).map((t) => t.id);
    const docs = [doc, other];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), doc: fc.nat(1), start: fc.nat(60), themes: fc.subarray([0, 1, 2]) }),
      fc.record({ kind: fc.constantFrom('addTheme' as const, 'removeTheme' as const), pick: fc.nat(), theme: fc.nat(2) }),
      fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constantFrom('deleteDoc' as const, 'restoreDoc' as const), doc: fc.nat(1) }),
      fc.record({ kind: fc.constant('merge' as const), source: fc.nat(2), target: fc.nat(2) }),
      fc.record({ kind: fc.constant('deleteTheme' as const), theme: fc.nat(2), mode: fc.constantFrom('untag' as const, 'moveToParent' as const, 'deleteHighlights' as const) }),
    );
    const pairs = (rows: { a: string; b: string; n: number }[]) =>
      rows.filter((r) => r.n !== 0).map((r) => `${r.a} ${r.b} ${r.n}`).sort();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        db.exec("DELETE FROM annotation_themes; DELETE FROM annotations; UPDATE documents SET deleted_at = NULL; UPDATE themes SET deleted_at = NULL, parent_id = NULL;");
        rebuildCooccurrence(db);
        const made: string[] = [];
        const undo: (() => Promise<unknown>)[] = [];
        for (const o of ops) {
          const pick = <T,>(xs: T[], n: number) => xs[n % xs.length];
          // Operations a user cannot do in this state (a deleted document, a deleted theme) fail and change nothing.
          await (async () => {
            if (o.kind === 'create') made.push((await call('annotations.create', { documentId: docs[o.doc], start: o.start, end: o.start + 8, themeIds: o.themes.map((i) => ids[i]) })).id);
            else if (!made.length) return;
            else if (o.kind === 'addTheme') await call('annotations.addTheme', { id: pick(made, o.pick), themeId: ids[o.theme] });
            else if (o.kind === 'removeTheme') await call('annotations.removeTheme', { id: pick(made, o.pick), themeId: ids[o.theme] });
            else if (o.kind === 'delete') await call('annotations.deleteMany', { ids: [pick(made, o.pick)] });
            else if (o.kind === 'restore') await call('annotations.restoreMany', { ids: [pick(made, o.pick)] });
            if (o.kind === 'deleteDoc') await call('documents.delete', { id: docs[o.doc] });
            if (o.kind === 'restoreDoc') await call('documents.restore', { id: docs[o.doc] });
            if (o.kind === 'merge') {
              const change = await call('themes.merge', { sourceId: ids[o.source], targetId: ids[o.target] });
              undo.push(() => call('themes.restore', { id: ids[o.source], change }));
            }
            if (o.kind === 'deleteTheme') {
              const change = await call('themes.delete', { id: ids[o.theme], mode: o.mode });
              undo.push(() => call('themes.restore', { id: ids[o.theme], change }));
            }
          })().catch(() => {});
          expect(pairs(db.prepare('SELECT theme_a AS a, theme_b AS b, count AS n FROM theme_cooccurrence').all() as never)).toEqual(
            pairs(cooccurrenceFromLinks(db)),
          );
        }
        for (const u of undo.reverse()) await u().catch(() => {});
        expect(pairs(db.prepare('SELECT theme_a AS a, theme_b AS b, count AS n FROM theme_cooccurrence').all() as never)).toEqual(pairs(cooccurrenceFromLinks(db)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('theme frequency', () => {
  it('counts each theme’s own highlights and, once each, those of its sub-themes; per document or library', async () => {
    const { call, doc, other, themes, hl } = await handBuilt();
    const child = await call('themes.create', { name: 'A1', parentId: themes.A.id });
    const grandchild = await call('themes.create', { name: 'A1a', parentId: child.id });
    await hl(doc, 0, 5, 'A');
    const both = await hl(doc, 5, 10, 'A');
    await call('annotations.addTheme', { id: both.id, themeId: child.id });
    const deep = await hl(other, 0, 5, 'B');
    await call('annotations.addTheme', { id: deep.id, themeId: grandchild.id });
    const byName = async (documentId?: string) => {
      const list = await call('themes.list', {});
      const counts = await call('analysis.frequency', { documentId });
      return Object.fromEntries(counts.map((c) => [list.find((t) => t.id === c.themeId)!.name, [c.count, c.withSubthemes]]));
    };
    expect(await byName()).toEqual({ A: [2, 3], A1: [1, 2], A1a: [1, 1], B: [1, 1], C: [0, 0] });
    expect(await byName(doc)).toEqual({ A: [2, 2], A1: [1, 1], A1a: [0, 0], B: [0, 0], C: [0, 0] });
  });
});

describe('Chinese word frequency', () => {
  it('segments words, not characters or sentences', () => {
    const counts = countWords('加快发展新质生产力，扎实推进高质量发展。新質生產力是创新起主导作用的先进生产力质态。2024年 AI 与 AI');
    expect(counts.get('新质生产力')).toBe(2);
    expect(counts.get('发展')).toBe(1);
    expect(counts.get('高质量发展')).toBe(1);
    expect(counts.get('ai')).toBe(2);
    expect([...counts.keys()].every((w) => [...w].length >= 2 && [...w].length <= 8)).toBe(true);
    expect(counts.has('2024')).toBe(false);
    expect(counts.has('的')).toBe(false);
  });

  it('ranks 新质生产力 words at the top of the seeds, leaves stop words out, and keeps the list editable', async () => {
    const lib = open();
    const call = api(lib);
    const result = await call('analysis.words', { top: 30 });
    const top = result.words.map((w) => w.word);
    expect(top.slice(0, 3)).toContain('新质生产力');
    for (const word of ['发展', '科技创新', '产业', '高质量发展']) expect(top).toContain(word);
    expect(result.words.every((w) => [...w.word].length <= 8)).toBe(true);
    const stop = new Set(DEFAULT_STOPWORDS);
    expect(top.filter((w) => stop.has(w))).toEqual([]);
    expect(result.words[0].documents).toBeLessThanOrEqual(SEED_DOCUMENT_COUNT);
    expect(result.totalWords).toBeGreaterThan(result.distinctWords);

    expect(await call('analysis.stopwords', {})).toEqual([...DEFAULT_STOPWORDS]);
    const saved = await call('analysis.setStopwords', { words: ['发展', ' 发展 ', '產業'] });
    expect(saved).toEqual(['发展', '產業']);
    const after = await call('analysis.words', { top: 5_000 });
    expect(after.words.map((w) => w.word)).not.toContain('发展');
    expect(after.words.map((w) => w.word)).not.toContain('产业');
    expect(after.words.map((w) => w.word)).toContain('我们');
    await call('analysis.setStopwords', { words: [] });
    const raw = await call('analysis.words', { top: 5_000 });
    const rawCount = (word: string) => raw.words.find((w) => w.word === word)?.count ?? 0;
    expect(raw.distinctWords).toBeLessThan(5_000);
    expect(after.totalWords).toBe(raw.totalWords - rawCount('发展') - rawCount('产业'));
    expect(result.totalWords).toBe(raw.totalWords - DEFAULT_STOPWORDS.reduce((n, w) => n + rawCount(w), 0));
  });

  it('counts a document, a theme’s passages, or both', async () => {
    const lib = open();
    const call = api(lib);
    const docs = await call('documents.list', {});
    const one = await call('analysis.words', { documentId: docs[0].id, top: 5_000 });
    const all = await call('analysis.words', { top: 5_000 });
    expect(one.totalWords).toBeLessThan(all.totalWords);
    expect(one.words.every((w) => w.documents === 1)).toBe(true);
    const theme = await call('themes.create', { name: '提法' });
    await call('annotations.autocode', { query: '因地制宜', themeId: theme.id });
    const passages = await call('analysis.words', { themeId: theme.id });
    expect(passages.words).toEqual([expect.objectContaining({ word: '因地制宜', count: (await call('annotations.list', { themeId: theme.id })).length })]);
    const inDoc = await call('analysis.words', { themeId: theme.id, documentId: docs[0].id });
    expect(inDoc.totalWords).toBe((await call('annotations.list', { themeId: theme.id, documentId: docs[0].id })).length);
  });

  it('segments a document once, reuses its counts while the text is unchanged, and counts again after a change', async () => {
    const lib = open();
    const call = api(lib);
    const db = lib.ctx.db;
    await call('analysis.words', {});
    const rows = () => db.prepare('SELECT document_id AS id, text_hash AS hash FROM word_counts').all() as { id: string; hash: string }[];
    expect(rows()).toHaveLength(SEED_DOCUMENT_COUNT);
    const docs = await call('documents.list', {});
    const changed = (await Promise.all(docs.map((d) => call('documents.get', { id: d.id })))).find((d) => d.removed.length > 0)!;
    // Plant a marker in the cached counts of two documents: it shows only if the cache is read.
    const plant = db.prepare(`UPDATE word_counts SET counts = json_insert(counts, '$[#]', json('["标记词", 1000]')) WHERE document_id = ?`);
    const untouched = docs.find((d) => d.id !== changed.id)!;
    plant.run(changed.id);
    plant.run(untouched.id);
    expect((await call('analysis.words', { top: 1 })).words[0]).toEqual({ word: '标记词', count: 2000, documents: 2 });

    const hashBefore = rows().find((r) => r.id === changed.id)!.hash;
    await call('documents.restoreSpan', { id: changed.id, spanId: changed.removed[0].id });
    const after = await call('analysis.words', { top: 1 });
    expect(after.words[0]).toEqual({ word: '标记词', count: 1000, documents: 1 });
    expect(rows().find((r) => r.id === changed.id)!.hash).not.toBe(hashBefore);
    // The changed document was counted again, from its new text.
    const fresh = await call('analysis.words', { documentId: changed.id, top: 5_000 });
    expect(fresh.words.map((w) => w.word)).not.toContain('标记词');
  });
});

describe('term tracking', () => {
  it('counts a term per document by date through the search index, both scripts together', async () => {
    const lib = open();
    const call = api(lib);
    const [series] = await call('analysis.terms', { terms: ['新质生产力'] });
    const search = await call('search.query', { query: '新质生产力', limit: 1 });
    expect(series.total).toBe(search.total);
    expect(series.points).toHaveLength(SEED_DOCUMENT_COUNT);
    expect(series.points.reduce((n, p) => n + p.count, 0)).toBe(search.total);
    const dated = series.points.map((p) => p.publishedAt).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const docs = await call('documents.list', {});
    const traditional = docs.filter((d) => d.script === 'traditional').map((d) => d.id);
    expect(series.points.filter((p) => traditional.includes(p.documentId)).every((p) => p.count > 0)).toBe(true);
    const [exact] = await call('analysis.terms', { terms: ['新质生产力'], fold: false });
    expect(exact.total).toBeLessThan(series.total);
    const [phrase] = await call('analysis.terms', { terms: ['新质 生产力'] });
    expect(phrase.total).toBe(0);
  });
});
