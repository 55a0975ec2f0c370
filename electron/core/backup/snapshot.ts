// A backup is a consistent snapshot of the live library (VACUUM INTO: a compact copy read in one
// read transaction, so writers go on meanwhile), written beside its final name and renamed into
// place once synced, so a backup that is listed is always complete.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { BackupInfo, BackupReason } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { openConnection, type Db } from '../db/connection';
import { hasTable } from '../repos/libraryCounts';
import { resetIndex } from '../repos/search';
import { readSqliteHeader } from './header';
import { backupsDir, databaseFile } from './layout';
import { backupFileName, parseBackupName } from './names';
import { keepDays, pruneBackups } from './rotation';

export interface BackupOptions {
  /**
   * An open connection to the library, in process. Without it the file is opened on a connection
   * of its own, so createBackup runs anywhere with only the folder's path (e.g. in a worker thread).
   */
  db?: Db;
  /** Write the snapshot to this file instead of the backups folder (replacing it; no rotation). */
  out?: string;
  /** The backup's time (tests); default now. */
  now?: Date;
  /** Keep the search index in the snapshot (default: left out, rebuilt after a restore). */
  withSearchIndex?: boolean;
}

/** Flushes a file (or a folder's entries) to the disk; folders cannot be synced on Windows, which is fine there. */
export function syncToDisk(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (err) {
    if (statSync(path).isFile()) throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Leaves the search index out of a snapshot (about half of a large library, and derived from the
 * documents): the documents are queued instead, and the first search after a restore indexes them.
 */
function leaveOutSearchIndex(file: string): void {
  const db = openConnection(file, { fileMustExist: true });
  try {
    if (!hasTable(db, 'search_docs')) return;
    // A scratch file until renamed: a crash leaves only a partial file, which is removed.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.transaction(() => resetIndex(db))();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent snapshot of `db` to `target` (replacing it) through a partial file renamed
 * when complete; `compact` leaves the search index out.
 */
export function snapshotInto(db: Db, target: string, compact = false): void {
  mkdirSync(dirname(target), { recursive: true });
  // Per process and thread: a job's worker thread may snapshot while the app's thread does.
  const partial = `${target}.partial-${process.pid}-${threadId}`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    if (compact) leaveOutSearchIndex(partial);
    syncToDisk(partial);
    renameSync(partial, target);
    syncToDisk(dirname(target));
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

export function freeBackupName(dir: string, reason: BackupReason, at: Date): string {
  for (let sequence = 1; ; sequence++) {
    const name = backupFileName(reason, at, sequence);
    if (!existsSync(join(dir, name))) return name;
  }
}

/**
 * Snapshots the library in `libraryDir` into its backups folder (named by time and reason, then
 * old backups rotated out) or into `options.out`. Synchronous; safe to call from a worker thread.
 */
export function createBackup(libraryDir: string, reason: BackupReason, options: BackupOptions = {}): BackupInfo {
  const at = options.now ?? new Date();
  const source = databaseFile(libraryDir);
  if (!options.db && !existsSync(source)) throw new PizhuError('not_found', `There is no library in ${libraryDir}.`);
  const db = options.db ?? openConnection(source, { fileMustExist: true });
  try {
    const dir = backupsDir(libraryDir);
    const target = options.out ? resolve(options.out) : join(dir, freeBackupName(dir, reason, at));
    try {
      snapshotInto(db, target, !options.withSearchIndex);
    } catch (err) {
      throw new PizhuError('io', `Could not write the backup ${target}: ${(err as Error).message}`);
    }
    const header = readSqliteHeader(target);
    const name = basename(target);
    const info: BackupInfo = {
      name,
      createdAt: parseBackupName(name)?.createdAt ?? at.toISOString(),
      reason,
      bytes: statSync(target).size,
      schemaVersion: header?.userVersion ?? 0,
    };
    if (!options.out) pruneBackups(libraryDir, keepDays(db), at);
    return info;
  } finally {
    if (!options.db) db.close();
  }
}
