// Opens a library folder: the SQLite file (checked, backed up once a day in the background), the
// acting user, the first-run seed import, and the handler map, which stays valid when a restore swaps the file.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Db } from './db/connection';
import { createHandlers } from './handlers';
import type { Handlers } from '../../shared/contract';
import { findUserByName, insertUser } from './repos/users';
import { getSetting, setSetting } from './repos/settings';
import { newId, systemClock, type ServiceContext } from './services/context';
import type { ImportFileResult } from '../../shared/domain';
import { importTextFileSync } from './services/imports';
import { importWorker } from './import/workerClient';
import { FileGrants } from './fileGrants';
import { createSearchService, type SearchMode, type SearchService } from './services/search';
import { JobRunner } from './jobs/runner';
import { startDailyBackup } from './jobs/dailyBackup';
import type { JobInfo } from '../../shared/domain';
import { openLibraryDatabase, type IntegrityReport, type LibraryControl } from './backup';

export { DATABASE_FILE } from './backup';
const SEEDED_KEY = 'seeds.imported';

export interface LibraryOptions {
  libraryDir: string;
  /** Folder of bundled documents imported once, on first open; null for none. */
  seedsDir: string | null;
  userName?: string;
  now?: () => string;
  /** Search in a worker thread (default; the app) or in process (the CLI: one query, then exit). */
  search?: SearchMode;
  /** Start the search worker and load its texts now, so the first search is fast (long-lived apps). */
  warmSearch?: boolean;
  /** Take the day's backup, as a background job once open, if there is none yet (default true). */
  dailyBackup?: boolean;
  /** Parse imported files in a worker thread (long-lived apps), not in process (default: in process). */
  importWorker?: boolean;
}

export interface Library {
  ctx: ServiceContext;
  handlers: Handlers;
  search: SearchService;
  seedResults: ImportFileResult[];
  /** Restore and archive import swap the database file through this (electron/core/backup). */
  control: LibraryControl;
  /** Files the user chose in the shell's dialogs, as tokens the handlers accept (the archive's export and import). */
  grants: FileGrants;
  /** The day's backup started at open (follow it with jobs.get), or null when none was due. */
  dailyBackupJob: JobInfo | null;
  /** Resolves when the work started at open (the day's backup) has ended: a short-lived process waits for it. */
  whenIdle(): Promise<void>;
  /**
   * Closes the database at once and ends running jobs (the day's backup too); resolves when their
   * threads have ended and their partial files are removed.
   */
  close(): Promise<void>;
}

function defaultUserName(): string {
  if (process.env.PIZHU_AUTHOR) return process.env.PIZHU_AUTHOR;
  try {
    return userInfo().username || 'reader';
  } catch {
    return 'reader';
  }
}

function ensureUser(db: Db, name: string, now: string): string {
  const existing = findUserByName(db, name);
  if (existing) return existing;
  const id = newId();
  insertUser(db, id, name, now);
  return id;
}

export function seedFiles(seedsDir: string): string[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((f) => join(seedsDir, f));
}

/** The search service behind a stable object, so that a swapped database gets a fresh one (its worker holds a connection). */
function restartableSearch(create: () => SearchService, warm: boolean): SearchService & { restart(between: () => void): Promise<void> } {
  const start = () => {
    const service = create();
    if (warm) void service.warm();
    return service;
  };
  let inner = start();
  return {
    query: (input) => inner.query(input),
    reindex: () => inner.reindex(),
    catchUp: () => inner.catchUp(),
    warm: () => inner.warm(),
    close: () => inner.close(),
    async restart(between) {
      await inner.close();
      try {
        between();
      } finally {
        inner = start();
      }
    },
  };
}

export function openLibrary(opts: LibraryOptions): Library {
  mkdirSync(opts.libraryDir, { recursive: true });
  const now = opts.now ?? systemClock;
  const opened = openLibraryDatabase(opts.libraryDir, () => new Date(now()));
  const db = opened.db;
  const userName = opts.userName ?? defaultUserName();
  const userId = ensureUser(db, userName, now());
  const parser = opts.importWorker ? importWorker() : null;
  const ctx: ServiceContext = { db, userId, userName, libraryDir: opts.libraryDir, now, newId, parseFile: parser?.parse };
  let seedResults: ImportFileResult[] = [];
  if (opts.seedsDir && !getSetting(db, SEEDED_KEY)) {
    seedResults = seedFiles(opts.seedsDir).map((file) => importTextFileSync(ctx, file));
    setSetting(db, SEEDED_KEY, now());
  }
  const search = restartableSearch(() => createSearchService(ctx, { mode: opts.search }), !!opts.warmSearch);
  const jobs = new JobRunner(ctx);
  // After the migrations (whose backup is taken before them, at once): the open does not wait for this one.
  const daily = opened.existed && opts.dailyBackup !== false ? startDailyBackup(opts.libraryDir, jobs, new Date(now())) : { job: null, ended: Promise.resolve() };
  let integrity: IntegrityReport = opened.integrity;
  let closed = false;
  // One replacement at a time; requests that arrive meanwhile reach the old file until the swap.
  let replacing: Promise<void> = Promise.resolve();
  const control: LibraryControl = {
    libraryDir: opts.libraryDir,
    db: () => (closed ? null : ctx.db),
    integrity: () => (closed ? null : integrity),
    replaceDatabase(install) {
      // Job threads hold their own connections to the file: they end before it is swapped.
      const run = replacing.then(() => jobs.stopAll()).then(() =>
        search.restart(() => {
          ctx.db.close();
          try {
            install();
          } finally {
            // Reopened whether or not the install went through: the old file if it did not.
            const reopened = openLibraryDatabase(opts.libraryDir, () => new Date(now()));
            ctx.db = reopened.db;
            ctx.userId = ensureUser(reopened.db, userName, now());
            integrity = reopened.integrity;
          }
        }),
      );
      replacing = run.catch(() => {});
      return run;
    },
  };
  const close = () => {
    closed = true;
    const stopping = jobs.close();
    const searchEnded = search.close();
    const parserEnded = parser?.close();
    ctx.db.close();
    // Resolves once every thread holding a connection has ended too, so a process that exits afterwards (the shell at
    // quit, a bench probe) does not cut a thread's own close short.
    return Promise.all([stopping, searchEnded, parserEnded]).then(() => undefined);
  };
  const grants = new FileGrants();
  return { ctx, handlers: createHandlers(ctx, search, jobs, control, grants), grants, search, seedResults, control, dailyBackupJob: daily.job, whenIdle: () => daily.ended, close };
}
