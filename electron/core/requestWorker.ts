// A worker thread answering requests: each is posted with an id and its answer matched back to its
// promise. The thread starts on first use, keeps the process alive only while a request is pending,
// and, given `idleMs`, ends after that long without work (its memory with it); the next request
// starts a new one. A crashed thread fails what it was doing.
import { Worker } from 'node:worker_threads';
import { deserializeError, PizhuError, type SerializedError } from '../../shared/errors';

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

export interface RequestWorkerOptions {
  /** Where the thread's code is (see workerPath.ts). */
  entry: () => URL;
  workerData?: unknown;
  /** Named in errors: "The search worker stopped". */
  name: string;
  idleMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class RequestWorker<Request extends { method: string }> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Whether a thread ever answered: if none could start, a caller may fall back to working in process. */
  answered = false;

  constructor(private readonly options: RequestWorkerOptions) {}

  call<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new PizhuError('cancelled', 'The library is closed.'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker ?? this.spawn();
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Resolves once the thread has ended. */
  async close(): Promise<void> {
    this.closed = true;
    await this.end(new PizhuError('cancelled', 'The library is closed.'));
  }

  private async end(reason: Error): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(reason);
    await worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.entry(), { workerData: this.options.workerData });
    worker.unref();
    worker.on('message', (res: WorkerAnswer) => {
      this.answered = true;
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (!this.pending.size) this.idle(worker);
      if (res.ok) p.resolve(res.value);
      else p.reject(deserializeError(res.error));
    });
    worker.on('error', (err) => this.stopped(worker, err));
    worker.on('exit', (code) => this.stopped(worker, new Error(`The ${this.options.name} stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private idle(worker: Worker): void {
    worker.unref();
    const idleMs = this.options.idleMs;
    if (idleMs === undefined) return;
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker && !this.pending.size) void this.end(new PizhuError('cancelled', `The ${this.options.name} was idle.`));
    }, idleMs);
    this.idleTimer.unref();
  }

  private stopped(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.rejectAll(new PizhuError('internal', `${this.options.name[0].toUpperCase()}${this.options.name.slice(1)} failed: ${err.message}`));
  }

  private rejectAll(err: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(err);
  }
}
