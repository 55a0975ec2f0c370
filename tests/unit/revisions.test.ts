// Text versions and re-anchoring on a real library (issue 8): the seed cases (fix 发畏 → 发展 inside a
// highlight, restore removed text before one, re-import seed 004 cleaned differently), versions
// listed, read and restored, a stale base version refused, orphans kept and re-attached, the search
// index following, the migration giving an existing library its first versions, and the CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, RevisionReport } from '../../shared/domain';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { cooccurrenceFromLinks } from '../../electron/core/repos/analysis';
import { migrations } from '../../electron/core/db/migrations';
import { projectRoot } from '../../electron/core/paths';
import { api, type Call } from './api';
import { open, tempDir } from './helpers';

const seed004 = join(projectRoot, 'seeds', '004_6ef23374a67847c2.txt');

async function documentWith(call: Call, needle: string): Promise<DocumentRecord> {
  for (const d of await call('documents.list', {})) {
    const doc = await call('documents.get', { id: d.id });
    if (doc.text.includes(needle)) return doc;
  }
  throw new Error(`no document holds ${needle}`);
}

async function highlight(call: Call, doc: DocumentRecord, quote: string, note?: string) {
  const start = doc.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const a = await call('annotations.create', { documentId: doc.id, start, end: start + quote.length, themeIds: [] });
  return note ? call('annotations.updateNote', { id: a.id, noteJson: null, noteText: note }) : a;
}

const entryOf = (r: RevisionReport, id: string) => r.entries.find((e) => e.annotationId === id)!;

/** The co-occurrence table as its triggers keep it, and as counted from the links (placed highlights only). */
function cooccurrence(db: Db) {
  const nonZero = (rows: { a: string; b: string; n: number }[]) =>
    rows.filter((r) => r.n > 0).map((r) => `${r.a}|${r.b}|${r.n}`).sort();
  return {
    table: nonZero(db.prepare('SELECT theme_a AS a, theme_b AS b, count AS n FROM theme_cooccurrence').all() as never),
    links: nonZero(cooccurrenceFromLinks(db)),
  };
}

describe('text versions and re-anchoring', () => {
  it('fixes 发畏 → 发展 and 打嬴 → 打赢 inside highlights in seed 001: adjusted in place, the rest kept', async () => {
    const call = api(open());
    const doc = await documentWith(call, '发畏');
    const inside = await highlight(call, doc, '因地制宜发畏新质生产力', '错字');
    const before = await highlight(call, doc, doc.text.slice(20, 40));
    const after = await highlight(call, doc, doc.text.slice(doc.text.indexOf('发畏') + 40, doc.text.indexOf('发畏') + 70));
    const text = doc.text.replace('发畏', '发展');
    expect((await call('versions.list', { documentId: doc.id })).map((v) => [v.number, v.reason, v.current])).toEqual([[1, 'import', true]]);

    const r = await call('documents.revise', { id: doc.id, text, baseVersion: 1 });
    expect(r.version).toMatchObject({ number: 2, reason: 'edit', current: true });
    expect([r.kept, r.adjusted, r.orphaned]).toEqual([2, 1, 0]);
    expect(entryOf(r, inside.id)).toMatchObject({ outcome: 'adjusted', method: 'fuzzy', oldExact: '因地制宜发畏新质生产力', newExact: '因地制宜发展新质生产力' });
    expect(entryOf(r, inside.id).newStart).toBe(inside.start);
    expect(entryOf(r, before.id)).toMatchObject({ outcome: 'kept', newStart: before.start, newEnd: before.end });
    expect(entryOf(r, after.id)).toMatchObject({ outcome: 'kept', newStart: after.start });
    const placed = await call('annotations.list', { documentId: doc.id });
    expect(placed.find((a) => a.id === inside.id)).toMatchObject({ exact: '因地制宜发展新质生产力', noteText: '错字' });
    expect((await call('documents.get', { id: doc.id })).text).toBe(text);
    // The library list's length follows the new text (it is stored with it).
    await call('documents.revise', { id: doc.id, text: text.replace('因地制宜发展新质生产力', '因地制宜') });
    expect((await call('documents.list', {})).find((d) => d.id === doc.id)?.length).toBe(text.length - '发展新质生产力'.length);

    const other = await documentWith(call, '打嬴');
    const battle = await highlight(call, other, '坚决打嬴关键核心技术攻坚战');
    const fixed = await call('documents.revise', { id: other.id, text: other.text.replace('打嬴', '打赢') });
    expect(entryOf(fixed, battle.id)).toMatchObject({ outcome: 'adjusted', newExact: '坚决打赢关键核心技术攻坚战', newStart: battle.start });
  });

  it('lists, reads and restores versions; a stale base version is a conflict', async () => {
    const call = api(open());
    const doc = await documentWith(call, '发畏');
    const a = await highlight(call, doc, '因地制宜发畏新质生产力');
    const fixed = doc.text.replace('发畏', '发展');
    await call('documents.revise', { id: doc.id, text: fixed, baseVersion: 1 });
    await expect(call('documents.revise', { id: doc.id, text: doc.text, baseVersion: 1 })).rejects.toMatchObject({ code: 'conflict' });
    // Saving the same text again makes no version.
    expect(await call('documents.revise', { id: doc.id, text: fixed, baseVersion: 2 })).toMatchObject({ version: { number: 2 }, kept: 1 });

    const listed = await call('versions.list', { documentId: doc.id });
    expect(listed.map((v) => [v.number, v.reason, v.current])).toEqual([
      [2, 'edit', true],
      [1, 'import', false],
    ]);
    expect(listed[0].authorName).toBeTruthy();
    expect((await call('versions.get', { documentId: doc.id, number: 1 })).text).toBe(doc.text);
    expect((await call('versions.get', { documentId: doc.id, number: 2 })).text).toContain('因地制宜发展新质生产力');
    await expect(call('versions.get', { documentId: doc.id, number: 9 })).rejects.toMatchObject({ code: 'not_found' });

    const back = await call('versions.restore', { documentId: doc.id, number: 1 });
    expect(back.version).toMatchObject({ number: 3, reason: 'restoreVersion' });
    expect(entryOf(back, a.id)).toMatchObject({ outcome: 'adjusted', newExact: '因地制宜发畏新质生产力', newStart: a.start, newEnd: a.end });
    expect((await call('documents.get', { id: doc.id })).text).toBe(doc.text);
    expect((await call('versions.get', { documentId: doc.id, number: 2 })).text).toBe(doc.text.replace('发畏', '发展'));
  });

  it('restores a removed span before a highlight as a new version; a typed-in restore re-anchors too', async () => {
    const call = api(open());
    const docs = await Promise.all((await call('documents.list', {})).map((d) => call('documents.get', { id: d.id })));
    const doc = docs.find((d) => d.removed.some((s) => s.position > 40 && s.position < d.text.length - 80))!;
    const span = doc.removed.find((s) => s.position > 40 && s.position < doc.text.length - 80)!;
    const quote = doc.text.slice(span.position + 10, span.position + 30);
    const a = await highlight(call, doc, quote);
    const restored = await call('documents.restoreSpan', { id: doc.id, spanId: span.id });
    const moved = (await call('annotations.list', { documentId: doc.id })).find((x) => x.id === a.id)!;
    expect(moved.start).toBe(a.start + span.text.length);
    expect(restored.text.slice(moved.start, moved.end)).toBe(quote);
    expect((await call('versions.list', { documentId: doc.id }))[0]).toMatchObject({ number: 2, reason: 'restoreSpan' });

    // The same restore typed in the editor: the next removed span's text put back by hand.
    const next = restored.removed.find((s) => s.position < moved.start - 5)!;
    const typed = restored.text.slice(0, next.position) + next.text + restored.text.slice(next.position);
    const r = await call('documents.revise', { id: doc.id, text: typed });
    expect(entryOf(r, a.id)).toMatchObject({ outcome: 'adjusted', method: 'position', newExact: quote, newStart: moved.start + next.text.length });
  });

  it('re-imports seed 004 cleaned differently: glossed passages orphaned with their notes, placed again on the next re-import', async () => {
    const lib = open();
    const call = api(lib);
    const doc = (await Promise.all((await call('documents.list', {})).map((d) => call('documents.get', { id: d.id })))).find((d) =>
      d.report?.originalName?.startsWith('004'),
    )!;
    const plain = await highlight(call, doc, '也是最好的抓手');
    const glossed = await highlight(call, doc, '國家統計局副局長盛來運表示', '盛來運');
    const data = readFileSync(seed004).toString('base64');

    const raw = await call('documents.reviseFromFile', { id: doc.id, name: '004.txt', data, options: { disabledRules: ['pinyin'] } });
    const text = (await call('documents.get', { id: doc.id })).text;
    expect(text).toContain('國家統(tǒng)計局');
    expect(raw.version).toMatchObject({ number: 2, reason: 'file' });
    expect(entryOf(raw, plain.id)).toMatchObject({ outcome: 'adjusted', method: 'position', newExact: '也是最好的抓手' });
    expect(text.slice(entryOf(raw, plain.id).newStart!, entryOf(raw, plain.id).newEnd!)).toBe('也是最好的抓手');
    expect(entryOf(raw, glossed.id)).toMatchObject({ outcome: 'orphaned', newStart: null, method: null });
    const afterRaw = await call('documents.get', { id: doc.id });
    expect(afterRaw.removed.some((s) => s.rule === 'pinyin')).toBe(false);
    expect(afterRaw.report?.rules.some((r) => r.rule === 'pinyin')).toBe(false);

    // The orphan keeps its quote and note, is left out of painting, counts and exports.
    expect((await call('annotations.list', { documentId: doc.id })).map((a) => a.id)).toEqual([plain.id]);
    const orphans = await call('annotations.orphans', { documentId: doc.id });
    expect(orphans).toEqual([expect.objectContaining({ id: glossed.id, exact: '國家統計局副局長盛來運表示', noteText: '盛來運', orphanedAt: expect.any(String) })]);
    expect(await call('annotations.orphans', {})).toHaveLength(1);
    expect((await call('documents.list', {})).find((d) => d.id === doc.id)!.annotationCount).toBe(1);
    expect((await call('annotations.query', { documentId: doc.id })).total).toBe(1);
    const md = await call('export.file', { format: 'md', documentIds: [doc.id] });
    expect(md.data).toContain('也是最好的抓手');
    expect(md.data).not.toContain('盛來運');

    const cleaned = await call('documents.reviseFromFile', { id: doc.id, name: '004.txt', data, options: {} });
    expect(cleaned.version.number).toBe(3);
    expect(entryOf(cleaned, glossed.id)).toMatchObject({ outcome: 'adjusted', newStart: glossed.start, newEnd: glossed.end, method: 'quote' });
    expect(entryOf(cleaned, plain.id)).toMatchObject({ newStart: plain.start });
    expect(await call('annotations.orphans', { documentId: doc.id })).toEqual([]);
    expect((await call('documents.get', { id: doc.id })).removed.filter((s) => s.rule === 'pinyin')).toHaveLength(doc.removed.filter((s) => s.rule === 'pinyin').length);
  });

  it('orphans a highlight whose text was deleted, re-attaches it on a selection, and search follows the text', async () => {
    const lib = open();
    const call = api(lib);
    const theme = await call('themes.create', { name: '科技' });
    const doc = await documentWith(call, '持续深化对新质生产力的理论认识');
    const sentence = '要因地制宜谋发展,持续深化对新质生产力的理论认识和实践探索。';
    expect(doc.text).toContain(sentence);
    const other = await call('themes.create', { name: '理论' });
    const a = await call('annotations.create', { documentId: doc.id, start: doc.text.indexOf(sentence) + 9, end: doc.text.indexOf(sentence) + 29, themeIds: [theme.id, other.id] });
    await call('annotations.updateNote', { id: a.id, noteJson: null, noteText: '理论认识' });
    const r = await call('documents.revise', { id: doc.id, text: doc.text.replace(sentence, '') });
    expect(entryOf(r, a.id)).toMatchObject({ outcome: 'orphaned', oldExact: a.exact, newExact: null });
    expect((await call('themes.list', {}))[0].annotationCount).toBe(0);
    expect((await call('analysis.frequency', {}))[0]).toMatchObject({ count: 0, withSubthemes: 0 });
    expect((await call('analysis.cooccurrence', {})).counts).toEqual([
      [0, 0],
      [0, 0],
    ]);
    // Links changed on an orphan leave the counts as they are; re-attaching brings its pairs back.
    await call('annotations.removeTheme', { id: a.id, themeId: other.id });
    await call('annotations.addTheme', { id: a.id, themeId: other.id });
    const orphanedCounts = cooccurrence(lib.ctx.db);
    expect(orphanedCounts.table).toEqual(orphanedCounts.links);
    expect((await call('search.query', { query: '理论认识和实践探索', documentIds: [doc.id] })).total).toBe(0);

    const current = await call('documents.get', { id: doc.id });
    const start = current.text.indexOf('新质生产力');
    const back = await call('annotations.reattach', { id: a.id, start, end: start + 5 });
    expect(back).toMatchObject({ exact: '新质生产力', start, noteText: '理论认识', themeIds: [theme.id, other.id] });
    expect(await call('annotations.orphans', { documentId: doc.id })).toEqual([]);
    expect((await call('themes.list', {}))[0].annotationCount).toBe(1);
    expect((await call('analysis.cooccurrence', {})).counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
    const placedCounts = cooccurrence(lib.ctx.db);
    expect(placedCounts.table).toEqual(placedCounts.links);
    await expect(call('annotations.reattach', { id: a.id, start: 5, end: 5 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('annotations.reattach', { id: a.id, start: 0, end: current.text.length + 1 })).rejects.toMatchObject({ code: 'invalid_input' });

    expect((await call('search.query', { query: '量子纠缠通信', documentIds: [doc.id] })).total).toBe(0);
    await call('documents.revise', { id: doc.id, text: current.text + '\n补写一段：量子纠缠通信。' });
    expect((await call('search.query', { query: '量子纠缠通信', documentIds: [doc.id] })).total).toBe(1);
  });

  it('saves versions for splits and merges, and orphans follow a merged document', async () => {
    const call = api(open());
    const docs = await Promise.all((await call('documents.list', {})).map((d) => call('documents.get', { id: d.id })));
    // An article of a collection (the split-off part becomes the next one): its title line, then its body.
    const doc = docs.find((d) => d.collectionId && d.text.includes('\n'))!;
    const at = doc.text.indexOf('\n') + 1;
    const { second } = await call('documents.split', { id: doc.id, at });
    expect((await call('versions.list', { documentId: doc.id })).map((v) => v.reason)).toEqual(['split', 'import']);
    expect((await call('versions.list', { documentId: second.id })).map((v) => v.reason)).toEqual(['split']);
    const secondDoc = await call('documents.get', { id: second.id });
    const orphan = await highlight(call, secondDoc, secondDoc.text.slice(5, 25));
    await call('documents.revise', { id: second.id, text: secondDoc.text.slice(40) });
    expect(await call('annotations.orphans', { documentId: second.id })).toHaveLength(1);
    await call('documents.mergeWithNext', { id: doc.id });
    expect((await call('versions.list', { documentId: doc.id }))[0]).toMatchObject({ number: 3, reason: 'merge' });
    expect((await call('annotations.orphans', { documentId: doc.id })).map((o) => o.id)).toEqual([orphan.id]);
  });

  it('gives every document of an existing library its first version when migrating', () => {
    const file = join(tempDir(), 'old.sqlite');
    const raw = new Database(file);
    for (const m of migrations.slice(0, 5)) raw.exec(m.sql);
    raw.pragma('user_version = 5');
    raw.prepare("INSERT INTO users (id, name, created_at, modified_at) VALUES ('u', 'reader', 't', 't')").run();
    const insert = raw.prepare(
      "INSERT INTO documents (id, title, text, original, content_hash, author, created_at, modified_at) VALUES (?, ?, ?, x'', ?, 'u', '2024-01-01T00:00:00Z', 't')",
    );
    insert.run('d1', 'one', '第一篇', 'h1');
    insert.run('d2', 'two', '第二篇文字', 'h2');
    raw.close();
    const db = openDatabase(file);
    const rows = db.prepare('SELECT document_id, number, reason, text, length, author, created_at FROM document_versions ORDER BY document_id').all();
    expect(rows).toEqual([
      { document_id: 'd1', number: 1, reason: 'import', text: null, length: 3, author: 'u', created_at: '2024-01-01T00:00:00Z' },
      { document_id: 'd2', number: 1, reason: 'import', text: null, length: 5, author: 'u', created_at: '2024-01-01T00:00:00Z' },
    ]);
    const ids = db.prepare('SELECT id FROM document_versions').pluck().all() as string[];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    db.close();
  });
});

// The real bin, in a child process, as in cli.test.ts.
function pizhu(lib: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(projectRoot, 'bin', 'pizhu.mjs'), '--library', lib, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('pizhu revise and versions', () => {
  it('revises from an edited text file and from a file re-imported with other rules, reporting each highlight as JSON', () => {
    const lib = tempDir();
    const docs = JSON.parse(pizhu(lib, 'list', '--json').out) as { id: string; title: string }[];
    const id = docs.find((d) => d.title.includes('三个维度'))!.id;
    const a = JSON.parse(pizhu(lib, 'annotate', id, '--quote', '因地制宜发畏新质生产力', '--json').out) as { id: string; start: number };
    const file = join(tempDir(), 'fixed.txt');
    writeFileSync(file, pizhu(lib, 'show', id, '--text').out.replace('发畏', '发展'));

    const r = pizhu(lib, 'revise', id, '--from', file, '--raw', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as RevisionReport;
    expect(report).toMatchObject({ version: { number: 2, reason: 'edit' }, kept: 0, adjusted: 1, orphaned: 0 });
    expect(report.entries).toEqual([
      expect.objectContaining({ annotationId: a.id, outcome: 'adjusted', oldStart: a.start, newStart: a.start, newExact: '因地制宜发展新质生产力' }),
    ]);
    const versions = JSON.parse(pizhu(lib, 'versions', id, '--json').out) as { number: number; reason: string; current: boolean }[];
    expect(versions.map((v) => [v.number, v.reason, v.current])).toEqual([
      [2, 'edit', true],
      [1, 'import', false],
    ]);

    const id004 = docs.find((d) => d.title.startsWith('4月16日'))!.id;
    const glossed = JSON.parse(pizhu(lib, 'annotate', id004, '--quote', '國家統計局副局長盛來運表示', '--json').out) as { id: string };
    const reimport = JSON.parse(pizhu(lib, 'revise', id004, '--from', seed004, '--disable', 'pinyin', '--json').out) as RevisionReport;
    expect(reimport).toMatchObject({ version: { number: 2, reason: 'file' }, orphaned: 1 });
    expect(reimport.entries[0]).toMatchObject({ annotationId: glossed.id, outcome: 'orphaned', newStart: null });
    expect(pizhu(lib, 'revise', id004, '--from', seed004).out).toMatch(
      /^version 3 \(file, \d+ chars\): 0 kept, 1 adjusted, 0 orphaned\nadjusted +\[\d+, \d+\)(?: → \[\d+, \d+\))? {2}「國家統計局副局長盛來運表示」 {2}\(quote\)$/m,
    );
  });
});
