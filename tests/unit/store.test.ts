import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { openDatabase, schemaVersion } from '../../electron/core/db/connection';
import { DATABASE_FILE, seedFiles } from '../../electron/core/library';
import { bundledSeedsDir } from '../../electron/core/paths';
import { closeAndForget, open, tempDir, SEED_DOCUMENT_COUNT } from './helpers';

describe('database', () => {
  it('migrates an empty file to the current schema with WAL and foreign keys', () => {
    const file = join(tempDir(), 'x.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['documents', 'themes', 'annotations', 'annotation_themes', 'users']));
    db.close();
    // Re-opening runs nothing again.
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(migrations.length);
    again.close();
  });

  it('refuses a library written by a newer version', () => {
    const file = join(tempDir(), 'new.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Pizhu/);
  });

  it('rejects a highlight on a missing document (foreign keys)', () => {
    const lib = open({ seedsDir: null });
    expect(() =>
      lib.ctx.db
        .prepare("INSERT INTO annotations (id, document_id, start_offset, end_offset, exact, prefix, suffix, author, created_at, modified_at) VALUES ('a', 'missing', 0, 1, 'x', '', '', ?, 'now', 'now')")
        .run(lib.ctx.userId),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('first run', () => {
  it('imports the bundled seeds once, and not again on the second start', () => {
    const dir = tempDir();
    const first = open({ libraryDir: dir });
    const seeds = seedFiles(bundledSeedsDir);
    expect(seeds.length).toBe(5);
    expect(first.seedResults.map((r) => r.status)).toEqual(seeds.map(() => 'imported'));
    const docs = first.handlers['documents.list']({}) as { id: string }[];
    expect(docs).toHaveLength(SEED_DOCUMENT_COUNT);
    closeAndForget(first);

    const second = open({ libraryDir: dir });
    expect(second.seedResults).toEqual([]);
    expect(second.handlers['documents.list']({})).toHaveLength(SEED_DOCUMENT_COUNT);
    expect(readFileSync(join(dir, DATABASE_FILE)).length).toBeGreaterThan(0);
  });

  it('reads titles, sources and dates from the scraped pages', () => {
    const lib = open();
    const docs = lib.handlers['documents.list']({}) as { title: string; source: string | null; publishedAt: string | null }[];
    expect(docs).toContainEqual(expect.objectContaining({ title: '習近平總書記首次提到“新質生產力”', source: '新華社', publishedAt: '2023-09-11' }));
    expect(docs).toContainEqual(expect.objectContaining({ publishedAt: '2024-06-28' }));
  });
});

describe('bad input', () => {
  it('refuses binary junk and missing files with a clear message, keeps what is stored, imports GBK text', async () => {
    const { importPaths } = await import('../../electron/core/services/imports');
    const { writeFileSync } = await import('node:fs');
    const { randomBytes } = await import('node:crypto');
    const lib = open();
    const dir = tempDir();
    writeFileSync(join(dir, 'junk.txt'), randomBytes(5000));
    // 国家新质生产力 in GBK, no BOM.
    writeFileSync(join(dir, 'gbk.txt'), Buffer.from('b9fabcd2d0c2d6cac9fab2fac1a6', 'hex'));
    writeFileSync(join(dir, 'empty.txt'), '  \n\n ');
    writeFileSync(join(dir, 'x.exe'), 'MZ');
    const before = lib.handlers['documents.list']({}) as unknown[];
    const results = await importPaths(lib.ctx, ['junk.txt', 'gbk.txt', 'missing.txt', 'empty.txt', 'x.exe'].map((f) => join(dir, f)));
    expect(results.map((r) => r.status)).toEqual(['failed', 'imported', 'failed', 'failed', 'failed']);
    expect(results[0].error).toMatch(/binary/);
    expect(results[2].error).toBe('File not found.');
    expect(results[3].error).toMatch(/no text/);
    expect(results[4].error).toMatch(/No importer/);
    const gbk = lib.handlers['documents.get']({ id: results[1].documents[0].id }) as { text: string };
    expect(gbk.text).toBe('国家新质生产力');
    expect(results[1].encoding).toBe('gb18030');
    expect(lib.handlers['documents.list']({})).toHaveLength(before.length + 1);
  });
});
