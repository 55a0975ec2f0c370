// What the scale probe (bench/scaleProbe.ts) reports, shared with bench/scale.ts.

export interface ProbeStep {
  step: string;
  ms: number;
  rssMB: number;
  heapMB: number;
  /** Peak RSS of the process so far. */
  peakMB: number;
  note?: string;
}

export interface ProbeResult {
  side: 'ours' | 'naive';
  steps: ProbeStep[];
  peakMB: number;
}

/** The step names both sides share (bench/scale.ts reads them back). */
export const STEP = {
  open: 'open library',
  list: 'documents.list',
  /** Ours only: the library panel's refresh after a highlight, one row against the whole list, each serialised. */
  refreshOneRow: 'refresh after a highlight: that document\'s row',
  refreshWholeList: 'refresh after a highlight: the whole list',
  firstPage: 'annotations.query, first page',
  middlePage: 'annotations.query, page at 50,000',
  lastPage: 'annotations.query, last page',
  search: 'search',
  markdown: 'export, Markdown',
  word: 'export, Word',
} as const;
