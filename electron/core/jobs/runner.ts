// Long work (exports, reindex, backups, the library archive) off the app's thread: each job runs in a
// worker thread of its own with its own connection, posts its progress, and is cancelled by ending
// the thread (its partial output file removed). One job of a kind runs at a time (a backup: one of
// each reason, their files are named apart); finished jobs are kept for a while so the renderer can
// collect the result.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobInfo, JobKind } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { ServiceContext } from '../services/context';
import { workerUrl } from '../workerPath';
import type { JobControl, JobInput, JobMessage, JobWorkerInit } from './protocol';

/** How long a finished job (and its result, perhaps a large file) stays readable by jobs.get. */
const KEEP_FINISHED_MS = 2 * 60_000;
/** How long a cancelled job that can stop between steps (the library archive) gets to clean up before its thread is ended. */
const CANCEL_GRACE_MS = 1_000;
/** Kinds whose work listens to the cancel signal; the others are busy in one long call and are ended at once. */
const STOPS_BY_ITSELF: ReadonlySet<JobKind> = new Set(['libraryExport']);
/**
 * A job allocates much and keeps little: a small young generation is collected more often. Measured on
 * 5,000 excerpts of a 100,000-highlight library: 15–30 MB less resident memory per job thread, no
 * measurable cost in time.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

const KIND_NAMES: Record<JobKind, string> = { backup: 'A backup', reindex: 'A rebuild of the search index', export: 'An export', libraryExport: 'A library export' };

function workerEntry(): URL {
  return workerUrl('jobWorker.cjs', () => new URL('./workerEntry.mjs', import.meta.url));
}

/** Jobs that may not run side by side share a slot. */
function slotOf(input: JobInput): string {
  return input.kind === 'backup' ? `backup:${input.reason ?? 'manual'}` : input.kind;
}

interface Job {
  info: JobInfo;
  slot: string;
  /** Resolves with the job as it ended (done, failed or cancelled). */
  settled: Promise<JobInfo>;
  settle(info: JobInfo): void;
  worker: Worker | null;
  /** Resolves when the job's thread has stopped. */
  exited: Promise<void>;
  outputs: string[];
  finishedAt: number;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private closed = false;
  /**
   * Job threads die with the process (the shell quits right after closing the library, before a
   * thread stuck in one long SQLite call has ended): their partial files must not outlive them.
   */
  private readonly removeOutputsAtExit = () => {
    for (const job of this.jobs.values()) removeOutputs(job);
  };

  constructor(private readonly ctx: ServiceContext) {}

  start(input: JobInput): JobInfo {
    if (this.closed) throw new PizhuError('cancelled', 'The library is closed.');
    this.forgetOld();
    const slot = slotOf(input);
    const busy = [...this.jobs.values()].find((j) => j.slot === slot && j.info.state === 'running');
    if (busy) throw new PizhuError('conflict', `${KIND_NAMES[input.kind]} is already running.`, { jobId: busy.info.id });
    let settle: (info: JobInfo) => void = () => {};
    const settled = new Promise<JobInfo>((resolve) => (settle = resolve));
    const job: Job = {
      info: { id: this.ctx.newId(), kind: input.kind, state: 'running', done: 0, total: 0, unit: input.kind === 'export' ? 'excerpts' : 'steps', startedAt: this.ctx.now(), result: null, error: null },
      slot,
      settled,
      settle,
      worker: null,
      exited: Promise.resolve(),
      outputs: [],
      finishedAt: 0,
    };
    this.jobs.set(job.info.id, job);
    this.spawn(job, { job: input, dbFile: this.ctx.db.name, libraryDir: this.ctx.libraryDir, userId: this.ctx.userId, userName: this.ctx.userName, startedAt: job.info.startedAt });
    return { ...job.info };
  }

  get(id: string): JobInfo {
    return { ...this.find(id).info };
  }

  /** The job as it ends: done, failed or cancelled (also by close). */
  settled(id: string): Promise<JobInfo> {
    return this.find(id).settled;
  }

  /** Ends a running job; a job that already ended is returned as it ended. */
  cancel(id: string): Promise<JobInfo> {
    const job = this.find(id);
    return this.stop(job, `${KIND_NAMES[job.info.kind]} was cancelled.`);
  }

  /**
   * Cancels every running job and waits for its thread to end: a job's own connection must be
   * gone before the library file is swapped (restore, archive import), or closing it could touch the new file's log.
   */
  async stopAll(message?: string): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.info.state === 'running');
    await Promise.all(running.map(async (job) => {
      await this.stop(job, message ?? `${KIND_NAMES[job.info.kind]} was cancelled.`);
      await job.exited;
    }));
  }

  /** Refuses new jobs and ends the running ones; resolves once their threads have ended and their partial files are gone. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stopAll('The library was closed.');
    // A job that has just finished may still be closing its connection.
    await Promise.all([...this.jobs.values()].map((j) => j.exited));
  }

  private async stop(job: Job, message: string): Promise<JobInfo> {
    if (job.info.state === 'running') {
      this.finish(job, { state: 'cancelled', error: { code: 'cancelled', message } });
      const worker = job.worker;
      if (worker) {
        if (STOPS_BY_ITSELF.has(job.info.kind)) {
          worker.postMessage({ type: 'cancel' } satisfies JobControl);
          await Promise.race([job.exited, new Promise((resolve) => setTimeout(resolve, CANCEL_GRACE_MS))]);
        }
        await worker.terminate();
      }
      job.worker = null;
      removeOutputs(job);
    }
    return { ...job.info };
  }

  private find(id: string): Job {
    this.forgetOld();
    const job = this.jobs.get(id);
    if (!job) throw new PizhuError('not_found', `No job ${id} (finished jobs are kept for ${KEEP_FINISHED_MS / 60_000} minutes).`);
    return job;
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.info.state !== 'running' && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }

  private finish(job: Job, patch: Partial<JobInfo>): void {
    if (job.info.state !== 'running') return;
    job.info = { ...job.info, ...patch };
    job.finishedAt = Date.now();
    job.settle({ ...job.info });
  }

  private onMessage(job: Job, message: JobMessage): void {
    if (job.info.state !== 'running') return;
    switch (message.type) {
      case 'progress':
        job.info = { ...job.info, done: message.done, total: message.total, unit: message.unit };
        break;
      case 'output':
        job.outputs.push(message.path);
        break;
      case 'done':
        // Its files are the result now, no longer partial work to clean up.
        job.outputs = [];
        this.finish(job, { state: 'done', result: message.result, done: Math.max(job.info.done, job.info.total) });
        break;
      case 'failed':
        this.finish(job, { state: 'failed', error: { code: message.error.code, message: message.error.message } });
        removeOutputs(job);
        break;
    }
  }

  private spawn(job: Job, init: JobWorkerInit): void {
    const worker = new Worker(workerEntry(), { workerData: init, resourceLimits: WORKER_LIMITS });
    if (!this.threadsRunning()) process.on('exit', this.removeOutputsAtExit);
    job.worker = worker;
    job.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (m: JobMessage) => this.onMessage(job, m));
    worker.on('error', (err) => this.stopped(job, err.message));
    worker.on('exit', (code) => {
      job.worker = null;
      this.stopped(job, `The job's thread stopped (exit code ${code}).`);
      if (!this.threadsRunning()) process.off('exit', this.removeOutputsAtExit);
    });
  }

  private threadsRunning(): boolean {
    return [...this.jobs.values()].some((j) => j.worker !== null);
  }

  /** A thread that ended without a result failed (e.g. it ran out of memory). */
  private stopped(job: Job, message: string): void {
    if (job.info.state !== 'running') return;
    this.finish(job, { state: 'failed', error: { code: 'internal', message } });
    removeOutputs(job);
  }
}

/** Each output file, and the files beside it whose names start with its name (its partial files). */
function removeOutputs(job: Job): void {
  for (const path of job.outputs.splice(0)) {
    const dir = dirname(path);
    const name = basename(path);
    let siblings: string[] = [];
    try {
      siblings = readdirSync(dir).filter((f) => f.startsWith(name));
    } catch {
      // No folder: nothing was written.
    }
    for (const f of siblings) rmSync(join(dir, f), { force: true });
  }
}
