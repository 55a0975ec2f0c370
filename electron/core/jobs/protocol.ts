// Messages between the app's thread and a job's worker thread.
import type { InputOf } from '../../../shared/contract';
import type { JobInfo, JobResult } from '../../../shared/domain';
import type { SerializedError } from '../../../shared/errors';

/** What a job is asked to do, with a chosen file's token already resolved to its path on the app's thread. */
export type JobInput = Exclude<InputOf<'jobs.start'>, { kind: 'libraryExport' }> | { kind: 'libraryExport'; toPath?: string };

export interface JobWorkerInit {
  job: JobInput;
  dbFile: string;
  libraryDir: string;
  userId: string;
  userName: string;
  /** The moment the job was asked for: an export is dated then, as a direct export.file would be. */
  startedAt: string;
}

/** From the app's thread: stop (work that listens to its signal ends cleanly; the thread is ended soon after anyway). */
export type JobControl = { type: 'cancel' };

export type JobMessage =
  | { type: 'progress'; done: number; total: number; unit: JobInfo['unit'] }
  /** A file the job is writing: removed if the job is cancelled or fails, with its partial files (same name and more). */
  | { type: 'output'; path: string }
  | { type: 'done'; result: JobResult }
  | { type: 'failed'; error: SerializedError };
