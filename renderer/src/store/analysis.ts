// The analysis workspace: which view is open and what each view was asked, kept while the user reads a passage and comes back.
import type { Slice } from './types';

export type AnalysisTab = 'retrieval' | 'frequency' | 'cooccurrence' | 'terms' | 'words';
export const ANALYSIS_TABS: AnalysisTab[] = ['retrieval', 'frequency', 'cooccurrence', 'terms', 'words'];

export type WordScope = { kind: 'library' } | { kind: 'document'; id: string } | { kind: 'theme'; id: string };

export interface AnalysisParams {
  retrievalThemeIds: string[];
  retrievalMode: 'all' | 'any';
  retrievalSubthemes: boolean;
  /** '' for the whole library. */
  frequencyDocumentId: string;
  frequencySort: 'count' | 'codebook';
  cooccurrenceMode: 'same' | 'overlap';
  /** The clicked cell, as theme ids. */
  cooccurrenceCell: [string, string] | null;
  terms: string[];
  termFold: boolean;
  wordScope: WordScope;
  wordTop: number;
}

export const DEFAULT_TERMS = ['新质生产力'];

export interface AnalysisSlice extends AnalysisParams {
  analysisOpen: boolean;
  analysisTab: AnalysisTab;
  /** Set when a passage was opened from the analysis view, so the reader can offer the way back. */
  analysisReturn: boolean;
  openAnalysis: (tab?: AnalysisTab) => void;
  closeAnalysis: (toPassage?: boolean) => void;
  setAnalysisTab: (tab: AnalysisTab) => void;
  setAnalysisParams: (patch: Partial<AnalysisParams>) => void;
  dismissAnalysisReturn: () => void;
}

export const createAnalysisSlice: Slice<AnalysisSlice> = (set) => ({
  analysisOpen: false,
  analysisTab: 'retrieval',
  analysisReturn: false,
  retrievalThemeIds: [],
  retrievalMode: 'any',
  retrievalSubthemes: true,
  frequencyDocumentId: '',
  frequencySort: 'count',
  cooccurrenceMode: 'same',
  cooccurrenceCell: null,
  terms: DEFAULT_TERMS,
  termFold: true,
  wordScope: { kind: 'library' },
  wordTop: 100,
  openAnalysis: (tab) => set((s) => ({ analysisOpen: true, analysisReturn: false, analysisTab: tab ?? s.analysisTab })),
  closeAnalysis: (toPassage = false) => set({ analysisOpen: false, analysisReturn: toPassage }),
  setAnalysisTab: (analysisTab) => set({ analysisTab }),
  setAnalysisParams: (patch) => set(patch),
  dismissAnalysisReturn: () => set({ analysisReturn: false }),
});
