// SQLite's own consistency checks. quick_check (pages, records, no index comparison) runs on every
// start; the full integrity_check also compares every index with its table and runs when the file
// is small enough for it to be quick, or when the last session did not close cleanly.
import { existsSync, statSync } from 'node:fs';
import type { Db } from '../db/connection';

export type IntegrityMode = 'quick' | 'full';

export interface IntegrityReport {
  mode: IntegrityMode;
  ok: boolean;
  /** SQLite's messages, at most MAX_PROBLEMS; empty when ok. */
  problems: string[];
  elapsedMs: number;
}

const MAX_PROBLEMS = 20;
/** Below this size the full check takes well under a second, so it always runs. */
export const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export function checkIntegrity(db: Db, mode: IntegrityMode): IntegrityReport {
  const began = performance.now();
  const pragma = mode === 'full' ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(`${pragma}(${MAX_PROBLEMS})`, { simple: false }) as Record<string, string>[];
  const messages = rows.map((r) => String(Object.values(r)[0]));
  const ok = messages.length === 1 && messages[0] === 'ok';
  return { mode, ok, problems: ok ? [] : messages, elapsedMs: performance.now() - began };
}

/**
 * A write-ahead log left with frames means the last connection did not close cleanly (closing the
 * last connection checkpoints and removes it) — or another process has the library open right now.
 */
export function walLeftBehind(databaseFile: string): boolean {
  const wal = databaseFile + '-wal';
  return existsSync(wal) && statSync(wal).size > 0;
}

/** The check to run at open: full when cheap or after an unclean shutdown, quick otherwise. */
export function integrityModeAtOpen(databaseFile: string): IntegrityMode {
  if (walLeftBehind(databaseFile)) return 'full';
  return statSync(databaseFile).size <= FULL_CHECK_MAX_BYTES ? 'full' : 'quick';
}
