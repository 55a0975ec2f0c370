// What each kind of job does, given its own connection. Runs in the job's worker thread; reports
// progress through `report` and returns the job's result. Each kind loads only its own modules: a
// thread holds what its job needs and no more.
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { JobInfo, JobResult } from '../../../shared/domain';
import type { Db } from '../db/connection';
import type { ServiceContext } from '../services/context';
import type { JobInput } from './protocol';

export interface JobReporter {
  progress(done: number, total: number, unit: JobInfo['unit']): void;
  /** A file the job writes, removed if it is cancelled or fails, with any file beside it whose name starts with its name (partial files). */
  output(path: string): void;
}

export interface JobContext {
  /** A service context on the job's own connection, opened on first use (backups open their own). */
  services(): ServiceContext;
  /** The same connection, allowed to write (reindex). */
  writable(): Db;
  libraryDir: string;
  /** When the job was asked for, on the library's clock: a backup is named and dated then. */
  startedAt: string;
  /** Aborted when the job is cancelled (work that can stop between steps listens; the rest is ended with its thread). */
  signal: AbortSignal;
}

export async function runTask(job: JobInput, jc: JobContext, report: JobReporter): Promise<JobResult> {
  switch (job.kind) {
    case 'export': {
      const [{ countExcerpts }, { exportFile }] = await Promise.all([import('../export/progress'), import('../services/export')]);
      const progress = countExcerpts((done, total) => report.progress(done, total, 'excerpts'));
      return { kind: 'export', file: await exportFile(jc.services(), job.input, progress) };
    }
    case 'reindex': {
      const { rebuild } = await import('../search/indexer');
      const began = performance.now();
      const documents = rebuild(jc.writable(), (done, total) => report.progress(done, total, 'documents'));
      return { kind: 'reindex', documents, elapsedMs: performance.now() - began };
    }
    case 'backup': {
      const [{ createBackup, freeBackupName }, { backupsDir }] = await Promise.all([import('../backup/snapshot'), import('../backup/layout')]);
      const reason = job.reason ?? 'manual';
      // The name createBackup will choose: a cancelled backup's file and its partial files start with it.
      const at = new Date(jc.startedAt);
      report.output(join(backupsDir(jc.libraryDir), freeBackupName(backupsDir(jc.libraryDir), reason, at)));
      report.progress(0, 1, 'steps');
      const backup = createBackup(jc.libraryDir, reason, { now: at });
      report.progress(1, 1, 'steps');
      return { kind: 'backup', backup };
    }
    case 'libraryExport': {
      const { exportLibraryArchiveFile, writeLibraryArchive } = await import('../backup/archive');
      const options = { onProgress: (done: number, total: number) => report.progress(done, total, 'steps'), signal: jc.signal };
      if (!job.toPath) return { kind: 'libraryExport', file: await exportLibraryArchiveFile(jc.libraryDir, options), saved: null };
      // Streamed to the chosen file (through a partial file beside it, removed if the job stops).
      report.output(job.toPath);
      await writeLibraryArchive(jc.libraryDir, job.toPath, options);
      return { kind: 'libraryExport', file: null, saved: { name: basename(job.toPath), bytes: statSync(job.toPath).size } };
    }
  }
}
