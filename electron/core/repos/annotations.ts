import type { Annotation, TextAnchor } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { toAnnotation, type AnnotationRow } from './rows';

// Theme ids of live themes only, so a deleted theme disappears from highlights until restored.
const COLUMNS = `a.*, (SELECT json_group_array(at.theme_id ORDER BY t.sort_order) FROM annotation_themes at JOIN themes t ON t.id = at.theme_id
    WHERE at.annotation_id = a.id AND t.deleted_at IS NULL) AS theme_ids`;

export interface AnnotationFilter {
  documentId?: string;
  themeId?: string;
}

export function listAnnotations(db: Db, f: AnnotationFilter = {}): Annotation[] {
  const where = ['a.deleted_at IS NULL'];
  if (f.documentId) where.push('a.document_id = @documentId');
  if (f.themeId)
    where.push('EXISTS (SELECT 1 FROM annotation_themes at WHERE at.annotation_id = a.id AND at.theme_id = @themeId)');
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM annotations a WHERE ${where.join(' AND ')} ORDER BY a.document_id, a.start_offset, a.end_offset`)
    .all({ documentId: f.documentId ?? null, themeId: f.themeId ?? null }) as AnnotationRow[];
  return rows.map(toAnnotation);
}

export function getAnnotation(db: Db, id: string): Annotation | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM annotations a WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  return row && toAnnotation(row);
}

export interface NewAnnotation extends TextAnchor {
  id: string;
  documentId: string;
  author: string;
  now: string;
}

export function insertAnnotation(db: Db, a: NewAnnotation): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, start_offset, end_offset, exact, prefix, suffix, author, created_at, modified_at)
     VALUES (@id, @documentId, @start, @end, @exact, @prefix, @suffix, @author, @now, @now)`,
  ).run(a);
}

export function linkTheme(db: Db, annotationId: string, themeId: string, now: string): void {
  db.prepare('INSERT OR IGNORE INTO annotation_themes (annotation_id, theme_id, created_at) VALUES (?, ?, ?)').run(annotationId, themeId, now);
}

export function unlinkTheme(db: Db, annotationId: string, themeId: string): void {
  db.prepare('DELETE FROM annotation_themes WHERE annotation_id = ? AND theme_id = ?').run(annotationId, themeId);
}

export function updateNote(db: Db, id: string, noteJson: string | null, noteText: string, now: string): void {
  db.prepare('UPDATE annotations SET note_json = ?, note_text = ?, modified_at = ? WHERE id = ?').run(noteJson, noteText, now, id);
}

export function touchAnnotation(db: Db, id: string, now: string): void {
  db.prepare('UPDATE annotations SET modified_at = ? WHERE id = ?').run(now, id);
}

export function setAnnotationDeleted(db: Db, id: string, deletedAt: string | null, now: string): void {
  db.prepare('UPDATE annotations SET deleted_at = ?, modified_at = ? WHERE id = ?').run(deletedAt, now, id);
}

/** Live and deleted annotations alike: a text change must move every one of them. */
export function listAnchors(db: Db, documentId: string): { id: string; start: number; end: number }[] {
  return db
    .prepare('SELECT id, start_offset AS start, end_offset AS end FROM annotations WHERE document_id = ? ORDER BY start_offset')
    .all(documentId) as { id: string; start: number; end: number }[];
}

export function updateAnchor(db: Db, id: string, documentId: string, a: TextAnchor, now: string): void {
  db.prepare(
    `UPDATE annotations SET document_id = @documentId, start_offset = @start, end_offset = @end, exact = @exact, prefix = @prefix, suffix = @suffix,
       modified_at = @now WHERE id = @id`,
  ).run({ ...a, id, documentId, now });
}
