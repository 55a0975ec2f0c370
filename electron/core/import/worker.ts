// The import worker thread: parses and cleans a file's bytes away from the app's main thread, so a
// long import (a large PDF, tens of megabytes of text) never holds up the app's other requests.
// It has no connection to the library: storing stays with the app, in one transaction per file.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors';
import type { WorkerAnswer } from '../requestWorker';
import { parseFile } from './parseFile';
import type { ImportWorkerRequest } from './workerClient';

const port = parentPort!;

port.on('message', async (req: ImportWorkerRequest & { id: number }) => {
  let answer: WorkerAnswer;
  try {
    answer = { id: req.id, ok: true, value: await parseFile(req.bytes, req.fileName, req.options, req.fileTitle) };
  } catch (err) {
    answer = { id: req.id, ok: false, error: serializeError(err) };
  }
  port.postMessage(answer);
});
