// Versions of a document's canonical text (migration 006). The current version's text is
// documents.text (its own column is NULL); older versions hold theirs.
import type { DocumentVersion, VersionReason } from '../../../shared/domain';
import type { Db } from '../db/connection';

interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  reason: VersionReason;
  length: number;
  author: string;
  author_name: string | null;
  created_at: string;
  current: number;
}

const COLUMNS = `v.id, v.document_id, v.number, v.reason, v.length, v.author, u.name AS author_name, v.created_at,
  v.number = (SELECT max(number) FROM document_versions c WHERE c.document_id = v.document_id) AS current`;

function toVersion(r: VersionRow): DocumentVersion {
  return {
    id: r.id,
    documentId: r.document_id,
    number: r.number,
    reason: r.reason,
    length: r.length,
    author: r.author,
    authorName: r.author_name ?? '',
    createdAt: r.created_at,
    current: r.current === 1,
  };
}

/** Newest first. */
export function listVersions(db: Db, documentId: string): DocumentVersion[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM document_versions v LEFT JOIN users u ON u.id = v.author WHERE v.document_id = ? ORDER BY v.number DESC`)
    .all(documentId) as VersionRow[];
  return rows.map(toVersion);
}

export function getVersion(db: Db, documentId: string, number: number): { version: DocumentVersion; text: string } | undefined {
  const row = db
    .prepare(
      `SELECT ${COLUMNS}, coalesce(v.text, d.text) AS text FROM document_versions v LEFT JOIN users u ON u.id = v.author
         JOIN documents d ON d.id = v.document_id WHERE v.document_id = ? AND v.number = ?`,
    )
    .get(documentId, number) as (VersionRow & { text: string }) | undefined;
  return row && { version: toVersion(row), text: row.text };
}

export function currentVersionNumber(db: Db, documentId: string): number {
  return (db.prepare('SELECT coalesce(max(number), 0) FROM document_versions WHERE document_id = ?').pluck().get(documentId) as number) || 0;
}

export interface NewVersion {
  documentId: string;
  reason: VersionReason;
  /** The text being replaced (kept with the outgoing version) and the new current text. */
  previousText: string;
  text: string;
  author: string;
  now: string;
}

/**
 * Records a new current version. Call with the texts before and after; documents.text is written by
 * the caller. A document without versions (written before its first one) gets the outgoing text as 1.
 */
export function addVersion(db: Db, v: NewVersion, newId: () => string): number {
  const current = currentVersionNumber(db, v.documentId);
  if (current === 0) {
    db.prepare(
      `INSERT INTO document_versions (id, document_id, number, reason, text, length, author, created_at)
       VALUES (?, ?, 1, 'import', ?, length(?), ?, ?)`,
    ).run(newId(), v.documentId, v.previousText, v.previousText, v.author, v.now);
  } else {
    db.prepare('UPDATE document_versions SET text = ? WHERE document_id = ? AND number = ? AND text IS NULL').run(v.previousText, v.documentId, current);
  }
  const number = Math.max(current, 1) + 1;
  db.prepare(
    `INSERT INTO document_versions (id, document_id, number, reason, text, length, author, created_at)
     VALUES (?, ?, ?, ?, NULL, length(?), ?, ?)`,
  ).run(newId(), v.documentId, number, v.reason, v.text, v.author, v.now);
  return number;
}

/** A document's first version gets another reason (the second half of a split starts as 'split'). */
export function setFirstVersionReason(db: Db, documentId: string, reason: VersionReason): void {
  db.prepare('UPDATE document_versions SET reason = ? WHERE document_id = ? AND number = 1').run(reason, documentId);
}
