// What a library holds, counted for backups, the archive manifest and the migration guard.
import type { Db } from '../db/connection';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary tables (not SQLite's own, not the search index's virtual tables and their shadows). */
export function tableNames(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'search_vocabulary%'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

export function tableRowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tableNames(db)) counts[t] = db.prepare(`SELECT count(*) FROM ${quote(t)}`).pluck().get() as number;
  return counts;
}

/** Every row of a table in primary-key (else rowid) order, for lossless comparisons. */
export function tableRows(db: Db, table: string): unknown[] {
  const keys = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(table) as string[]).map(quote);
  const order = keys.length ? keys.join(', ') : 'rowid';
  return db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`).all();
}

export function hasTable(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** Whether the library holds anything a person made (a fresh or seed-only-to-be file has nothing to back up). */
export function hasUserData(db: Db): boolean {
  if (!hasTable(db, 'documents')) return false;
  return db.prepare('SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM themes) OR EXISTS (SELECT 1 FROM annotations)').pluck().get() === 1;
}

export interface LiveCounts {
  documents: number;
  themes: number;
  annotations: number;
  memos: number;
}

/** Live (not deleted) documents, themes and highlights, and memos with text. */
export function liveCounts(db: Db): LiveCounts {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    documents: count('SELECT count(*) FROM documents WHERE deleted_at IS NULL'),
    themes: count('SELECT count(*) FROM themes WHERE deleted_at IS NULL'),
    annotations: count('SELECT count(*) FROM annotations WHERE deleted_at IS NULL'),
    memos: hasTable(db, 'memos') ? count("SELECT count(*) FROM memos WHERE note_text <> ''") : 0,
  };
}
