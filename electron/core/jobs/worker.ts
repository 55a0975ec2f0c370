// A job's worker thread: its own connection to the library file (WAL lets it read while the app
// writes; read-only unless the job writes), the job's work, and its progress posted to the app's
// thread at most every PROGRESS_EVERY_MS. The thread ends when the job does.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors';
import { openDatabase, type Db } from '../db/connection';
import { newId } from '../services/context';
import type { JobControl, JobMessage, JobWorkerInit } from './protocol';
import { runTask, type JobContext, type JobReporter } from './tasks';

const PROGRESS_EVERY_MS = 50;

const init = workerData as JobWorkerInit;
const port = parentPort!;
const post = (message: JobMessage) => port.postMessage(message);

const opened: { db?: Db } = {};
function connection(writable: boolean): Db {
  if (!opened.db) {
    opened.db = openDatabase(init.dbFile);
    // A job that only reads cannot write by mistake.
    if (!writable) opened.db.pragma('query_only = ON');
  }
  return opened.db;
}

const abort = new AbortController();
const onControl = (message: JobControl) => {
  if (message.type === 'cancel') abort.abort();
};
port.on('message', onControl);

const jobContext: JobContext = {
  signal: abort.signal,
  services: () => ({ db: connection(false), userId: init.userId, userName: init.userName, libraryDir: init.libraryDir, now: () => init.startedAt, newId }),
  writable: () => connection(true),
  libraryDir: init.libraryDir,
  startedAt: init.startedAt,
};

let lastPost = 0;
const reporter: JobReporter = {
  progress(done, total, unit) {
    const now = performance.now();
    // The first and the last count always go; in between, no more often than the app can show them.
    if (done !== 0 && done < total && now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    post({ type: 'progress', done, total, unit });
  },
  output: (path) => post({ type: 'output', path }),
};

// No top-level await: the Electron build bundles this file as CommonJS.
void (async () => {
  try {
    post({ type: 'done', result: await runTask(init.job, jobContext, reporter) });
  } catch (err) {
    post({ type: 'failed', error: serializeError(err) });
  } finally {
    opened.db?.close();
    // Nothing left to listen for: the thread may end.
    port.off('message', onControl);
  }
})();
