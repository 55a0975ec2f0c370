// The codebook tree's view state and the annotations browser's question and answer.
import type { AnnotationPage } from '../../../shared/domain';
import type { Slice } from './types';

export type BrowseScope = 'document' | 'library';
export type NoteFilter = 'any' | 'yes' | 'no';

export interface BrowseFilters {
  themeId: string;
  includeSubthemes: boolean;
  author: string;
  hasNote: NoteFilter;
  /** ISO dates (yyyy-mm-dd) or ''. */
  from: string;
  to: string;
  sort: 'position' | 'time';
}

export const NO_BROWSE_FILTERS: BrowseFilters = { themeId: '', includeSubthemes: true, author: '', hasNote: 'any', from: '', to: '', sort: 'position' };

export interface BrowseOutcome {
  status: 'idle' | 'loading' | 'done' | 'error';
  page: AnnotationPage | null;
  error: string | null;
}

export interface ThemeDialog {
  kind: 'delete' | 'merge';
  themeId: string;
}

export interface CodebookSlice {
  /** Themes whose sub-themes are hidden in the tree. */
  collapsedThemes: string[];
  /** The theme the tree's keyboard focus and the details pane follow. */
  selectedThemeId: string | null;
  browseScope: BrowseScope;
  browseFilters: BrowseFilters;
  browseOutcome: BrowseOutcome;
  browseCursor: number;
  themeDialog: ThemeDialog | null;
  /** Bumped to put the tree's keyboard focus on the selected row (after a move re-renders it). */
  themeFocusSeq: number;
  toggleThemeCollapsed: (id: string, collapsed?: boolean) => void;
  selectTheme: (id: string | null) => void;
  setBrowseScope: (s: BrowseScope) => void;
  setBrowseFilters: (patch: Partial<BrowseFilters>) => void;
  setBrowseOutcome: (o: BrowseOutcome) => void;
  setBrowseCursor: (i: number) => void;
  setThemeDialog: (d: ThemeDialog | null) => void;
  focusSelectedTheme: () => void;
}

const COLLAPSED_KEY = 'pizhu.collapsedThemes';

function initialCollapsed(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export const createCodebookSlice: Slice<CodebookSlice> = (set) => ({
  collapsedThemes: initialCollapsed(),
  selectedThemeId: null,
  browseScope: 'document',
  browseFilters: NO_BROWSE_FILTERS,
  browseOutcome: { status: 'idle', page: null, error: null },
  browseCursor: 0,
  themeDialog: null,
  themeFocusSeq: 0,
  toggleThemeCollapsed: (id, collapsed) =>
    set((s) => {
      const has = s.collapsedThemes.includes(id);
      const want = collapsed ?? !has;
      if (want === has) return {};
      const collapsedThemes = want ? [...s.collapsedThemes, id] : s.collapsedThemes.filter((x) => x !== id);
      try {
        localStorage.setItem(COLLAPSED_KEY, JSON.stringify(collapsedThemes));
      } catch {
        /* storage unavailable */
      }
      return { collapsedThemes };
    }),
  selectTheme: (selectedThemeId) => set({ selectedThemeId }),
  setBrowseScope: (browseScope) => set({ browseScope, browseCursor: 0 }),
  setBrowseFilters: (patch) => set((s) => ({ browseFilters: { ...s.browseFilters, ...patch }, browseCursor: 0 })),
  setBrowseOutcome: (browseOutcome) => set({ browseOutcome }),
  setBrowseCursor: (browseCursor) => set({ browseCursor }),
  setThemeDialog: (themeDialog) => set({ themeDialog }),
  focusSelectedTheme: () => set((s) => ({ themeFocusSeq: s.themeFocusSeq + 1 })),
});
