// The library's health as the safety dialog shows it: a quick check of the file, the schema
// version, the newest backup, and SQLite's own words for anything damaged.
import { statSync } from 'node:fs';
import type { LibraryHealth } from '../../../shared/domain';
import { schemaVersion } from '../db/connection';
import type { LibraryControl } from './control';
import { checkIntegrity } from './integrity';
import { databaseFile } from './layout';
import { listBackups } from './list';

/** Up to this size a quick check takes well under half a second (about 160 MB/s measured). */
const FRESH_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export function libraryHealth(control: LibraryControl): LibraryHealth {
  const db = control.db();
  const backups = listBackups(control.libraryDir);
  const lastBackupAt = backups[0]?.createdAt ?? null;
  if (!db) return { schemaVersion: 0, integrity: 'failed', problems: ['The library is not open.'], lastBackupAt };
  // A fresh check while it is quick; a large file's was made when it opened (seconds, on this thread).
  const fresh = statSync(databaseFile(control.libraryDir)).size <= FRESH_CHECK_MAX_BYTES;
  const report = (fresh ? checkIntegrity(db, 'quick') : control.integrity()) ?? checkIntegrity(db, 'quick');
  return { schemaVersion: schemaVersion(db), integrity: report.ok ? 'ok' : 'failed', problems: report.problems, lastBackupAt };
}
