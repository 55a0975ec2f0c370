// SQL of the analysis views: highlights per theme, theme co-occurrence, and the per-document
// word-count cache. Only live highlights in live documents count.
import type { Db } from '../db/connection';

// Placed highlights: orphaned ones (migration 006) count again once re-attached.
const LIVE = `a.deleted_at IS NULL AND a.orphaned_at IS NULL AND a.document_id NOT IN (SELECT id FROM documents WHERE deleted_at IS NOT NULL)`;
const json = (values: readonly string[]) => JSON.stringify(values);

/** Highlights coded with each theme itself, in the library (read from the co-occurrence table) or one document. */
export function ownThemeCounts(db: Db, documentId?: string): Map<string, number> {
  const rows = documentId
    ? (db
        .prepare(
          `SELECT at.theme_id AS id, count(*) AS n FROM annotation_themes at JOIN annotations a ON a.id = at.annotation_id
           WHERE ${LIVE} AND a.document_id = ? GROUP BY at.theme_id`,
        )
        .all(documentId) as { id: string; n: number }[])
    : (db.prepare('SELECT theme_a AS id, count AS n FROM theme_cooccurrence WHERE theme_a = theme_b').all() as { id: string; n: number }[]);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Distinct highlights coded with each live theme or any of its live sub-themes. */
export function subtreeThemeCounts(db: Db, documentId?: string): Map<string, number> {
  const rows = db
    .prepare(
      `WITH RECURSIVE up(theme_id, ancestor_id) AS (
         SELECT id, id FROM themes WHERE deleted_at IS NULL
         UNION ALL SELECT up.theme_id, t.parent_id FROM up JOIN themes t ON t.id = up.ancestor_id
           WHERE t.parent_id IS NOT NULL AND t.deleted_at IS NULL)
       SELECT up.ancestor_id AS id, count(DISTINCT at.annotation_id) AS n
       FROM annotation_themes at JOIN up ON up.theme_id = at.theme_id JOIN annotations a ON a.id = at.annotation_id
       WHERE ${LIVE} ${documentId ? 'AND a.document_id = @documentId' : ''} GROUP BY up.ancestor_id`,
    )
    .all({ documentId: documentId ?? null }) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** For each pair of the themes (a <= b), the highlights coded with both; a = b: with that theme. */
export function sameHighlightPairs(db: Db, themeIds: readonly string[]): { a: string; b: string; n: number }[] {
  return db
    .prepare(
      `WITH chosen(id) AS (SELECT value FROM json_each(?))
       SELECT theme_a AS a, theme_b AS b, count AS n FROM theme_cooccurrence WHERE theme_a IN chosen AND theme_b IN chosen AND count > 0`,
    )
    .all(json(themeIds)) as { a: string; b: string; n: number }[];
}

const COOCCURRENCE_FROM_LINKS = `SELECT x.theme_id AS a, y.theme_id AS b, count(*) AS n
  FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    JOIN annotations a ON a.id = x.annotation_id
  WHERE ${LIVE} GROUP BY x.theme_id, y.theme_id`;

/** The co-occurrence table's content computed from the links (what the triggers must keep equal). */
export function cooccurrenceFromLinks(db: Db): { a: string; b: string; n: number }[] {
  return db.prepare(COOCCURRENCE_FROM_LINKS).all() as { a: string; b: string; n: number }[];
}

/** Recomputes the co-occurrence table from the links, e.g. after editing the database by hand. */
export function rebuildCooccurrence(db: Db): void {
  db.exec(`DELETE FROM theme_cooccurrence; INSERT INTO theme_cooccurrence (theme_a, theme_b, count) ${COOCCURRENCE_FROM_LINKS}`);
}

export interface CodedRange {
  id: string;
  documentId: string;
  start: number;
  end: number;
  themeId: string;
}

/** Live highlights coded with any of the themes, one row per (highlight, theme), by document and start. */
export function codedRanges(db: Db, themeIds: readonly string[]): CodedRange[] {
  return db
    .prepare(
      `SELECT a.id, a.document_id AS documentId, a.start_offset AS start, a.end_offset AS "end", at.theme_id AS themeId
       FROM annotation_themes at JOIN annotations a ON a.id = at.annotation_id
       WHERE at.theme_id IN (SELECT value FROM json_each(?)) AND ${LIVE}
       ORDER BY a.document_id, a.start_offset, a.id`,
    )
    .all(json(themeIds)) as CodedRange[];
}

/** Every live highlight's range as [id, documentId, start, end], by document and start, from an index. */
export function liveRanges(db: Db): [string, string, number, number][] {
  return db
    .prepare(
      `SELECT id, document_id, start_offset, end_offset FROM annotations INDEXED BY annotations_ranges
       WHERE deleted_at IS NULL AND orphaned_at IS NULL AND document_id NOT IN (SELECT id FROM documents WHERE deleted_at IS NOT NULL)
       ORDER BY document_id, start_offset`,
    )
    .raw()
    .all() as [string, string, number, number][];
}

/** Each given highlight's theme ids (one primary-key lookup per highlight: cheaper than a join for a scattered few). */
export function themesOfAnnotations(db: Db, annotationIds: Iterable<string>): Map<string, string[]> {
  const stmt = db.prepare('SELECT theme_id FROM annotation_themes WHERE annotation_id = ?').pluck();
  const out = new Map<string, string[]>();
  for (const id of annotationIds) out.set(id, stmt.all(id) as string[]);
  return out;
}

// ---- word counts ----

export interface CachedWordCounts {
  documentId: string;
  textHash: string;
  total: number;
  /** [[word, count], ...] */
  counts: string;
}

export function cachedWordCounts(db: Db, documentIds: readonly string[]): Map<string, CachedWordCounts> {
  const rows = db
    .prepare(
      `SELECT document_id AS documentId, text_hash AS textHash, total, counts FROM word_counts
       WHERE document_id IN (SELECT value FROM json_each(?))`,
    )
    .all(json(documentIds)) as CachedWordCounts[];
  return new Map(rows.map((r) => [r.documentId, r]));
}

export function saveWordCounts(db: Db, c: CachedWordCounts): void {
  db.prepare(
    `INSERT INTO word_counts (document_id, text_hash, total, counts) VALUES (@documentId, @textHash, @total, @counts)
     ON CONFLICT(document_id) DO UPDATE SET text_hash = excluded.text_hash, total = excluded.total, counts = excluded.counts`,
  ).run(c);
}

/** Live documents' texts (all of them, or the given ones). */
export function liveDocumentTexts(db: Db, documentIds?: readonly string[]): { id: string; text: string }[] {
  if (documentIds)
    return db
      .prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
      .all(json(documentIds)) as { id: string; text: string }[];
  return db.prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL').all() as { id: string; text: string }[];
}
