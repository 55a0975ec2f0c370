import type { Theme } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { toTheme, type ThemeRow } from './rows';

const COLUMNS = `t.id, t.parent_id, t.name, t.color, t.description, t.sort_order, t.author, t.created_at, t.modified_at,
  (SELECT count(*) FROM annotation_themes at JOIN annotations a ON a.id = at.annotation_id
     WHERE at.theme_id = t.id AND a.deleted_at IS NULL) AS annotation_count`;

export function listThemes(db: Db): Theme[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM themes t WHERE t.deleted_at IS NULL ORDER BY t.sort_order, t.created_at`).all() as ThemeRow[]).map(
    toTheme,
  );
}

/** Also finds deleted themes, so that undo can restore them. */
export function getTheme(db: Db, id: string, includeDeleted = false): Theme | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM themes t WHERE t.id = ? ${includeDeleted ? '' : 'AND t.deleted_at IS NULL'}`)
    .get(id) as ThemeRow | undefined;
  return row && toTheme(row);
}

export function findThemeByName(db: Db, name: string): Theme | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM themes t WHERE t.name = ? AND t.deleted_at IS NULL`).get(name) as ThemeRow | undefined;
  return row && toTheme(row);
}

export function nextSortOrder(db: Db): number {
  return (db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM themes').get() as { n: number }).n;
}

export interface NewTheme {
  id: string;
  parentId: string | null;
  name: string;
  color: string;
  description: string;
  sortOrder: number;
  author: string;
  now: string;
}

export function insertTheme(db: Db, t: NewTheme): void {
  db.prepare(
    `INSERT INTO themes (id, parent_id, name, color, description, sort_order, author, created_at, modified_at)
     VALUES (@id, @parentId, @name, @color, @description, @sortOrder, @author, @now, @now)`,
  ).run(t);
}

export function updateTheme(db: Db, id: string, patch: { name?: string; color?: string; description?: string }, now: string): void {
  db.prepare(
    `UPDATE themes SET name = coalesce(@name, name), color = coalesce(@color, color),
       description = coalesce(@description, description), modified_at = @now WHERE id = @id`,
  ).run({ id, name: patch.name ?? null, color: patch.color ?? null, description: patch.description ?? null, now });
}

/** Soft delete: links stay, so a restore brings back every highlight's theme. */
export function setThemeDeleted(db: Db, id: string, deletedAt: string | null, now: string): void {
  db.prepare('UPDATE themes SET deleted_at = ?, modified_at = ? WHERE id = ?').run(deletedAt, now, id);
}
