// Never lose work: integrity checks, snapshots and their rotation, restore, and the whole-library
// archive. What the rest of the app (library.ts, the jobs runner, the shell, the CLI) uses.
export { createBackup, type BackupOptions } from './snapshot';
export { listBackups, findBackup } from './list';
export { isDailyBackupDue } from './daily';
export { KEEP_DAYS_KEY, DEFAULT_KEEP_DAYS, ALWAYS_KEEP } from './rotation';
export { restoreBackup, validateLibraryFile, type RestoreResult } from './restore';
export { closedLibrary, type LibraryControl } from './control';
export { openLibraryDatabase, corruptLibraryError, type LibraryCorruptDetails, type OpenedDatabase } from './open';
export { checkIntegrity, type IntegrityReport } from './integrity';
export { libraryHealth } from './health';
export {
  exportLibraryArchive,
  exportLibraryArchiveFile,
  writeLibraryArchive,
  importLibraryArchive,
  archiveFileName,
  ARCHIVE_EXTENSION,
  ARCHIVE_MIME,
  type ArchiveManifest,
  type ArchiveOptions,
  type LibraryArchive,
} from './archive';
export { backupHandlers } from './handlers';
export { DATABASE_FILE, BACKUPS_DIR } from './layout';
