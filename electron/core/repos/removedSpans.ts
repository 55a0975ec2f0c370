import type { CleaningRuleId, RemovedSpan } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { toRemovedSpan, type RemovedSpanRow } from './rows';
import { cachedStatement } from './statements';

export interface NewRemovedSpan {
  id: string;
  documentId: string;
  position: number;
  text: string;
  rule: CleaningRuleId;
  sourceOffset: number;
  author: string;
  now: string;
}

const INSERT_REMOVED_SPAN = `INSERT INTO removed_spans (id, document_id, position, text, rule, source_offset, author, created_at, modified_at)
  VALUES (@id, @documentId, @position, @text, @rule, @sourceOffset, @author, @now, @now)`;

export function insertRemovedSpan(db: Db, s: NewRemovedSpan): void {
  cachedStatement(db, INSERT_REMOVED_SPAN).run(s);
}

/** Spans not yet restored, in text order (ties in source order). */
export function listRemovedSpans(db: Db, documentId: string): RemovedSpan[] {
  const rows = db
    .prepare(
      `SELECT id, position, text, rule, source_offset FROM removed_spans WHERE document_id = ? AND restored_at IS NULL ORDER BY position, source_offset`,
    )
    .all(documentId) as RemovedSpanRow[];
  return rows.map(toRemovedSpan);
}

export function getRemovedSpan(db: Db, id: string): (RemovedSpan & { documentId: string; restoredAt: string | null }) | undefined {
  const row = db.prepare('SELECT *, document_id, restored_at FROM removed_spans WHERE id = ?').get(id) as
    | (RemovedSpanRow & { document_id: string; restored_at: string | null })
    | undefined;
  return row && { ...toRemovedSpan(row), documentId: row.document_id, restoredAt: row.restored_at };
}

export function markRestored(db: Db, id: string, now: string): void {
  db.prepare('UPDATE removed_spans SET restored_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
}

/** After text is inserted at `position`: later spans move by `delta` (ties after `sourceOffset` too). */
export function shiftSpansAfterInsert(db: Db, documentId: string, position: number, sourceOffset: number, delta: number, now: string): void {
  db.prepare(
    `UPDATE removed_spans SET position = position + @delta, modified_at = @now
     WHERE document_id = @documentId AND restored_at IS NULL AND (position > @position OR (position = @position AND source_offset > @sourceOffset))`,
  ).run({ documentId, position, sourceOffset, delta, now });
}

/** Moves the spans at or after `from` to another document, re-based by `delta`. */
export function moveSpans(db: Db, fromDocument: string, toDocument: string, from: number, delta: number, now: string): void {
  db.prepare(
    `UPDATE removed_spans SET document_id = @toDocument, position = max(0, position + @delta), modified_at = @now
     WHERE document_id = @fromDocument AND restored_at IS NULL AND position >= @from`,
  ).run({ fromDocument, toDocument, from, delta, now });
}

/** Where a span would go back after the text changed (a revision moves each span through its diff). */
export function setSpanPosition(db: Db, id: string, position: number, now: string): void {
  db.prepare('UPDATE removed_spans SET position = ?, modified_at = ? WHERE id = ?').run(position, now, id);
}

/**
 * Forgets the spans not restored: a re-import from a file cleaned the text anew and brings its own
 * spans (the text they held is either in the new text or among the new spans).
 */
export function discardUnrestoredSpans(db: Db, documentId: string): void {
  db.prepare('DELETE FROM removed_spans WHERE document_id = ? AND restored_at IS NULL').run(documentId);
}
