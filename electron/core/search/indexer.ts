// Keeps the index in step with documents: the triggers of migration 003 queue every changed
// document id, and this indexes the queue in short write transactions so that the app's own
// writes (imports, edits) never wait long behind it.
import { foldForSearch, toSimplified } from '../../../shared/chinese';
import type { Db } from '../db/connection';
import * as repo from '../repos/search';
import { documentTokens } from './tokens';

/** Roughly how much text one write transaction indexes. */
const CHARS_PER_TRANSACTION = 2_000_000;
const IDS_PER_READ = 200;

/** Optimizing after a bulk change merges index segments; small changes are not worth it. */
const OPTIMIZE_AFTER_DOCUMENTS = 200;

function indexOne(db: Db, documentId: string): number {
  repo.removeFromIndex(db, documentId);
  const text = repo.liveDocumentText(db, documentId);
  if (text === undefined) return 0;
  const simplified = toSimplified(text);
  // Lower-casing commutes with the Han-only simplification, so this is foldForSearch(text).
  const folded = foldForSearch(simplified, false);
  repo.addToIndex(db, { documentId, length: text.length, simplified: simplified === text ? null : simplified, tokens: documentTokens(folded) });
  return text.length;
}

/** Indexes every queued document; returns how many were (re)indexed or removed. `onBatch` hears the running count after each transaction. */
export function catchUp(db: Db, onBatch?: (done: number) => void): number {
  // Most queries find nothing queued: don't take the write lock for them.
  if (!repo.hasDirty(db)) return 0;
  let done = 0;
  const batch = db.transaction(() => {
    let chars = 0;
    let count = 0;
    while (chars < CHARS_PER_TRANSACTION) {
      const queued = repo.dirtyDocumentIds(db, IDS_PER_READ);
      if (!queued.length) break;
      const handled: string[] = [];
      for (const id of queued) {
        chars += indexOne(db, id) + 1;
        handled.push(id);
        if (chars >= CHARS_PER_TRANSACTION) break;
      }
      repo.clearDirty(db, handled);
      count += handled.length;
    }
    if (count) repo.bumpMetaVersion(db);
    return count;
  });
  for (;;) {
    const count = batch.immediate();
    if (!count) break;
    done += count;
    onBatch?.(done);
  }
  if (done >= OPTIMIZE_AFTER_DOCUMENTS) db.transaction(() => repo.optimizeIndex(db)).immediate();
  return done;
}

/** Empties the index and builds it again from every live document; `onProgress` hears documents done of queued. */
export function rebuild(db: Db, onProgress?: (done: number, total: number) => void): number {
  const queued = db.transaction(() => repo.resetIndex(db)).immediate();
  onProgress?.(0, queued);
  catchUp(db, onProgress && ((done) => onProgress(Math.min(done, queued), queued)));
  db.transaction(() => repo.optimizeIndex(db)).immediate();
  return queued;
}
