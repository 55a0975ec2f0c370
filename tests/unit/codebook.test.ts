import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { Annotation, Theme } from '../../shared/domain';
import { foldForSearch } from '../../shared/chinese';
import { main } from '../../electron/core/cli/main';
import { parseCsv, parsePath, formatPath } from '../../electron/core/services/codebook';
import { api, type Call } from './api';
import { open, tempDir } from './helpers';

const TEXT = [
  '加快发展新质生产力，扎实推进高质量发展。',
  '科技创新是发展新质生产力的核心要素，关键核心技术要自主可控。',
  '各地要因地制宜，防止一哄而上、泡沫化，也不要搞一种模式。',
  '新质生产力本身就是绿色生产力。',
].join('\n');

/** A clock the test moves: every call is one second later than the last. */
function clock(start = '2024-03-01T08:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date((t += 1000)).toISOString(),
    jump: (iso: string) => {
      t = Date.parse(iso);
    },
  };
}

async function setup(opts: { seeds?: boolean } = {}) {
  const time = clock();
  const lib = open(opts.seeds ? { now: time.now } : { seedsDir: null, now: time.now });
  const call = api(lib);
  let docId = '';
  if (!opts.seeds) {
    const imported = await call('import.text', { text: TEXT, title: '测试' });
    docId = imported.documents[0].id;
  }
  const theme = (name: string, parentId?: string) => call('themes.create', { name, parentId });
  /** Highlights the first occurrence (after `from`) of a quote. */
  const highlight = async (quote: string, themes: Theme[], from = 0) => {
    const start = TEXT.indexOf(quote, from);
    if (start < 0) throw new Error(`no ${quote}`);
    return call('annotations.create', { documentId: docId, start, end: start + quote.length, themeIds: themes.map((t) => t.id) });
  };
  return { lib, call, docId, theme, highlight, time };
}

/** Everything a user sees of the codebook and the highlights, without modification times. */
async function snapshot(call: Call) {
  const themes = (await call('themes.list', {})).map(({ modifiedAt: _m, ...t }) => t);
  const annotations = (await call('annotations.list', {})).map(({ modifiedAt: _m, ...a }) => a);
  return { themes, annotations };
}

const names = (themes: Theme[]) => themes.map((t) => t.name);

describe('codebook: nesting and order', () => {
  it('nests and reorders themes, lists them depth first, refuses cycles', async () => {
    const { call, theme } = await setup();
    const a = await theme('A');
    const b = await theme('B');
    const c = await theme('C');
    let list = await call('themes.move', { id: c.id, parentId: a.id, index: 0 });
    expect(names(list)).toEqual(['A', 'C', 'B']);
    expect(list.find((t) => t.id === c.id)!.parentId).toBe(a.id);
    const d = await theme('D', a.id);
    list = await call('themes.move', { id: d.id, parentId: a.id, index: 0 });
    expect(names(list)).toEqual(['A', 'D', 'C', 'B']);
    list = await call('themes.move', { id: b.id, parentId: null, index: 0 });
    expect(names(list)).toEqual(['B', 'A', 'D', 'C']);
    // Nested two deep, then refused under its own descendant or itself.
    await call('themes.move', { id: c.id, parentId: d.id, index: 0 });
    await expect(call('themes.move', { id: a.id, parentId: c.id, index: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('themes.move', { id: a.id, parentId: a.id, index: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    list = await call('themes.list', {});
    expect(list.map((t) => [t.name, list.find((p) => p.id === t.parentId)?.name ?? null])).toEqual([
      ['B', null],
      ['A', null],
      ['D', 'A'],
      ['C', 'D'],
    ]);
  });

  it('pins themes to unique keyboard slots 1–9', async () => {
    const { call, theme } = await setup();
    const a = await theme('A');
    const b = await theme('B');
    await call('themes.setPinned', { id: a.id, slot: 1 });
    let list = await call('themes.setPinned', { id: b.id, slot: 1 });
    expect(list.map((t) => [t.name, t.pinned])).toEqual([
      ['A', null],
      ['B', 1],
    ]);
    await expect(call('themes.setPinned', { id: a.id, slot: 10 })).rejects.toMatchObject({ code: 'invalid_input' });
    // A deleted theme whose slot was taken meanwhile comes back unpinned.
    await call('themes.delete', { id: b.id });
    await call('themes.setPinned', { id: a.id, slot: 1 });
    await call('themes.restore', { id: b.id });
    list = await call('themes.list', {});
    expect(list.map((t) => [t.name, t.pinned])).toEqual([
      ['A', 1],
      ['B', null],
    ]);
    list = await call('themes.setPinned', { id: a.id, slot: null });
    expect(list.every((t) => t.pinned === null)).toBe(true);
  });

  it('keeps a memo and handout questions on a theme', async () => {
    const { call, theme } = await setup();
    const a = await theme('A');
    const memo = JSON.stringify({ root: { type: 'root', children: [] } });
    expect(await call('themes.setMemo', { id: a.id, memoJson: memo, memoText: '定义：…' })).toMatchObject({ memoJson: memo, memoText: '定义：…' });
    await expect(call('themes.setMemo', { id: a.id, memoJson: '{}', memoText: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call('themes.setQuestions', { id: a.id, questions: '一问\n二问' })).questions).toBe('一问\n二问');
    expect((await call('themes.list', {}))[0]).toMatchObject({ memoText: '定义：…', questions: '一问\n二问' });
  });
});

describe('codebook: delete, merge and their undo', () => {
  it('deletes a theme with its sub-themes (untag) and restores exactly, also without the change', async () => {
    const { call, theme, highlight } = await setup();
    const p = await theme('P');
    const c = await theme('C', p.id);
    const x = await theme('X');
    await highlight('新质生产力', [p]);
    await highlight('科技创新', [c]);
    await highlight('关键核心技术', [c, x]);
    const before = await snapshot(call);
    const change = await call('themes.delete', { id: p.id });
    expect(change).toEqual({ themeId: p.id, addedLinks: [], deletedAnnotationIds: [] });
    expect(names(await call('themes.list', {}))).toEqual(['X']);
    const after = await call('annotations.list', {});
    expect(after.map((a) => a.themeIds)).toEqual([[], [], [x.id]]);
    await call('themes.restore', { id: p.id, change });
    expect(await snapshot(call)).toEqual(before);
    // The renderer's undo today: restore by id alone.
    await call('themes.delete', { id: p.id });
    await call('themes.restore', { id: p.id });
    expect(await snapshot(call)).toEqual(before);
  });

  it('moves highlights to the parent and undoes only the links it added', async () => {
    const { call, theme, highlight } = await setup();
    const p = await theme('P');
    const c = await theme('C', p.id);
    const g = await theme('G', c.id);
    const onlyChild = await highlight('新质生产力', [c]);
    const both = await highlight('科技创新', [c, p]);
    const grandchild = await highlight('因地制宜', [g]);
    const before = await snapshot(call);
    const change = await call('themes.delete', { id: c.id, mode: 'moveToParent' });
    expect(change.addedLinks).toEqual(
      expect.arrayContaining([
        { annotationId: onlyChild.id, themeId: p.id },
        { annotationId: grandchild.id, themeId: p.id },
      ]),
    );
    expect(change.addedLinks).toHaveLength(2);
    const byId = new Map((await call('annotations.list', {})).map((a) => [a.id, a]));
    expect([onlyChild, both, grandchild].map((a) => byId.get(a.id)!.themeIds)).toEqual([[p.id], [p.id], [p.id]]);
    expect(names(await call('themes.list', {}))).toEqual(['P']);
    await call('themes.restore', { id: c.id, change });
    expect(await snapshot(call)).toEqual(before);
  });

  it('deletes the highlights coded only with the theme, keeps the others, and brings them back', async () => {
    const { call, theme, highlight } = await setup();
    const p = await theme('P');
    const c = await theme('C', p.id);
    const x = await theme('X');
    const only = await highlight('新质生产力', [p]);
    const inSubtree = await highlight('科技创新', [p, c]);
    const shared = await highlight('关键核心技术', [c, x]);
    const before = await snapshot(call);
    const change = await call('themes.delete', { id: p.id, mode: 'deleteHighlights' });
    expect(change.deletedAnnotationIds.sort()).toEqual([only.id, inSubtree.id].sort());
    const left = await call('annotations.list', {});
    expect(left.map((a) => [a.id, a.themeIds])).toEqual([[shared.id, [x.id]]]);
    await call('themes.restore', { id: p.id, change });
    expect(await snapshot(call)).toEqual(before);
  });

  it('merges a theme into another without duplicate links, moves its sub-themes, and undoes exactly', async () => {
    const { lib, call, theme, highlight } = await setup();
    const s = await theme('S');
    const s1 = await theme('S1', s.id);
    const t = await theme('T');
    const onlyS = await highlight('新质生产力', [s]);
    const both = await highlight('科技创新', [s, t]);
    await highlight('因地制宜', [t]);
    await highlight('绿色生产力', [s1]);
    const before = await snapshot(call);
    const change = await call('themes.merge', { sourceId: s.id, targetId: t.id });
    expect(change.addedLinks).toEqual([{ annotationId: onlyS.id, themeId: t.id }]);
    expect(change.movedThemeIds).toEqual([s1.id]);
    const list = await call('themes.list', {});
    expect(list.map((x) => [x.name, x.annotationCount])).toEqual([
      ['T', 3],
      ['S1', 1],
    ]);
    expect(list[1].parentId).toBe(t.id);
    const links = lib.ctx.db.prepare('SELECT count(*) AS n FROM annotation_themes WHERE annotation_id = ? AND theme_id = ?').get(both.id, t.id) as { n: number };
    expect(links.n).toBe(1);
    expect((await call('annotations.list', { themeId: t.id })).length).toBe(3);
    await call('themes.restore', { id: s.id, change });
    expect(await snapshot(call)).toEqual(before);
    await expect(call('themes.merge', { sourceId: s.id, targetId: s1.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('themes.merge', { sourceId: s.id, targetId: s.id })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('deletes and restores many highlights at once', async () => {
    const { call, theme, highlight } = await setup();
    const a = await theme('A');
    const h1 = await highlight('新质生产力', [a]);
    const h2 = await highlight('科技创新', [a]);
    expect((await call('annotations.deleteMany', { ids: [h1.id, h2.id, h1.id] })).ids.sort()).toEqual([h1.id, h2.id].sort());
    expect(await call('annotations.list', {})).toHaveLength(0);
    expect((await call('annotations.deleteMany', { ids: [h1.id] })).ids).toEqual([]);
    expect((await call('annotations.restoreMany', { ids: [h1.id, h2.id] })).ids).toHaveLength(2);
    expect((await call('themes.list', {}))[0].annotationCount).toBe(2);
  });
});

describe('codebook: export and import', () => {
  it('writes paths with escapes and parses RFC 4180 CSV', () => {
    expect(formatPath(['科技创新', 'A/B', 'c\\d'])).toBe('科技创新/A\\/B/c\\\\d');
    expect(parsePath('科技创新/A\\/B/c\\\\d')).toEqual(['科技创新', 'A/B', 'c\\d']);
    expect(parseCsv('a,"b,""c""\nd",e\r\n\r\nf,,\n')).toEqual([
      ['a', 'b,"c"\nd', 'e'],
      ['f', '', ''],
    ]);
  });

  for (const format of ['json', 'csv'] as const) {
    it(`round-trips a nested codebook as ${format} and merges by path`, async () => {
      const from = await setup();
      const a = await from.theme('科技创新');
      const b = await from.theme('关键技术', a.id);
      await from.theme('卡脖子/攻关', b.id);
      await from.call('themes.update', { id: a.id, color: '#123456', description: '核心, "要素"' });
      await from.call('themes.setMemo', { id: b.id, memoJson: null, memoText: '第一行\n第二行' });
      const exported = await from.call('codebook.export', { format });
      expect(exported.suggestedName.endsWith(`.${format}`)).toBe(true);

      const to = await setup();
      await to.theme('科技创新');
      const result = await to.call('codebook.import', { format, content: exported.content });
      expect(result).toEqual({ created: 2, updated: 1, warnings: [] });
      const shape = (list: Theme[]) =>
        list.map((t) => ({ name: t.name, parent: list.find((p) => p.id === t.parentId)?.name ?? null, color: t.color, description: t.description, memo: t.memoText }));
      expect(shape(await to.call('themes.list', {}))).toEqual(shape(await from.call('themes.list', {})));
      expect(await to.call('codebook.import', { format, content: exported.content })).toEqual({ created: 0, updated: 0, warnings: [] });
    });
  }

  it('imports a hand-written CSV: Chinese headers, new parents, bad colours and clashes as warnings', async () => {
    const { call, theme } = await setup();
    await theme('人才');
    const csv = '路径,颜色,说明\n产业/未来产业,#00ff00,前沿\n其他/人才,#ffffff,\n产业,red,\n,#000000,\n';
    const result = await call('codebook.import', { format: 'csv', content: csv });
    expect(result.created).toBe(2);
    expect(result.warnings).toHaveLength(3);
    const list = await call('themes.list', {});
    expect(names(list)).toEqual(['人才', '产业', '未来产业']);
    expect(list[2]).toMatchObject({ color: '#00ff00', description: '前沿' });
    await expect(call('codebook.import', { format: 'json', content: '{"themes": 3}' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('memos', () => {
  it('keeps one memo per document and one for the project', async () => {
    const { call, docId } = await setup();
    expect(await call('memos.get', { scope: 'project' })).toBeNull();
    const json = JSON.stringify({ root: { type: 'root', children: [] } });
    const project = await call('memos.save', { scope: 'project', noteJson: json, noteText: '研究问题' });
    const doc = await call('memos.save', { scope: 'document', documentId: docId, noteJson: null, noteText: '本文要点' });
    expect(project).toMatchObject({ scope: 'project', documentId: null, noteText: '研究问题' });
    expect(doc).toMatchObject({ scope: 'document', documentId: docId });
    const again = await call('memos.save', { scope: 'project', noteJson: json, noteText: '改' });
    expect(again.id).toBe(project.id);
    expect(await call('memos.get', { scope: 'project' })).toMatchObject({ noteText: '改' });
    expect(await call('memos.get', { scope: 'document', documentId: docId })).toMatchObject({ noteText: '本文要点' });
    await expect(call('memos.get', { scope: 'document' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('the annotations panel and coded retrieval', () => {
  it('filters by theme with sub-themes, author, note and date; sorts; pages; gives context and paragraph', async () => {
    const { call, theme, highlight, time, docId } = await setup();
    const p = await theme('P');
    const c = await theme('C', p.id);
    const x = await theme('X');
    time.jump('2024-05-01T10:00:00.000Z');
    const h1 = await highlight('新质生产力', [p]);
    time.jump('2024-05-03T10:00:00.000Z');
    const h2 = await highlight('关键核心技术', [c]);
    const h3 = await highlight('因地制宜', [x]);
    await call('annotations.updateNote', { id: h3.id, noteJson: null, noteText: '注' });
    time.jump('2024-05-05T10:00:00.000Z');
    const h4 = await highlight('新质生产力', [c], 60);

    const ids = async (input: InputOf<'annotations.query'>) => (await call('annotations.query', input)).items.map((i) => i.annotation.id);
    expect(await ids({ themeIds: [p.id] })).toEqual([h1.id, h2.id, h4.id]);
    expect(await ids({ themeIds: [p.id], includeSubthemes: false })).toEqual([h1.id]);
    expect(await ids({ themeIds: [p.id], sort: 'time' })).toEqual([h4.id, h2.id, h1.id]);
    expect(await ids({ hasNote: true })).toEqual([h3.id]);
    expect(await ids({ hasNote: false, documentId: docId })).toEqual([h1.id, h2.id, h4.id]);
    expect(await ids({ createdFrom: '2024-05-02', createdTo: '2024-05-03' })).toEqual([h2.id, h3.id]);
    expect(await ids({ author: 'nobody' })).toEqual([]);
    const me = (await call('library.info', {})).author;
    expect(await ids({ author: me })).toHaveLength(4);

    const page = await call('annotations.query', { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.annotation.id)).toEqual([h2.id, h3.id]);
    const passage = page.items[0];
    const lines = TEXT.split('\n');
    expect(passage.paragraph).toBe(2);
    expect(passage.documentTitle).toBe('测试');
    expect(passage.before).toBe(lines[1].slice(0, lines[1].indexOf('关键核心技术')));
    expect(passage.after).toBe(lines[1].slice(lines[1].indexOf('关键核心技术') + 6));
    expect((await call('annotations.query', { themeIds: [p.id] })).items[2].paragraph).toBe(4);
  });

  it('pages the library panel from the indexes exactly as the full query does, leaving out deleted highlights and documents', async () => {
    const { call } = await setup({ seeds: true });
    const p = await call('themes.create', { name: 'P' });
    const c = await call('themes.create', { name: 'C', parentId: p.id });
    await call('annotations.autocode', { query: '新质生产力', themeId: p.id });
    const sub = await call('annotations.autocode', { query: '发展', themeId: c.id });
    const nested = await call('annotations.autocode', { query: '创新', themeId: c.id });
    await call('annotations.deleteMany', { ids: sub.createdIds.filter((_, i) => i % 7 === 0) });
    const docs = await call('documents.list', {});
    await call('documents.delete', { id: docs[3].id });
    const me = (await call('library.info', {})).author;
    for (const themeIds of [[p.id], [c.id], undefined]) {
      for (const sort of ['position', 'time'] as const) {
        const { total } = await call('annotations.query', { themeIds, limit: 1 });
        expect(total).toBeGreaterThan(150);
        // Early pages are found from the first document, late ones from the last.
        for (const [offset, limit] of [
          [0, 50],
          [130, 70],
          [total - 130, 70],
          [total - 60, 70],
          [total - 1, 5],
          [Math.floor(total / 2), 3],
          [5_000, 10],
        ]) {
          // `author` takes the general path, which reads every match and sorts it.
          const fast = await call('annotations.query', { themeIds, sort, offset, limit });
          const full = await call('annotations.query', { themeIds, sort, offset, limit, author: me });
          expect(fast.total).toBe(full.total);
          expect(fast.items.map((i) => i.annotation.id), JSON.stringify({ themeIds, sort, offset, limit, total })).toEqual(full.items.map((i) => i.annotation.id));
        }
      }
    }
    const all = await call('annotations.query', { themeIds: [p.id], limit: 10_000 });
    expect(all.items.every((i) => i.annotation.documentId !== docs[3].id && i.annotation.deletedAt === null)).toBe(true);
    expect(all.total).toBe(all.items.length);
    expect(nested.createdIds.length).toBeGreaterThan(0);
  });

  it('retrieves passages coded with all or any of some themes, sub-themes counted as their parent', async () => {
    const { call, theme, highlight } = await setup();
    const p = await theme('P');
    const c = await theme('C', p.id);
    const x = await theme('X');
    const h1 = await highlight('新质生产力', [p, x]);
    const h2 = await highlight('关键核心技术', [c, x]);
    const h3 = await highlight('因地制宜', [x]);
    const h4 = await highlight('绿色生产力', [c]);
    const ids = async (themeIds: string[], mode: 'all' | 'any', includeSubthemes?: boolean) =>
      (await call('retrieve.coded', { themeIds, mode, includeSubthemes })).map((r) => r.annotation.id);
    expect(await ids([p.id, x.id], 'all')).toEqual([h1.id, h2.id]);
    expect(await ids([p.id, x.id], 'all', false)).toEqual([h1.id]);
    expect(await ids([p.id, x.id], 'any')).toEqual([h1.id, h2.id, h3.id, h4.id]);
    expect(await ids([c.id], 'any')).toEqual([h2.id, h4.id]);
  });
});

describe('auto-code', () => {
  it('codes every occurrence in both scripts in one action, skips coded ones, tags exact ones, and undoes', async () => {
    const { lib, call } = await setup({ seeds: true });
    const theme = await call('themes.create', { name: '新质生产力' });
    const docs = await call('documents.list', {});
    const traditional = docs.find((d) => d.script === 'traditional')!;
    const tText = (await call('documents.get', { id: traditional.id })).text;
    const tStart = tText.indexOf('新質生產力');
    expect(tStart).toBeGreaterThanOrEqual(0);
    // One occurrence already highlighted without the theme, one inside a highlight with it.
    const exact = await call('annotations.create', { documentId: traditional.id, start: tStart, end: tStart + 5, themeIds: [] });
    const second = tText.indexOf('新質生產力', tStart + 5);
    const around = await call('annotations.create', { documentId: traditional.id, start: second - 2, end: second + 7, themeIds: [theme.id] });
    const before = await snapshot(call);

    const search = await call('search.query', { query: '新质生产力', limit: 1 });
    const result = await call('annotations.autocode', { query: '新质生产力', themeId: theme.id });
    expect(result.taggedIds).toEqual([exact.id]);
    expect(result.alreadyCoded).toBe(1);
    expect(result.createdIds.length + 2).toBe(search.total);
    const coded = await call('annotations.list', { themeId: theme.id });
    expect(coded).toHaveLength(search.total);
    const forms = new Set(coded.map((a: Annotation) => a.exact).filter((e) => e.length === 5));
    expect(forms).toEqual(new Set(['新质生产力', '新質生產力']));
    expect(coded.every((a: Annotation) => foldForSearch(a.exact).includes('新质生产力'))).toBe(true);
    expect(coded.map((a) => a.id)).toContain(around.id);

    const again = await call('annotations.autocode', { query: '新質生產力', themeId: theme.id });
    expect(again).toEqual({ createdIds: [], alreadyCoded: search.total, taggedIds: [] });

    // Undo, as the renderer does it.
    await call('annotations.deleteMany', { ids: result.createdIds });
    for (const id of result.taggedIds) await call('annotations.removeTheme', { id, themeId: theme.id });
    expect(await snapshot(call)).toEqual(before);
    // One transaction: nothing half-done is visible to another connection.
    expect(lib.ctx.db.inTransaction).toBe(false);
  });

  it('codes in the exact script only when folding is off, within chosen documents', async () => {
    const { call } = await setup({ seeds: true });
    const theme = await call('themes.create', { name: 'T' });
    const result = await call('annotations.autocode', { query: '新質生產力', themeId: theme.id, fold: false });
    const coded = await call('annotations.list', { themeId: theme.id });
    expect(coded.length).toBe(result.createdIds.length);
    expect(coded.length).toBeGreaterThan(0);
    expect(coded.every((a) => a.exact === '新質生產力')).toBe(true);
    const doc = coded[0].documentId;
    const other = await call('themes.create', { name: 'U' });
    const one = await call('annotations.autocode', { query: '新质生产力', themeId: other.id, documentIds: [doc] });
    expect(new Set((await call('annotations.list', { themeId: other.id })).map((a) => a.documentId))).toEqual(new Set([doc]));
    // The exact-script highlights sit on exactly these occurrences: they gain the theme.
    expect(one.taggedIds.length).toBeGreaterThan(0);
    expect(one.taggedIds.every((id) => coded.some((a) => a.id === id))).toBe(true);
  });
});

describe('command line: codebook commands', () => {
  async function run(lib: string, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['--library', lib, ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('moves, merges, deletes, autocodes, retrieves and analyses from the command line', async () => {
    const lib = tempDir();
    await run(lib, 'themes', 'add', '科技创新');
    await run(lib, 'themes', 'add', '关键技术');
    await run(lib, 'themes', 'add', '生产力');
    expect((await run(lib, 'themes', 'move', '关键技术', '--parent', '科技创新')).out).toBe('科技创新  0\n  关键技术  0\n生产力  0');
    expect((await run(lib, 'themes', 'move', '关键技术', '--top', '--index', '0')).out).toMatch(/^关键技术/);
    const coded = JSON.parse((await run(lib, 'autocode', '新质生产力', '--theme', '科技创新', '--json')).out);
    expect(coded.createdIds.length).toBeGreaterThan(100);
    await run(lib, 'autocode', '生产力', '--theme', '生产力');
    const retrieved = JSON.parse((await run(lib, 'retrieve', '--theme', '科技创新', '--theme', '生产力', '--any', '--json')).out);
    const all = JSON.parse((await run(lib, 'retrieve', '--theme', '科技创新', '--theme', '生产力', '--all', '--json')).out);
    expect(retrieved.length).toBeGreaterThan(all.length);
    const overlap = JSON.parse((await run(lib, 'cooccurrence', '--overlap', '--json')).out);
    expect(overlap.themes.map((t: { name: string }) => t.name)).toEqual(['关键技术', '科技创新', '生产力']);
    expect(overlap.counts[1][2]).toBe(coded.createdIds.length);
    const freq = JSON.parse((await run(lib, 'frequency', '--json')).out);
    expect(freq.find((f: { name: string }) => f.name === '科技创新').count).toBe(coded.createdIds.length);
    const words = JSON.parse((await run(lib, 'words', '--top', '5', '--json')).out);
    expect(words.words).toHaveLength(5);
    expect((await run(lib, 'words', '--theme', '科技创新', '--top', '1')).out).toMatch(/新质生产力/);
    expect((await run(lib, 'themes', 'merge', '生产力', '科技创新')).code).toBe(0);
    const deleted = JSON.parse((await run(lib, 'themes', 'delete', '科技创新', '--highlights', 'delete', '--json')).out);
    expect(deleted.deletedAnnotationIds.length).toBeGreaterThan(100);
    expect((await run(lib, 'themes', 'delete', '关键技术', '--highlights', 'nonsense')).code).toBe(2);
    expect((await run(lib, 'themes', 'list')).out).toMatch(/^#[0-9a-f]{6}  关键技术  0 highlights$/);
    expect((await run(lib, '--help')).out).toMatch(/autocode QUERY --theme NAME/);
  });
});
