// The search worker thread: its own connection to the library file (WAL lets it read while the
// app writes), so indexing and queries never hold up the app's main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors';
import { openDatabase } from '../db/connection';
import { SearchEngine } from './engine';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './protocol';

const init = workerData as WorkerInit;
const port = parentPort!;
const db = openDatabase(init.dbFile);
const engine = new SearchEngine(db, { cacheChars: init.cacheChars });

let warming: Promise<void> | null = null;

/** Loads texts a slice at a time, so a query arriving meanwhile is answered between slices. */
function warmInBackground(): Promise<void> {
  warming ??= new Promise<void>((done) => {
    const step = () => {
      let more = false;
      try {
        more = engine.warmStep();
      } catch {
        more = false;
      }
      if (more) setImmediate(step);
      else {
        warming = null;
        done();
      }
    };
    setImmediate(step);
  });
  return warming;
}

function handle(req: WorkerRequest): unknown {
  switch (req.method) {
    case 'query':
      return engine.query(req.input);
    case 'reindex':
      return engine.reindex();
    case 'catchUp':
      return engine.catchUp();
    case 'warm':
      engine.warm();
      return warmInBackground();
  }
}

let warmed = false;

port.on('message', async (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    res = { id: req.id, ok: true, value: await handle(req) };
  } catch (err) {
    res = { id: req.id, ok: false, error: serializeError(err) };
  }
  port.postMessage(res);
  // Whoever searched once will search again: load the texts now, between requests.
  if (!warmed) {
    warmed = true;
    try {
      engine.warm();
      void warmInBackground();
    } catch {
      warmed = false;
    }
  }
});
