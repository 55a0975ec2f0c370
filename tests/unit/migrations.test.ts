// Upgrades: a library is built at every earlier schema version (migrations 1..v applied to a fresh
// file, then data inserted with SQL for that version's tables), opened by this build, and checked:
// every row as written, the app's own reads, a backup of the old file taken before migrating. A new
// migration is covered for data of every earlier version without touching this file; data that a
// new version introduces gets a fixture below with its `since`.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/core/backup';
import { backupsDir, databaseFile } from '../../electron/core/backup/layout';
import { migrations } from '../../electron/core/db/migrations';
import { openLibrary } from '../../electron/core/library';
import { PizhuError } from '../../shared/errors';
import { api } from './api';
import { closeAndForget, open, tempDir } from './helpers';

type Row = Record<string, string | number | Buffer | null>;

interface Fixture {
  /** The first schema version whose tables hold these rows. */
  since: number;
  rows: { table: string; key: string[]; row: Row }[];
}

const T = '2024-06-28T08:00:00.000Z';
/** Fixed UUIDs (ids are validated as UUIDs at the API), one per name. */
const ID = Object.fromEntries(
  ['u1', 'd1', 'd2', 'd3', 't1', 't2', 't3', 'a1', 'a2', 'a3', 'c1', 'r1', 'm1', 'm2', 'f1'].map((n, i) => [n, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`]),
) as Record<'u1' | 'd1' | 'd2' | 'd3' | 't1' | 't2' | 't3' | 'a1' | 'a2' | 'a3' | 'c1' | 'r1' | 'm1' | 'm2' | 'f1', string>;
const text1 = '发展新质生产力是推动高质量发展的内在要求和重要着力点。因地制宜发展新质生产力，要防止一哄而上。';
const text3 = '第一篇\n\n科技創新是發展新質生產力的核心要素。';

const row = (table: string, r: Row, key: string[] = ['id']) => ({ table, key, row: r });

const FIXTURES: Fixture[] = [
  {
    since: 1,
    rows: [
      row('users', { id: ID.u1, name: '研究者', created_at: T, modified_at: T }),
      row('documents', {
        id: ID.d1, title: '因地制宜发展新质生产力', source: '人民日报', byline: '评论员', url: 'https://example.cn/a', published_at: '2024-03-06',
        text: text1, original: Buffer.from(text1), original_name: 'a.txt', content_hash: 'h1', author: ID.u1, created_at: T, modified_at: T, deleted_at: null,
      }),
      row('documents', {
        id: ID.d2, title: '已删除', source: null, byline: null, url: null, published_at: null, text: '删去的文本', original: Buffer.from([0xef, 0xbb, 0xbf, 0x41]),
        original_name: null, content_hash: 'h2', author: ID.u1, created_at: T, modified_at: T, deleted_at: T,
      }),
      row('themes', { id: ID.t1, parent_id: null, name: '科技创新', color: '#4c78a8', description: '创新驱动', sort_order: 0, author: ID.u1, created_at: T, modified_at: T, deleted_at: null }),
      row('themes', { id: ID.t2, parent_id: ID.t1, name: '颠覆性技术', color: '#f58518', description: '', sort_order: 0, author: ID.u1, created_at: T, modified_at: T, deleted_at: null }),
      row('annotations', {
        id: ID.a1, document_id: ID.d1, start_offset: 0, end_offset: 7, exact: '发展新质生产力', prefix: '', suffix: '是推动高质量发展', note_json: null, note_text: '核心概念',
        author: ID.u1, created_at: T, modified_at: T, deleted_at: null,
      }),
      row('annotations', {
        id: ID.a2, document_id: ID.d1, start_offset: 28, end_offset: 32, exact: '因地制宜', prefix: '着力点。', suffix: '发展', note_json: null, note_text: '',
        author: ID.u1, created_at: T, modified_at: T, deleted_at: T,
      }),
      row('annotation_themes', { annotation_id: ID.a1, theme_id: ID.t1, created_at: T }, ['annotation_id', 'theme_id']),
      row('annotation_themes', { annotation_id: ID.a1, theme_id: ID.t2, created_at: T }, ['annotation_id', 'theme_id']),
      row('settings', { key: 'seeds.imported', value: T }, ['key']),
    ],
  },
  {
    since: 2,
    rows: [
      row('collections', { id: ID.c1, name: '合集', author: ID.u1, created_at: T, modified_at: T, deleted_at: null }),
      row('documents', {
        id: ID.d3, title: '第一篇', source: '新华社', byline: null, url: null, published_at: '2023-09-11', text: text3, original: Buffer.from(text3), original_name: 'b.txt',
        content_hash: 'h3', author: ID.u1, created_at: T, modified_at: T, deleted_at: null, editor: '编辑', script: 'traditional', collection_id: ID.c1, collection_order: 0,
        import_report: JSON.stringify({ format: 'txt', originalName: 'b.txt', encoding: 'utf-8', confidence: 1, rules: [], charsRemoved: 6, mojibakeParagraphs: 0, warnings: [] }),
        marks: JSON.stringify([{ start: 0, end: 3, kind: 'h1' }]),
      }),
      row('removed_spans', { id: ID.r1, document_id: ID.d3, position: 5, text: '主站蜘蛛池', rule: 'spam-links', source_offset: 5, author: ID.u1, created_at: T, modified_at: T, restored_at: null }),
      row('annotations', {
        id: ID.a3, document_id: ID.d3, start_offset: 5, end_offset: 9, exact: '科技創新', prefix: '第一篇\n\n', suffix: '是發展', note_json: null, note_text: '',
        author: ID.u1, created_at: T, modified_at: T, deleted_at: null,
      }),
      row('annotation_themes', { annotation_id: ID.a3, theme_id: ID.t1, created_at: T }, ['annotation_id', 'theme_id']),
    ],
  },
  {
    since: 5,
    rows: [
      row('themes', {
        id: ID.t3, parent_id: null, name: '因地制宜', color: '#54a24b', description: '', sort_order: 1, author: ID.u1, created_at: T, modified_at: T, deleted_at: null,
        memo_json: null, memo_text: '防止一哄而上', pinned: 1, questions: '如何因地制宜？', deleted_with: null,
      }),
      row('memos', { id: ID.m1, scope: 'project', document_id: null, note_json: null, note_text: '项目备忘', author: ID.u1, created_at: T, modified_at: T }),
      row('memos', { id: ID.m2, scope: 'document', document_id: ID.d1, note_json: null, note_text: '文本备忘', author: ID.u1, created_at: T, modified_at: T }),
      row('annotation_themes', { annotation_id: ID.a1, theme_id: ID.t3, created_at: T }, ['annotation_id', 'theme_id']),
    ],
  },
  {
    since: 7,
    rows: [
      row('document_drafts', {
        id: ID.f1, document_id: ID.d1, text: text1.replace('一哄而上', '一哄而起'), base_version: 1, base_hash: 'h', author: ID.u1, created_at: T, modified_at: T, discarded_at: null,
      }),
    ],
  },
];

/** A library file as schema version `version` left it, with the data each fixture up to it writes. */
function buildAt(dir: string, version: number): Fixture['rows'] {
  const db = new Database(databaseFile(dir));
  db.pragma('journal_mode = WAL');
  for (let v = 0; v < version; v++) {
    db.exec(migrations[v].sql);
    db.pragma(`user_version = ${v + 1}`);
  }
  const written = FIXTURES.filter((f) => f.since <= version).flatMap((f) => f.rows);
  db.transaction(() => {
    for (const { table, row: r } of written) {
      const cols = Object.keys(r);
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(r);
    }
  })();
  db.close();
  return written;
}

function rowsStillThere(file: string, written: Fixture['rows']): void {
  const db = new Database(file, { readonly: true });
  try {
    for (const { table, key, row: r } of written) {
      const found = db.prepare(`SELECT ${Object.keys(r).join(', ')} FROM ${table} WHERE ${key.map((k) => `${k} = @${k}`).join(' AND ')}`).get(r);
      expect(found, `${table} ${key.map((k) => r[k]).join('/')}`).toEqual(r);
    }
  } finally {
    db.close();
  }
}

const earlier = Array.from({ length: migrations.length - 1 }, (_, i) => i + 1);

describe('schema upgrades', () => {
  it.each(earlier)(`upgrades a library written at schema version %i to ${migrations.length} with its data intact`, async (version) => {
    const dir = tempDir();
    const written = buildAt(dir, version);
    const lib = open({ libraryDir: dir, seedsDir: null, userName: '研究者' });
    const call = api(lib);
    expect(lib.ctx.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(lib.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(lib.ctx.db.pragma('foreign_key_check')).toEqual([]);
    rowsStillThere(databaseFile(dir), written);

    // The app's own reads of the upgraded data.
    const docs = await call('documents.list', {});
    expect(docs.map((d) => d.id).sort()).toEqual(version >= 2 ? [ID.d1, ID.d3] : [ID.d1]);
    // The stored length (008) filled in for texts written before it.
    expect(docs.find((d) => d.id === ID.d1)?.length).toBe(text1.length);
    expect((await call('documents.get', { id: ID.d1 })).text).toBe(text1);
    const a1 = (await call('annotations.list', { documentId: ID.d1 })).find((a) => a.id === ID.a1);
    expect(a1).toMatchObject({ exact: '发展新质生产力', noteText: '核心概念', start: 0, end: 7 });
    expect(a1?.themeIds.sort()).toEqual(version >= 5 ? [ID.t1, ID.t2, ID.t3] : [ID.t1, ID.t2]);
    const themes = await call('themes.list', {});
    expect(themes.find((t) => t.id === ID.t2)?.parentId).toBe(ID.t1);
    const search = await call('search.query', { query: '一哄而上' });
    expect(search.groups.map((g) => g.documentId)).toEqual([ID.d1]);
    const frequency = await call('analysis.frequency', {});
    expect(frequency.find((f) => f.themeId === ID.t1)?.count).toBe(version >= 2 ? 2 : 1);
    if (version >= 2) {
      const d3 = await call('documents.get', { id: ID.d3 });
      expect(d3).toMatchObject({ editor: '编辑', script: 'traditional', collectionId: ID.c1, marks: [{ start: 0, end: 3, kind: 'h1' }] });
      expect(d3.removed.map((r) => r.text)).toEqual(['主站蜘蛛池']);
      expect((await call('search.query', { query: '科技创新' })).groups.map((g) => g.documentId)).toEqual([ID.d3]);
    }
    if (version >= 5) {
      expect((await call('memos.get', { scope: 'project' }))?.noteText).toBe('项目备忘');
      expect(themes.find((t) => t.id === ID.t3)).toMatchObject({ memoText: '防止一哄而上', pinned: 1, questions: '如何因地制宜？' });
    }
    // Edit-mode drafts (007): none before them; a draft kept with the text it holds.
    const draft = await call('drafts.get', { documentId: ID.d1 });
    if (version >= 7) expect(draft).toMatchObject({ id: ID.f1, text: text1.replace('一哄而上', '一哄而起'), baseVersion: 1 });
    else expect(draft).toBeNull();
    // Writing works on the upgraded file.
    await call('annotations.create', { documentId: ID.d1, start: 10, end: 14, themeIds: [ID.t1] });

    // The file as it was before the upgrade is kept, untouched, as a migration backup.
    const backups = listBackups(dir);
    expect(backups.map((b) => [b.reason, b.schemaVersion])).toEqual([['migration', version]]);
    rowsStillThere(join(backupsDir(dir), backups[0].name), written);
  });

  it('takes no migration backup of a new, empty library', () => {
    const dir = tempDir();
    closeAndForget(open({ libraryDir: dir, seedsDir: null }));
    expect(listBackups(dir)).toEqual([]);
  });

  it('refuses, with a clear message, a library from a newer Pizhu, and leaves it untouched', () => {
    const dir = tempDir();
    buildAt(dir, migrations.length);
    const db = new Database(databaseFile(dir));
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    let err: PizhuError | undefined;
    try {
      openLibrary({ libraryDir: dir, seedsDir: null });
    } catch (e) {
      err = e as PizhuError;
    }
    expect(err).toBeInstanceOf(PizhuError);
    expect(err?.code).toBe('unsupported');
    expect(err?.message).toMatch(new RegExp(`newer Pizhu \\(schema ${migrations.length + 1}, this build knows ${migrations.length}\\)\\. Please update Pizhu`));
    const after = new Database(databaseFile(dir), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    after.close();
    expect(listBackups(dir)).toEqual([]);
  });
});
