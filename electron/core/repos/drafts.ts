// Edit-mode drafts (migration 007): one live row per document and user; a discarded row stays until
// that user's next discard of the same document, so that the discard can be undone.
import type { Db } from '../db/connection';

export interface DraftRow {
  id: string;
  documentId: string;
  text: string;
  baseVersion: number;
  baseHash: string;
  author: string;
  createdAt: string;
  modifiedAt: string;
  discardedAt: string | null;
}

const COLUMNS = `id, document_id AS documentId, text, base_version AS baseVersion, base_hash AS baseHash, author,
  created_at AS createdAt, modified_at AS modifiedAt, discarded_at AS discardedAt`;

/** A live document's current text alone (a draft is compared with it on every write: no marks, spans or report). */
export function liveDocumentText(db: Db, documentId: string): string | undefined {
  return db.prepare('SELECT text FROM documents WHERE id = ? AND deleted_at IS NULL').pluck().get(documentId) as string | undefined;
}

export function liveDraft(db: Db, documentId: string, author: string): DraftRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM document_drafts WHERE document_id = ? AND author = ? AND discarded_at IS NULL`).get(documentId, author) as
    | DraftRow
    | undefined;
}

export function draftById(db: Db, id: string): DraftRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM document_drafts WHERE id = ?`).get(id) as DraftRow | undefined;
}

export interface DraftWrite {
  documentId: string;
  author: string;
  text: string;
  baseVersion: number;
  baseHash: string;
  now: string;
}

/** Writes the live draft (created on the first write, its creation time kept after). */
export function upsertLiveDraft(db: Db, d: DraftWrite, newId: () => string): { id: string; createdAt: string } {
  const existing = db
    .prepare('SELECT id, created_at AS createdAt FROM document_drafts WHERE document_id = ? AND author = ? AND discarded_at IS NULL')
    .get(d.documentId, d.author) as { id: string; createdAt: string } | undefined;
  if (existing) {
    db.prepare('UPDATE document_drafts SET text = ?, base_version = ?, base_hash = ?, modified_at = ? WHERE id = ?').run(
      d.text,
      d.baseVersion,
      d.baseHash,
      d.now,
      existing.id,
    );
    return existing;
  }
  const id = newId();
  db.prepare(
    `INSERT INTO document_drafts (id, document_id, text, base_version, base_hash, author, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, d.documentId, d.text, d.baseVersion, d.baseHash, d.author, d.now, d.now);
  return { id, createdAt: d.now };
}

/** Sets the live draft aside; the one set aside before it goes for good. Returns the id set aside. */
export function discardLiveDraft(db: Db, documentId: string, author: string, now: string): string | undefined {
  const live = db
    .prepare('SELECT id FROM document_drafts WHERE document_id = ? AND author = ? AND discarded_at IS NULL')
    .pluck()
    .get(documentId, author) as string | undefined;
  if (!live) return undefined;
  db.prepare('DELETE FROM document_drafts WHERE document_id = ? AND author = ? AND discarded_at IS NOT NULL').run(documentId, author);
  db.prepare('UPDATE document_drafts SET discarded_at = ? WHERE id = ?').run(now, live);
  return live;
}

/** Makes a discarded draft live again (the caller checks that no other is live). */
export function undiscardDraft(db: Db, id: string): void {
  db.prepare('UPDATE document_drafts SET discarded_at = NULL WHERE id = ?').run(id);
}

/** Removes the live draft for good: its text was saved as a version, or it equals its starting text. */
export function deleteLiveDraft(db: Db, documentId: string, author: string): boolean {
  return db.prepare('DELETE FROM document_drafts WHERE document_id = ? AND author = ? AND discarded_at IS NULL').run(documentId, author).changes > 0;
}
