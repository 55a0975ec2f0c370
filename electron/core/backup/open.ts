// Opening the library file safely: check its integrity before anything writes to it, snapshot it
// before a migration changes it, and turn a damaged file into an error that names the backups.
import { existsSync, statSync } from 'node:fs';
import type { BackupInfo } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { openDatabase, type Db } from '../db/connection';
import { hasUserData } from '../repos/libraryCounts';
import { checkIntegrity, integrityModeAtOpen, type IntegrityReport } from './integrity';
import { databaseFile } from './layout';
import { listBackups } from './list';
import { createBackup } from './snapshot';

/** The details of a PizhuError('corrupt'): what failed, and the backups to offer, newest first. */
export interface LibraryCorruptDetails {
  libraryDir: string;
  databaseFile: string;
  problems: string[];
  backups: BackupInfo[];
}

export interface OpenedDatabase {
  db: Db;
  /** Whether the file existed with content before this open (a new library has nothing to check or back up). */
  existed: boolean;
  integrity: IntegrityReport;
  /** The backup taken before migrating, if a migration ran on a library with data. */
  migrationBackup: BackupInfo | null;
}

/** SQLite's result codes for a file that is damaged or not a database at all. */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export function isDamagedFileError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGED.has(code);
}

export function corruptLibraryError(libraryDir: string, problems: string[]): PizhuError {
  const backups = listBackups(libraryDir);
  const newest = backups[0];
  const advice = newest
    ? `Restore a backup: the newest is ${newest.name} (${newest.createdAt}).`
    : 'There is no backup of it in its backups folder.';
  const details: LibraryCorruptDetails = { libraryDir, databaseFile: databaseFile(libraryDir), problems, backups };
  return new PizhuError('corrupt', `The library file is damaged (${problems[0] ?? 'integrity check failed'}). ${advice}`, details);
}

export function openLibraryDatabase(libraryDir: string, now: () => Date = () => new Date()): OpenedDatabase {
  const file = databaseFile(libraryDir);
  const existed = existsSync(file) && statSync(file).size > 0;
  // Decided before opening: the open itself creates an empty log.
  const mode = existed ? integrityModeAtOpen(file) : 'quick';
  let integrity: IntegrityReport = { mode, ok: true, problems: [], elapsedMs: 0 };
  let migrationBackup: BackupInfo | null = null;
  try {
    const db = openDatabase(file, {
      verify(db) {
        if (!existed) return;
        integrity = checkIntegrity(db, mode);
        if (!integrity.ok) throw corruptLibraryError(libraryDir, integrity.problems);
      },
      beforeMigrate(db, from) {
        if (from > 0 && hasUserData(db)) migrationBackup = createBackup(libraryDir, 'migration', { db, now: now() });
      },
    });
    return { db, existed, integrity, migrationBackup };
  } catch (err) {
    if (isDamagedFileError(err)) throw corruptLibraryError(libraryDir, [(err as Error).message]);
    throw err;
  }
}
