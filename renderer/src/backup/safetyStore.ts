// The library-safety dialog's state: whether it is open, what the backend said, and the one
// operation running (a check, a backup, a restore, an export or an import) with its job progress.
import { create } from 'zustand';
import type { BackupInfo, JobInfo, LibraryHealth } from '../../../shared/domain';

export type SafetyWork = 'check' | 'backup' | 'restore' | 'export' | 'import';

interface SafetyState {
  open: boolean;
  health: LibraryHealth | null;
  backups: BackupInfo[] | null;
  work: SafetyWork | null;
  /** The running backup or export job, for its progress bar. */
  job: { info: JobInfo | null; since: number; cancel: () => void } | null;
  setOpen(open: boolean): void;
  patch(p: Partial<Omit<SafetyState, 'setOpen' | 'patch'>>): void;
}

export const useSafety = create<SafetyState>()((set) => ({
  open: false,
  health: null,
  backups: null,
  work: null,
  job: null,
  setOpen: (open) => set({ open }),
  patch: (p) => set(p),
}));
