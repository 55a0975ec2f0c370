import type { Memo } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { stamp, type StampColumns } from './rows';

interface MemoRow extends StampColumns {
  scope: 'document' | 'project';
  document_id: string | null;
  note_json: string | null;
  note_text: string;
}

const toMemo = (r: MemoRow): Memo => ({ scope: r.scope, documentId: r.document_id, noteJson: r.note_json, noteText: r.note_text, ...stamp(r) });

/** The project memo (documentId null) or a document's. */
export function getMemo(db: Db, documentId: string | null): Memo | undefined {
  const row = db.prepare(`SELECT * FROM memos WHERE scope = ? AND document_id IS ?`).get(documentId ? 'document' : 'project', documentId) as
    | MemoRow
    | undefined;
  return row && toMemo(row);
}

export function insertMemo(
  db: Db,
  m: { id: string; documentId: string | null; noteJson: string | null; noteText: string; author: string; now: string },
): void {
  db.prepare(
    `INSERT INTO memos (id, scope, document_id, note_json, note_text, author, created_at, modified_at)
     VALUES (@id, @scope, @documentId, @noteJson, @noteText, @author, @now, @now)`,
  ).run({ ...m, scope: m.documentId ? 'document' : 'project' });
}

export function updateMemo(db: Db, id: string, noteJson: string | null, noteText: string, now: string): void {
  db.prepare('UPDATE memos SET note_json = ?, note_text = ?, modified_at = ? WHERE id = ?').run(noteJson, noteText, now, id);
}
