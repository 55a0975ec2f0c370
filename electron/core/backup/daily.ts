// One snapshot a day, taken after the library opens if none was taken that (local) day. Any backup
// of the day counts (e.g. the one before an upgrade that morning): it is as recent.
import { listBackups } from './list';

const localDay = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** Whether the library in `libraryDir` has no backup from the (local) day of `now`. */
export function isDailyBackupDue(libraryDir: string, now: Date): boolean {
  const today = localDay(now);
  return !listBackups(libraryDir).some((b) => localDay(new Date(b.createdAt)) === today);
}
