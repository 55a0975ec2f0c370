// SQL of the search index (migration 003): the queue of changed documents, the indexed documents
// with their folded text, the FTS5 token index, and what search reads from documents and annotations.
import type { Db } from '../db/connection';

export interface IndexedDocument {
  /** search_docs.id: the FTS rowid; never reused, so a text cached under it never changes. */
  id: number;
  documentId: string;
  length: number;
  /** The stored text has no characters that fold to simplified ones. */
  simplifiedIsText: boolean;
  title: string;
  source: string | null;
  publishedAt: string | null;
  collectionId: string | null;
}

export interface SearchAnnotation {
  id: string;
  documentId: string;
  start: number;
  end: number;
  noteText: string;
}

const ids = (values: readonly (string | number)[]) => JSON.stringify(values);

export function metaVersion(db: Db): number {
  return (db.prepare('SELECT meta_version AS v FROM search_state WHERE id = 1').get() as { v: number }).v;
}

export function bumpMetaVersion(db: Db): void {
  db.prepare('UPDATE search_state SET meta_version = meta_version + 1 WHERE id = 1').run();
}

export function hasDirty(db: Db): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM search_dirty)').pluck().get() === 1;
}

export function dirtyDocumentIds(db: Db, limit: number): string[] {
  return (db.prepare('SELECT document_id FROM search_dirty LIMIT ?').pluck().all(limit) as string[]);
}

export function clearDirty(db: Db, documentIds: string[]): void {
  db.prepare('DELETE FROM search_dirty WHERE document_id IN (SELECT value FROM json_each(?))').run(ids(documentIds));
}

/** Queues every live document and empties the index, for a rebuild from scratch. */
export function resetIndex(db: Db): number {
  db.prepare('DELETE FROM search_docs').run();
  db.prepare(`INSERT INTO search_index (search_index) VALUES ('delete-all')`).run();
  db.prepare('DELETE FROM search_dirty').run();
  return db.prepare('INSERT INTO search_dirty (document_id) SELECT id FROM documents WHERE deleted_at IS NULL').run().changes;
}

/** The text to index, or undefined when the document is gone or deleted. */
export function liveDocumentText(db: Db, documentId: string): string | undefined {
  return db.prepare('SELECT text FROM documents WHERE id = ? AND deleted_at IS NULL').pluck().get(documentId) as string | undefined;
}

export function removeFromIndex(db: Db, documentId: string): void {
  const id = db.prepare('SELECT id FROM search_docs WHERE document_id = ?').pluck().get(documentId) as number | undefined;
  if (id === undefined) return;
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(id);
  db.prepare('DELETE FROM search_docs WHERE id = ?').run(id);
}

export function addToIndex(db: Db, d: { documentId: string; length: number; simplified: string | null; tokens: string }): number {
  const id = Number(
    db.prepare('INSERT INTO search_docs (document_id, length, simplified) VALUES (?, ?, ?)').run(d.documentId, d.length, d.simplified).lastInsertRowid,
  );
  db.prepare('INSERT INTO search_index (rowid, tokens) VALUES (?, ?)').run(id, d.tokens);
  return id;
}

/** Whether the document's live text is still `text` (undefined: still gone or deleted), i.e. what was read for indexing is current. */
export function liveTextIs(db: Db, documentId: string, text: string | undefined): boolean {
  if (text === undefined) return liveDocumentText(db, documentId) === undefined;
  return db.prepare('SELECT EXISTS (SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL AND text = ?)').pluck().get(documentId, text) === 1;
}

/**
 * One bounded step of merging the index's segments (FTS5 'merge': about |pages| pages written). A negative
 * count starts a merge of every segment, as 'optimize' does at once; positive counts carry it on. False
 * once there was nothing left to merge.
 */
export function mergeIndexStep(db: Db, pages: number): boolean {
  const changes = db.prepare('SELECT total_changes()').pluck();
  const before = changes.get() as number;
  db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('merge', ?)`).run(pages);
  // FTS5's own test for "no work was done": fewer than two changes.
  return (changes.get() as number) - before >= 2;
}

export function matchIndex(db: Db, ftsQuery: string): number[] {
  return db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck().all(ftsQuery) as number[];
}

export function countMatches(db: Db, ftsQuery: string): number {
  return db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(ftsQuery) as number;
}

/** Best first by FTS5's BM25 over the token counts. */
export function rankedMatches(db: Db, ftsQuery: string, limit: number): number[] {
  return db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?').pluck().all(ftsQuery, limit) as number[];
}

/** Occurrences of a token in all indexed documents, or of every token starting with it. */
export function tokenOccurrences(db: Db, token: string, prefix: boolean): number {
  if (!prefix) return (db.prepare('SELECT coalesce(sum(cnt), 0) FROM search_vocabulary WHERE term = ?').pluck().get(token) as number) ?? 0;
  // Tokens sort by their UTF-8 bytes, which sort like code points: those starting with the prefix end before prefix+1.
  const last = token.codePointAt(token.length - (token.length > 1 && /[\udc00-\udfff]$/.test(token) ? 2 : 1))!;
  const upper = token.slice(0, token.length - (last > 0xffff ? 2 : 1)) + String.fromCodePoint(last + 1);
  return db.prepare('SELECT coalesce(sum(cnt), 0) FROM search_vocabulary WHERE term >= ? AND term < ?').pluck().get(token, upper) as number;
}

export function indexedDocuments(db: Db): IndexedDocument[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.document_id, s.length, typeof(s.simplified) = 'null' AS simplified_is_text,
              d.title, d.source, d.published_at, d.collection_id
         FROM search_docs s JOIN documents d ON d.id = s.document_id
        WHERE d.deleted_at IS NULL`,
    )
    .all() as {
    id: number;
    document_id: string;
    length: number;
    simplified_is_text: number;
    title: string;
    source: string | null;
    published_at: string | null;
    collection_id: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    length: r.length,
    simplifiedIsText: r.simplified_is_text === 1,
    title: r.title,
    source: r.source,
    publishedAt: r.published_at,
    collectionId: r.collection_id,
  }));
}

/** Texts in simplified characters by search_docs id (the stored text where it has no others). */
export function simplifiedTexts(db: Db, searchIds: readonly number[]): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT s.id, coalesce(s.simplified, d.text) AS simplified FROM search_docs s JOIN documents d ON d.id = s.document_id
        WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids(searchIds)) as { id: number; simplified: string }[];
  return new Map(rows.map((r) => [r.id, r.simplified]));
}

export function documentTexts(db: Db, documentIds: readonly string[]): Map<string, string> {
  const rows = db.prepare('SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(ids(documentIds)) as {
    id: string;
    text: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** Documents with a live highlight carrying one of the themes. */
export function documentsWithThemes(db: Db, themeIds: readonly string[]): Set<string> {
  const rows = db
    .prepare(
      `SELECT DISTINCT a.document_id FROM annotations a JOIN annotation_themes t ON t.annotation_id = a.id
        WHERE a.deleted_at IS NULL AND a.orphaned_at IS NULL AND t.theme_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(ids(themeIds)) as string[];
  return new Set(rows);
}

/** Live highlights on live documents, optionally only those carrying one of the themes, by position. */
export function searchAnnotations(db: Db, opts: { themeIds?: readonly string[]; withNotes?: boolean }): SearchAnnotation[] {
  const where = ['a.deleted_at IS NULL', 'a.orphaned_at IS NULL', 'd.deleted_at IS NULL'];
  if (opts.withNotes) where.push(`a.note_text <> ''`);
  if (opts.themeIds) where.push('EXISTS (SELECT 1 FROM annotation_themes t WHERE t.annotation_id = a.id AND t.theme_id IN (SELECT value FROM json_each(@themes)))');
  const rows = db
    .prepare(
      `SELECT a.id, a.document_id, a.start_offset, a.end_offset, a.note_text FROM annotations a JOIN documents d ON d.id = a.document_id
        WHERE ${where.join(' AND ')} ORDER BY a.document_id, a.start_offset, a.end_offset, a.id`,
    )
    .all(opts.themeIds ? { themes: ids(opts.themeIds) } : {}) as { id: string; document_id: string; start_offset: number; end_offset: number; note_text: string }[];
  return rows.map((r) => ({ id: r.id, documentId: r.document_id, start: r.start_offset, end: r.end_offset, noteText: r.note_text }));
}

/** Bytes on disk: the FTS5 token index, and search_docs with the simplified texts that differ from the stored ones. */
export function indexBytes(db: Db): { tokens: number; simplified: number } {
  const size = (where: string) => (db.prepare(`SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE ${where}`).get() as { n: number }).n;
  return { tokens: size(`name LIKE 'search_index%'`), simplified: size(`name = 'search_docs' OR name LIKE 'sqlite_autoindex_search_docs%'`) };
}
