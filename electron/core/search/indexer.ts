// Keeps the index in step with documents: the triggers of migration 003 queue every changed
// document id, and this indexes the queue. Reading and tokenising a batch happen outside any lock;
// only writing it takes the write lock, in a short transaction that first checks each text is still
// the one read. Between two such transactions the lock stays free long enough for a writer waiting
// in SQLite's busy handler (the app saving a revision) to get in: the index catches up around the
// app's writes instead of holding them up for seconds.
import { foldForSearch, toSimplified } from '../../../shared/chinese';
import type { Db } from '../db/connection';
import * as repo from '../repos/search';
import { documentTokens } from './tokens';

/**
 * How long one batch should hold the write lock. Batches are sized in characters, starting at
 * FIRST_BATCH_CHARS and scaled after each write by how long it held the lock (replacing an indexed
 * text costs several times more than adding one; a busy machine makes everything slower).
 */
const TARGET_HOLD_MS = 150;
const FIRST_BATCH_CHARS = 1_000_000;
const MIN_BATCH_CHARS = 50_000;
const MAX_BATCH_CHARS = 4_000_000;
const IDS_PER_BATCH = 1_000;

/**
 * The least time the write lock stays free between two of the indexer's transactions. SQLite's busy
 * handler sleeps at most 100 ms between tries, so a writer waiting for the lock wakes inside any gap
 * this long. Reading and tokenising the next batch often takes that long already; only the rest is slept.
 */
const LOCK_FREE_MS = 110;

/** Optimizing after a bulk change merges index segments; small changes are not worth it. */
const OPTIMIZE_AFTER_DOCUMENTS = 200;
/** FTS5 pages (4 KB each) one merge step writes: about the batches' hold of the lock. */
const MERGE_PAGES_PER_STEP = 4_000;

/** Rounds in which every prepared text had changed before it could be written, before leaving them queued for next time. */
const STALE_ROUNDS = 3;

interface Prepared {
  documentId: string;
  /** The live text that was read; undefined when the document is gone or deleted (taken out of the index). */
  text: string | undefined;
  entry?: { documentId: string; length: number; simplified: string | null; tokens: string };
}

function prepare(db: Db, documentId: string): Prepared {
  const text = repo.liveDocumentText(db, documentId);
  if (text === undefined) return { documentId, text };
  const simplified = toSimplified(text);
  // Lower-casing commutes with the Han-only simplification, so this is foldForSearch(text).
  const folded = foldForSearch(simplified, false);
  return { documentId, text, entry: { documentId, length: text.length, simplified: simplified === text ? null : simplified, tokens: documentTokens(folded) } };
}

/**
 * Reads and tokenises the next queued documents, about `maxChars` characters (at least one document), without
 * a write lock. Documents in `indexed` were written by this catch-up already: queued again since, they wait for the next.
 */
function prepareBatch(db: Db, maxChars: number, indexed: ReadonlySet<string>): { batch: Prepared[]; chars: number } {
  const batch: Prepared[] = [];
  let chars = 0;
  for (const id of repo.dirtyDocumentIds(db, IDS_PER_BATCH + indexed.size)) {
    if (indexed.has(id)) continue;
    const p = prepare(db, id);
    batch.push(p);
    chars += (p.text?.length ?? 0) + 1;
    if (chars >= maxChars || batch.length >= IDS_PER_BATCH) break;
  }
  return { batch, chars };
}

/** Writes a prepared batch; a document whose text changed since it was read stays queued. Returns the ids written. */
function writeBatch(db: Db, batch: Prepared[]): string[] {
  const handled: string[] = [];
  for (const p of batch) {
    if (!repo.liveTextIs(db, p.documentId, p.text)) continue;
    repo.removeFromIndex(db, p.documentId);
    if (p.entry) repo.addToIndex(db, p.entry);
    handled.push(p.documentId);
  }
  repo.clearDirty(db, handled);
  if (handled.length) repo.bumpMetaVersion(db);
  return handled;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The indexer's side of the write lock: each transaction starts at least LOCK_FREE_MS after the previous one ended. */
class LockTurns {
  private freedAt = -Infinity;

  constructor(private readonly db: Db) {}

  /** Runs `write` in a write transaction; returns its value and how long it held the lock. */
  take<T>(write: () => T): { value: T; heldMs: number } {
    const wait = this.freedAt + LOCK_FREE_MS - performance.now();
    // A synchronous sleep: the indexer runs in the search worker's or a job's thread (the CLI's, in process).
    if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
    const began = performance.now();
    const value = this.db.transaction(write).immediate();
    this.freedAt = performance.now();
    return { value, heldMs: this.freedAt - began };
  }
}

/** Indexes every queued document; returns how many were (re)indexed or removed. `onBatch` hears the running count after each transaction. */
export function catchUp(db: Db, onBatch?: (done: number) => void, turns = new LockTurns(db)): number {
  // Most queries find nothing queued: don't take the write lock for them.
  if (!repo.hasDirty(db)) return 0;
  const indexed = new Set<string>();
  let maxChars = FIRST_BATCH_CHARS;
  let staleRounds = 0;
  for (;;) {
    const { batch, chars } = prepareBatch(db, maxChars, indexed);
    if (!batch.length) break;
    const { value: written, heldMs } = turns.take(() => writeBatch(db, batch));
    const scaled = (chars * TARGET_HOLD_MS) / Math.max(1, heldMs);
    maxChars = Math.min(MAX_BATCH_CHARS, Math.max(MIN_BATCH_CHARS, Math.round(scaled)));
    // Every text of the batch changed while it was read (someone is editing it): leave it queued after a few tries.
    if (!written.length && ++staleRounds > STALE_ROUNDS) break;
    for (const id of written) indexed.add(id);
    if (written.length) onBatch?.(indexed.size);
  }
  if (indexed.size >= OPTIMIZE_AFTER_DOCUMENTS) mergeSegments(db, turns);
  return indexed.size;
}

/** Merges the index's segments (what FTS5's 'optimize' does at once) in bounded steps, each its own short transaction. */
function mergeSegments(db: Db, turns: LockTurns): void {
  // Only the first step gathers every segment into the merge; later ones carry it on (FTS5's advice).
  let pages = -MERGE_PAGES_PER_STEP;
  while (turns.take(() => repo.mergeIndexStep(db, pages)).value) pages = MERGE_PAGES_PER_STEP;
}

/** Empties the index and builds it again from every live document; `onProgress` hears documents done of queued. */
export function rebuild(db: Db, onProgress?: (done: number, total: number) => void): number {
  const turns = new LockTurns(db);
  const queued = turns.take(() => repo.resetIndex(db)).value;
  onProgress?.(0, queued);
  const done = catchUp(db, onProgress && ((n) => onProgress(Math.min(n, queued), queued)), turns);
  // catchUp merges only after a bulk change; a rebuild always leaves one segment.
  if (done < OPTIMIZE_AFTER_DOCUMENTS) mergeSegments(db, turns);
  return queued;
}
