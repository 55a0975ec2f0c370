// Puts back a record's own creation and modification times (and author) when it comes in from an
// exchange file: the insert functions stamp "now", an imported highlight keeps the time it was made.
import type { Db } from '../db/connection';

const TABLES = ['documents', 'themes', 'annotations', 'memos', 'collections'] as const;
export type StampedTable = (typeof TABLES)[number];

export function setStamps(db: Db, table: StampedTable, id: string, s: { createdAt: string; modifiedAt: string; author?: string }): void {
  if (!TABLES.includes(table)) throw new Error(`No stamps on ${table}`);
  db.prepare(`UPDATE ${table} SET created_at = @createdAt, modified_at = @modifiedAt, author = coalesce(@author, author) WHERE id = @id`).run({
    id,
    createdAt: s.createdAt,
    modifiedAt: s.modifiedAt,
    author: s.author ?? null,
  });
}

/** Whether an id is taken in a table, by a live or a deleted record. */
export function idInUse(db: Db, table: StampedTable | 'users', id: string): boolean {
  if (!TABLES.includes(table as StampedTable) && table !== 'users') throw new Error(`Unknown table ${table}`);
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}
