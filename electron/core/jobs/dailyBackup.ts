// The day's backup, started when the library has opened, as a job: the open does not wait for the
// snapshot (2 s on a 583 MB library), and the user's writes go on while it reads (VACUUM INTO holds
// only a read transaction, which WAL lets writers pass).
import type { JobInfo } from '../../../shared/domain';
import { isDailyBackupDue } from '../backup/daily';
import type { JobRunner } from './runner';

export interface DailyBackup {
  /** The job, or null when none was needed (or it could not start). */
  job: JobInfo | null;
  /** Resolves when the job has ended, however it ended. */
  ended: Promise<void>;
}

/** A full disk must not keep the library from opening: a failure only warns (the safety dialog shows the last backup). */
function warn(message: string): void {
  console.warn(`pizhu: the daily backup failed: ${message}`);
}

/** Starts the day's backup unless the library has one from that (local) day already. */
export function startDailyBackup(libraryDir: string, jobs: JobRunner, now: Date): DailyBackup {
  try {
    if (!isDailyBackupDue(libraryDir, now)) return { job: null, ended: Promise.resolve() };
    const job = jobs.start({ kind: 'backup', reason: 'daily' });
    const ended = jobs.settled(job.id).then((info) => {
      if (info.state === 'failed') warn(info.error?.message ?? 'unknown error');
    });
    return { job, ended };
  } catch (err) {
    warn((err as Error).message);
    return { job: null, ended: Promise.resolve() };
  }
}
