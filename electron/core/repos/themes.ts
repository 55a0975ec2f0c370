import type { Theme } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { toTheme, type ThemeRow } from './rows';

const COLUMNS = `t.id, t.parent_id, t.name, t.color, t.description, t.sort_order, t.author, t.created_at, t.modified_at,
  t.memo_json, t.memo_text, t.pinned, t.questions,
  coalesce((SELECT c.count FROM theme_cooccurrence c WHERE c.theme_a = t.id AND c.theme_b = t.id), 0) AS annotation_count`;

/**
 * Live themes in codebook order: depth first, siblings by sort order, so a flat list reads as the
 * tree. A theme whose parent is gone (deleted on its own before) shows at the top level.
 */
export function listThemes(db: Db): Theme[] {
  const themes = (db.prepare(`SELECT ${COLUMNS} FROM themes t WHERE t.deleted_at IS NULL ORDER BY t.sort_order, t.created_at`).all() as ThemeRow[]).map(
    toTheme,
  );
  const live = new Set(themes.map((t) => t.id));
  const children = new Map<string | null, Theme[]>();
  for (const t of themes) {
    const parent = t.parentId && live.has(t.parentId) ? t.parentId : null;
    const list = children.get(parent);
    if (list) list.push(t);
    else children.set(parent, [t]);
  }
  const out: Theme[] = [];
  const visit = (parent: string | null) => {
    for (const t of children.get(parent) ?? []) {
      out.push(t);
      visit(t.id);
    }
  };
  visit(null);
  return out;
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
  db.prepare('UPDATE themes SET deleted_at = ?, deleted_with = NULL, modified_at = ? WHERE id = ?').run(deletedAt, now, id);
}

/** Live sub-themes at any depth (not the theme itself). */
export function descendantIds(db: Db, id: string): string[] {
  return db
    .prepare(
      `WITH RECURSIVE sub(id) AS (
         SELECT id FROM themes WHERE parent_id = ? AND deleted_at IS NULL
         UNION SELECT t.id FROM themes t JOIN sub ON t.parent_id = sub.id WHERE t.deleted_at IS NULL)
       SELECT id FROM sub`,
    )
    .pluck()
    .all(id) as string[];
}

/** Live themes with their parent, for walking the tree in memory. */
export function themeParents(db: Db): Map<string, string | null> {
  const rows = db.prepare('SELECT id, parent_id FROM themes WHERE deleted_at IS NULL').all() as { id: string; parent_id: string | null }[];
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** Marks sub-themes deleted together with `withId`, so that restoring it restores them. */
export function deleteAlong(db: Db, ids: readonly string[], withId: string, now: string): void {
  const stmt = db.prepare('UPDATE themes SET deleted_at = ?, deleted_with = ?, modified_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(now, withId, now, id);
}

export function deletedAlong(db: Db, withId: string): Theme[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM themes t WHERE t.deleted_with = ? AND t.deleted_at IS NOT NULL`).all(withId) as ThemeRow[]
  ).map(toTheme);
}

export function setParent(db: Db, id: string, parentId: string | null, now: string): void {
  db.prepare('UPDATE themes SET parent_id = ?, modified_at = ? WHERE id = ?').run(parentId, now, id);
}

/** Live children of a parent (null: the top level) in order. */
export function childIds(db: Db, parentId: string | null): string[] {
  return db
    .prepare(`SELECT id FROM themes WHERE parent_id IS ? AND deleted_at IS NULL ORDER BY sort_order, created_at`)
    .pluck()
    .all(parentId) as string[];
}

export function setSortOrder(db: Db, id: string, sortOrder: number): void {
  db.prepare('UPDATE themes SET sort_order = ? WHERE id = ?').run(sortOrder, id);
}

export function setMemo(db: Db, id: string, memoJson: string | null, memoText: string, now: string): void {
  db.prepare('UPDATE themes SET memo_json = ?, memo_text = ?, modified_at = ? WHERE id = ?').run(memoJson, memoText, now, id);
}

export function setQuestions(db: Db, id: string, questions: string, now: string): void {
  db.prepare('UPDATE themes SET questions = ?, modified_at = ? WHERE id = ?').run(questions, now, id);
}

/** The live theme holding a keyboard slot, if any. */
export function themeInSlot(db: Db, slot: number): string | undefined {
  return db.prepare('SELECT id FROM themes WHERE pinned = ? AND deleted_at IS NULL').pluck().get(slot) as string | undefined;
}

export function setPinned(db: Db, id: string, slot: number | null, now: string): void {
  db.prepare('UPDATE themes SET pinned = ?, modified_at = ? WHERE id = ?').run(slot, now, id);
}
