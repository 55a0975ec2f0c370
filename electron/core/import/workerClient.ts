// The app's side of the import worker: a FileParser that sends the bytes to the thread and gets the
// parsed and cleaned file back. The thread ends after a short idle time, so the parsers' memory
// (pdf.js, mammoth, the decoders) is not held between imports.
import type { ImportOptions } from '../../../shared/domain';
import { RequestWorker } from '../requestWorker';
import { workerUrl } from '../workerPath';
import type { FileParser, ParsedFile } from './parseFile';

export interface ImportWorkerRequest {
  method: 'parse';
  bytes: Uint8Array;
  fileName: string;
  options: ImportOptions;
  fileTitle?: string;
}

const IDLE_MS = 30_000;

export interface ImportWorker {
  parse: FileParser;
  close(): Promise<void>;
}

export function importWorker(): ImportWorker {
  const worker = new RequestWorker<ImportWorkerRequest>({
    name: 'import worker',
    entry: () => workerUrl('importWorker.cjs', () => new URL('./workerEntry.mjs', import.meta.url)),
    idleMs: IDLE_MS,
  });
  return {
    // A copy goes to the thread: the caller keeps its bytes to store as the original. (Not slice():
    // on a Buffer that is a view, and transferring its memory would empty the caller's bytes.)
    parse: (bytes, fileName, options, fileTitle) => {
      const copy = new Uint8Array(bytes);
      return worker.call<ParsedFile>({ method: 'parse', bytes: copy, fileName, options, fileTitle }, [copy.buffer as ArrayBuffer]);
    },
    close: () => worker.close(),
  };
}
