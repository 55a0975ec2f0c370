// One snapshot a day, taken when the library opens if none was taken that (local) day.
import type { BackupInfo } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { listBackups } from './list';
import { createBackup } from './snapshot';

const localDay = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** Takes the day's backup unless there is one already; returns it, or null when none was needed. */
export function ensureDailyBackup(libraryDir: string, db: Db, now: Date): BackupInfo | null {
  const today = localDay(now);
  if (listBackups(libraryDir).some((b) => localDay(new Date(b.createdAt)) === today)) return null;
  return createBackup(libraryDir, 'daily', { db, now });
}
