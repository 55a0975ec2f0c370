import type { Collection } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { toCollection, type CollectionRow } from './rows';

export function insertCollection(db: Db, c: { id: string; name: string; author: string; now: string }): void {
  db.prepare('INSERT INTO collections (id, name, author, created_at, modified_at) VALUES (@id, @name, @author, @now, @now)').run(c);
}

export function listCollections(db: Db): Collection[] {
  const rows = db
    .prepare(
      `SELECT c.*, (SELECT count(*) FROM documents d WHERE d.collection_id = c.id AND d.deleted_at IS NULL) AS document_count
       FROM collections c WHERE c.deleted_at IS NULL ORDER BY c.name`,
    )
    .all() as CollectionRow[];
  return rows.map(toCollection);
}
