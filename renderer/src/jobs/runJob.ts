// Runs long work as a backend job: starts it, follows its progress by polling jobs.get, cancels it
// when the signal aborts, and resolves with its result (or throws its typed error). Every job shows
// in the top bar's tasks indicator while it runs.
import type { InputOf } from '../../../shared/contract';
import type { JobInfo, JobResult } from '../../../shared/domain';
import { PizhuError, type ErrorCode } from '../../../shared/errors';
import { api } from '../api';
import { useJobs } from './jobsStore';

/** Often enough for a smooth bar, rarely enough to cost nothing. */
const POLL_MS = 120;

export interface RunJobOptions {
  /** The job in the user's words, for the tasks indicator. */
  label: string;
  onProgress?: (info: JobInfo) => void;
  signal?: AbortSignal;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runJob<K extends JobResult['kind']>(start: Extract<InputOf<'jobs.start'>, { kind: K }>, opts: RunJobOptions): Promise<Extract<JobResult, { kind: K }>> {
  const jobs = useJobs.getState();
  const since = Date.now();
  let info = await api['jobs.start'](start);
  const id = info.id;
  let cancelled = false;
  const cancel = () => {
    if (info.state !== 'running') return;
    cancelled = true;
    jobs.update(id, { cancelling: true });
    void api['jobs.cancel']({ id }).catch(() => {});
  };
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener('abort', cancel, { once: true });
  jobs.track({ info, label: opts.label, since, cancelling: false, cancel });
  try {
    opts.onProgress?.(info);
    while (info.state === 'running') {
      await wait(POLL_MS);
      info = await api['jobs.get']({ id });
      useJobs.getState().update(id, { info });
      opts.onProgress?.(info);
    }
    // Cancel means cancel: a job that finished before the backend heard of it is not used either.
    if (cancelled) throw new PizhuError('cancelled', 'Cancelled.', { jobId: id });
    if (info.state === 'done' && info.result) return info.result as Extract<JobResult, { kind: K }>;
    const error = info.error ?? { code: 'internal', message: 'The job ended without a result.' };
    throw new PizhuError(error.code as ErrorCode, error.message, { jobId: id });
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    useJobs.getState().forget(id);
  }
}

export function isCancelled(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'cancelled';
}
