// The app-side handle on the search worker: requests queue in the worker, answers are matched
// back to their promises by id. The thread starts on first use and keeps the process alive only
// while a request is pending.
import { Worker } from 'node:worker_threads';
import { deserializeError, PizhuError } from '../../../shared/errors';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './protocol';
import { workerUrl } from '../workerPath';

type Method = WorkerRequest['method'];

function workerEntry(): URL {
  return workerUrl('searchWorker.cjs', () => new URL('./workerEntry.mjs', import.meta.url));
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class SearchWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closed = false;
  /** Whether a worker ever answered: if none could start, the caller falls back to in-process search. */
  answered = false;

  constructor(private readonly init: WorkerInit) {}

  call<T>(method: Method, input?: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new PizhuError('cancelled', 'The library is closed.'));
    const worker = this.worker ?? this.spawn();
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, method, input } as WorkerRequest);
    });
  }

  /** Resolves once the thread has ended, its connection closed with it. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(new PizhuError('cancelled', 'The library is closed.'));
    await worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(workerEntry(), { workerData: this.init });
    worker.unref();
    worker.on('message', (res: WorkerResponse) => {
      this.answered = true;
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (!this.pending.size) worker.unref();
      if (res.ok) p.resolve(res.value);
      else p.reject(deserializeError(res.error));
    });
    worker.on('error', (err) => this.stopped(worker, err));
    worker.on('exit', (code) => this.stopped(worker, new Error(`The search worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  /** A crashed worker fails what it was doing; the next request starts a new one. */
  private stopped(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.rejectAll(new PizhuError('internal', `Search failed: ${err.message}`));
  }

  private rejectAll(err: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(err);
  }
}
