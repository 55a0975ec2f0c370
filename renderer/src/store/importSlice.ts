// Importing files and pasted text, and the reader's document tools (report, removed text, split, merge, details).
import type { CleaningRuleId, CleaningRuleInfo, Collection, ImportFileResult } from '../../../shared/domain';
import type { Slice } from './types';

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export interface ImportChoices {
  disabledRules: CleaningRuleId[];
  encoding: ImportEncoding | 'auto';
  split: boolean;
}

/** Why the renderer refused a file without sending it. */
export type ClientProblem = 'tooLarge' | 'unsupported' | 'unreadable';

export interface ImportRow {
  key: number;
  /** As the user knows it: the relative path inside a chosen or dropped folder, else the name. */
  path: string;
  size: number;
  state: 'queued' | 'working' | 'done' | 'cancelled';
  result: ImportFileResult | null;
  problem: ClientProblem | null;
  choices: ImportChoices;
  pasted: boolean;
}

export type ImportTab = 'files' | 'paste';
export type ReaderPanel = 'report' | 'details' | 'split' | 'merge' | null;

export interface ImportSlice {
  importOpen: boolean;
  importTab: ImportTab;
  importRows: ImportRow[];
  importRunning: boolean;
  importCancelling: boolean;
  /** Files inside chosen or dropped folders that are not a supported type. */
  importSkipped: number;
  importRules: CleaningRuleInfo[];
  importChoices: ImportChoices;
  collections: Collection[];
  readerPanel: ReaderPanel;
  showRemoved: boolean;
  setImportOpen: (v: boolean) => void;
  setImportTab: (t: ImportTab) => void;
  /** Starts a new list (when idle) or appends to the running one. */
  addImportRows: (rows: ImportRow[], skipped: number, fresh: boolean) => void;
  patchImportRow: (key: number, patch: Partial<ImportRow>) => void;
  setImportRunning: (v: boolean) => void;
  setImportCancelling: (v: boolean) => void;
  setImportRules: (r: CleaningRuleInfo[]) => void;
  setImportChoices: (patch: Partial<ImportChoices>) => void;
  setCollections: (c: Collection[]) => void;
  setReaderPanel: (p: ReaderPanel) => void;
  setShowRemoved: (v: boolean) => void;
}

export const createImportSlice: Slice<ImportSlice> = (set) => ({
  importOpen: false,
  importTab: 'files',
  importRows: [],
  importRunning: false,
  importCancelling: false,
  importSkipped: 0,
  importRules: [],
  importChoices: { disabledRules: [], encoding: 'auto', split: true },
  collections: [],
  readerPanel: null,
  showRemoved: false,
  setImportOpen: (importOpen) => set({ importOpen }),
  setImportTab: (importTab) => set({ importTab }),
  addImportRows: (rows, skipped, fresh) =>
    set((s) =>
      fresh
        ? { importRows: rows, importSkipped: skipped }
        : { importRows: [...s.importRows, ...rows], importSkipped: s.importSkipped + skipped },
    ),
  patchImportRow: (key, patch) => set((s) => ({ importRows: s.importRows.map((r) => (r.key === key ? { ...r, ...patch } : r)) })),
  setImportRunning: (importRunning) => set({ importRunning }),
  setImportCancelling: (importCancelling) => set({ importCancelling }),
  setImportRules: (importRules) => set({ importRules }),
  setImportChoices: (patch) => set((s) => ({ importChoices: { ...s.importChoices, ...patch } })),
  setCollections: (collections) => set({ collections }),
  setReaderPanel: (readerPanel) => set({ readerPanel }),
  setShowRemoved: (showRemoved) => set({ showRemoved }),
});
