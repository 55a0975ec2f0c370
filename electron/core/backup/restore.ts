// Putting another database in the library's place — a backup, a file from elsewhere, or the
// database of a library archive: stage a private copy beside the library, check that copy (SQLite,
// intact, a Pizhu library no newer than this build), back up the current library, then swap the
// file in with one rename while nothing has it open, and reopen it (migrating an older one).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { openConnection, schemaVersion } from '../db/connection';
import { migrations } from '../db/migrations';
import type { LibraryControl } from './control';
import { readSqliteHeader } from './header';
import { checkIntegrity } from './integrity';
import { backupsDir, databaseFile } from './layout';
import { findBackup } from './list';
import { createBackup, freeBackupName, syncToDisk } from './snapshot';

const INCOMING_SUFFIX = '.incoming';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

const incomingFile = (libraryDir: string) => databaseFile(libraryDir) + INCOMING_SUFFIX;

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true });
}

/** Refuses a file that is not an intact Pizhu library this build can open; returns its schema version. */
export function validateLibraryFile(file: string, label: string): number {
  const header = readSqliteHeader(file);
  if (!header) throw new PizhuError('invalid_input', `${label} is not a Pizhu library (not a SQLite database).`);
  const db = openConnection(file, { fileMustExist: true });
  try {
    let report;
    try {
      report = checkIntegrity(db, 'full');
    } catch (err) {
      throw new PizhuError('invalid_input', `${label} is damaged: ${(err as Error).message}`);
    }
    if (!report.ok) throw new PizhuError('invalid_input', `${label} is damaged: ${report.problems.slice(0, 3).join('; ')}`);
    const version = schemaVersion(db);
    const isLibrary = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get() !== undefined;
    if (version < 1 || !isLibrary) throw new PizhuError('invalid_input', `${label} is not a Pizhu library.`);
    if (version > migrations.length) {
      throw new PizhuError(
        'unsupported',
        `${label} was written by a newer Pizhu (schema ${version}; this build knows ${migrations.length}). Update Pizhu to open it.`,
        { schemaVersion: version, supported: migrations.length },
      );
    }
    return version;
  } finally {
    db.close(); // the last connection: folds a log that came with the file into it
  }
}

/** A copy of the library file's bytes as it is, for when a snapshot cannot be read from it (it is damaged). */
function copyAsIs(libraryDir: string, reason: BackupReason, at: Date): BackupInfo {
  const dir = backupsDir(libraryDir);
  mkdirSync(dir, { recursive: true });
  const name = freeBackupName(dir, reason, at);
  const target = join(dir, name);
  for (const suffix of ['', '-wal']) {
    const from = databaseFile(libraryDir) + suffix;
    if (existsSync(from)) copyFileSync(from, target + suffix);
  }
  syncToDisk(target);
  return { name, createdAt: at.toISOString(), reason, bytes: statSync(target).size, schemaVersion: readSqliteHeader(target)?.userVersion ?? 0 };
}

/** Backs up the library about to be replaced: a snapshot, or its bytes as they are if it is too damaged to read. */
function backUpCurrent(control: LibraryControl, reason: BackupReason): BackupInfo | null {
  const db = control.db();
  if (!db && !existsSync(databaseFile(control.libraryDir))) return null;
  try {
    return createBackup(control.libraryDir, reason, { db: db ?? undefined });
  } catch {
    return copyAsIs(control.libraryDir, reason, new Date());
  }
}

/**
 * Replaces the library's database with the file `stage` writes to the path it is given. Nothing
 * changes unless that file passes validateLibraryFile; returns the backup of what was replaced
 * (null when there was no library yet).
 */
export async function replaceLibrary(control: LibraryControl, label: string, reason: BackupReason, stage: (file: string) => void | Promise<void>): Promise<BackupInfo | null> {
  const dir = control.libraryDir;
  const incoming = incomingFile(dir);
  mkdirSync(dir, { recursive: true });
  removeWithSideFiles(incoming);
  try {
    await stage(incoming);
    validateLibraryFile(incoming, label);
    syncToDisk(incoming);
    const previous = backUpCurrent(control, reason);
    await control.replaceDatabase(() => {
      const file = databaseFile(dir);
      // Every connection is closed, so the log was folded in; a leftover belongs to the old file.
      for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
      renameSync(incoming, file);
      syncToDisk(dir);
    });
    return previous;
  } finally {
    removeWithSideFiles(incoming);
  }
}

export interface RestoreResult {
  restored: BackupInfo;
  backupOfPrevious: BackupInfo | null;
}

/** A backup in the library's backups folder, by name, or any library file by path. */
export function resolveRestoreSource(libraryDir: string, nameOrPath: string): { file: string; info: BackupInfo } {
  const listed = findBackup(libraryDir, basename(nameOrPath));
  if (listed && (nameOrPath === listed.name || existsSync(join(backupsDir(libraryDir), nameOrPath)))) {
    return { file: join(backupsDir(libraryDir), listed.name), info: listed };
  }
  if (!existsSync(nameOrPath) || !statSync(nameOrPath).isFile()) throw new PizhuError('not_found', `There is no backup or file ${nameOrPath}.`);
  const header = readSqliteHeader(nameOrPath);
  const stat = statSync(nameOrPath);
  return {
    file: nameOrPath,
    info: { name: basename(nameOrPath), createdAt: stat.mtime.toISOString(), reason: 'manual', bytes: stat.size, schemaVersion: header?.userVersion ?? 0 },
  };
}

/** Restores a backup (by name) or a library file (by path); the current library is backed up first (before-restore). */
export async function restoreBackup(control: LibraryControl, nameOrPath: string): Promise<RestoreResult> {
  const source = resolveRestoreSource(control.libraryDir, nameOrPath);
  const backupOfPrevious = await replaceLibrary(control, source.info.name, 'before-restore', (incoming) => {
    copyFileSync(source.file, incoming);
    // A library file copied while open may have its latest writes in its log: bring that along.
    if (existsSync(source.file + '-wal')) copyFileSync(source.file + '-wal', incoming + '-wal');
  });
  return { restored: source.info, backupOfPrevious };
}
