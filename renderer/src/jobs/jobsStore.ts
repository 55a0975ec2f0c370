// The jobs this window started and is following, for the tasks indicator in the top bar.
import { create } from 'zustand';
import type { JobInfo } from '../../../shared/domain';

export interface TrackedJob {
  info: JobInfo;
  /** What the user asked for, in their words (e.g. "Export Word study notes"). */
  label: string;
  /** When this window asked for it (Date.now()), for the elapsed time. */
  since: number;
  cancelling: boolean;
  cancel(): void;
}

interface JobsState {
  jobs: TrackedJob[];
  track(job: TrackedJob): void;
  update(id: string, patch: Partial<TrackedJob>): void;
  forget(id: string): void;
}

export const useJobs = create<JobsState>()((set) => ({
  jobs: [],
  track: (job) => set((s) => ({ jobs: [...s.jobs.filter((j) => j.info.id !== job.info.id), job] })),
  update: (id, patch) => set((s) => ({ jobs: s.jobs.map((j) => (j.info.id === id ? { ...j, ...patch } : j)) })),
  forget: (id) => set((s) => ({ jobs: s.jobs.filter((j) => j.info.id !== id) })),
}));
