import type { DocumentRecord, DocumentSummary } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { toDocumentSummary, type DocumentRow } from './rows';

const SUMMARY_COLUMNS = `d.id, d.title, d.source, d.byline, d.url, d.published_at, length(d.text) AS length,
  d.author, d.created_at, d.modified_at,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted_at IS NULL) AS annotation_count`;

export interface NewDocument {
  id: string;
  title: string;
  source: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  original: Buffer;
  originalName: string | null;
  contentHash: string;
  author: string;
  now: string;
}

export function insertDocument(db: Db, d: NewDocument): void {
  db.prepare(
    `INSERT INTO documents (id, title, source, byline, url, published_at, text, original, original_name, content_hash, author, created_at, modified_at)
     VALUES (@id, @title, @source, @byline, @url, @publishedAt, @text, @original, @originalName, @contentHash, @author, @now, @now)`,
  ).run(d);
}

export function listDocuments(db: Db): DocumentSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.deleted_at IS NULL ORDER BY d.published_at IS NULL, d.published_at, d.title`)
    .all() as DocumentRow[];
  return rows.map(toDocumentSummary);
}

export function getDocument(db: Db, id: string): DocumentRecord | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as
    | (DocumentRow & { text: string })
    | undefined;
  return row && { ...toDocumentSummary(row), text: row.text };
}

export function findDocumentByHash(db: Db, hash: string): string | undefined {
  const row = db.prepare('SELECT id FROM documents WHERE content_hash = ? AND deleted_at IS NULL').get(hash) as { id: string } | undefined;
  return row?.id;
}

export function countDocuments(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL').get() as { n: number }).n;
}
