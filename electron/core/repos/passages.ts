// What a passage shown out of its document needs from that document.
import type { Db } from '../db/connection';

export interface PassageSource {
  id: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  text: string;
}

export function passageSources(db: Db, documentIds: readonly string[]): Map<string, PassageSource> {
  const rows = db
    .prepare(
      `SELECT id, title, source, published_at AS publishedAt, text FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(documentIds)) as PassageSource[];
  return new Map(rows.map((r) => [r.id, r]));
}
