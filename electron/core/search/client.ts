// The app-side handle on the search worker: a request worker (electron/core/requestWorker.ts) on
// the search thread's code, which keeps its own connection and its texts between requests.
import { RequestWorker } from '../requestWorker';
import { workerUrl } from '../workerPath';
import type { SearchRequest, WorkerInit } from './protocol';

export class SearchWorkerClient {
  private readonly worker: RequestWorker<SearchRequest>;

  constructor(init: WorkerInit) {
    this.worker = new RequestWorker({
      name: 'search worker',
      entry: () => workerUrl('searchWorker.cjs', () => new URL('./workerEntry.mjs', import.meta.url)),
      workerData: init,
    });
  }

  /** Whether a worker ever answered: if none could start, the caller falls back to in-process search. */
  get answered(): boolean {
    return this.worker.answered;
  }

  call<T>(method: SearchRequest['method'], input?: unknown): Promise<T> {
    return this.worker.call<T>({ method, input } as SearchRequest);
  }

  /** Resolves once the thread has ended, its connection closed with it. */
  close(): Promise<void> {
    return this.worker.close();
  }
}
