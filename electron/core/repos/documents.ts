import type { DocumentMetadata, DocumentRecord, DocumentSummary, ImportReport, Script, TextMark } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { listRemovedSpans } from './removedSpans';
import { toDocumentSummary, type DocumentRow } from './rows';
import { cachedStatement } from './statements';

const SUMMARY_COLUMNS = `d.id, d.title, d.source, d.byline, d.url, d.published_at, d.editor, d.script, d.collection_id, d.collection_order,
  d.text_length AS length, d.author, d.created_at, d.modified_at,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted_at IS NULL AND a.orphaned_at IS NULL) AS annotation_count,
  (SELECT count(*) FROM removed_spans r WHERE r.document_id = d.id AND r.restored_at IS NULL) AS removed_count`;

export type { DocumentMetadata };

export interface NewDocument extends DocumentMetadata {
  id: string;
  text: string;
  script: Script;
  marks: TextMark[];
  report: ImportReport | null;
  collectionId: string | null;
  collectionOrder: number;
  original: Buffer;
  originalName: string | null;
  contentHash: string;
  author: string;
  now: string;
}

const INSERT_DOCUMENT = `INSERT INTO documents (id, title, source, byline, editor, url, published_at, text, text_length, script, marks, import_report,
    collection_id, collection_order, original, original_name, content_hash, author, created_at, modified_at)
  VALUES (@id, @title, @source, @byline, @editor, @url, @publishedAt, @text, length(@text), @script, @marks, @report,
    @collectionId, @collectionOrder, @original, @originalName, @contentHash, @author, @now, @now)`;

export function insertDocument(db: Db, d: NewDocument): void {
  cachedStatement(db, INSERT_DOCUMENT).run({ ...d, marks: JSON.stringify(d.marks), report: d.report && JSON.stringify(d.report) });
}

/** Collections keep their file order; the rest by date, then title. */
const LIBRARY_ORDER = 'ORDER BY d.published_at IS NULL, d.published_at, d.collection_id IS NULL, d.collection_id, d.collection_order, d.title';

export function listDocuments(db: Db): DocumentSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.deleted_at IS NULL ${LIBRARY_ORDER}`).all() as DocumentRow[];
  return rows.map(toDocumentSummary);
}

/** The live ones of these documents, in library order: an export of a few reads a few, not the library. */
export function listDocumentsByIds(db: Db, ids: readonly string[]): DocumentSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) AND d.deleted_at IS NULL ${LIBRARY_ORDER}`)
    .all(JSON.stringify(ids)) as DocumentRow[];
  return rows.map(toDocumentSummary);
}

export function getDocumentSummary(db: Db, id: string): DocumentSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as DocumentRow | undefined;
  return row && toDocumentSummary(row);
}

export function getDocument(db: Db, id: string): DocumentRecord | undefined {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, d.text, d.marks, d.import_report FROM documents d WHERE d.id = ? AND d.deleted_at IS NULL`)
    .get(id) as (DocumentRow & { text: string; marks: string; import_report: string | null }) | undefined;
  if (!row) return undefined;
  return {
    ...toDocumentSummary(row),
    text: row.text,
    marks: JSON.parse(row.marks) as TextMark[],
    report: row.import_report ? (JSON.parse(row.import_report) as ImportReport) : null,
    removed: listRemovedSpans(db, id),
  };
}

export function isDeletedDocument(db: Db, id: string): boolean {
  const row = db.prepare('SELECT deleted_at FROM documents WHERE id = ?').get(id) as { deleted_at: string | null } | undefined;
  return !!row?.deleted_at;
}

export function findDocumentByHash(db: Db, hash: string): string | undefined {
  const row = db.prepare('SELECT id FROM documents WHERE content_hash = ? AND deleted_at IS NULL').get(hash) as { id: string } | undefined;
  return row?.id;
}

export function countDocuments(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL').get() as { n: number }).n;
}

export function updateText(db: Db, id: string, text: string, marks: TextMark[], now: string): void {
  // The stored length (migration 008) changes with the text, in the same statement.
  db.prepare('UPDATE documents SET text = @text, text_length = length(@text), marks = @marks, modified_at = @now WHERE id = @id').run({ text, marks: JSON.stringify(marks), now, id });
}

export function updateMetadata(db: Db, id: string, m: DocumentMetadata, now: string): void {
  db.prepare(
    `UPDATE documents SET title = @title, source = @source, byline = @byline, editor = @editor, url = @url, published_at = @publishedAt,
       modified_at = @now WHERE id = @id`,
  ).run({ ...m, id, now });
}

export function setDocumentDeleted(db: Db, id: string, deletedAt: string | null, now: string): void {
  db.prepare('UPDATE documents SET deleted_at = ?, modified_at = ? WHERE id = ?').run(deletedAt, now, id);
}

/** The next live document after this one in its collection, or in the library's list order. */
export function nextDocumentId(db: Db, id: string): string | undefined {
  const me = getDocumentSummary(db, id);
  if (!me) return undefined;
  if (me.collectionId) {
    const row = db
      .prepare(
        `SELECT id FROM documents WHERE collection_id = ? AND deleted_at IS NULL AND collection_order > ? ORDER BY collection_order LIMIT 1`,
      )
      .get(me.collectionId, me.collectionOrder) as { id: string } | undefined;
    return row?.id;
  }
  const list = listDocuments(db);
  const at = list.findIndex((d) => d.id === id);
  return list[at + 1]?.id;
}

/** Makes room after `order` in a collection for a document split off another. */
export function shiftCollectionOrder(db: Db, collectionId: string, after: number): void {
  db.prepare('UPDATE documents SET collection_order = collection_order + 1 WHERE collection_id = ? AND collection_order > ?').run(collectionId, after);
}

export function originalOf(db: Db, id: string): { original: Buffer; originalName: string | null; contentHash: string } | undefined {
  const row = db.prepare('SELECT original, original_name, content_hash FROM documents WHERE id = ?').get(id) as
    | { original: Buffer; original_name: string | null; content_hash: string }
    | undefined;
  return row && { original: row.original, originalName: row.original_name, contentHash: row.content_hash };
}

/** A document re-imported from a file as a new version (issue 8) takes that import's report. */
export function updateImportReport(db: Db, id: string, report: ImportReport, now: string): void {
  db.prepare('UPDATE documents SET import_report = ?, modified_at = ? WHERE id = ?').run(JSON.stringify(report), now, id);
}
