// Library search, find-in-document and the reading script: what the user asked for and what came back.
import type { SearchResult, SearchScope } from '../../../shared/domain';
import type { Slice } from './types';

export type SearchSort = 'relevance' | 'date';
/** How the reader shows Han characters; the stored text never changes. */
export type ReadingScript = 'stored' | 'simplified' | 'traditional';

export interface SearchFilters {
  themeId: string;
  documentId: string;
  collectionId: string;
  /** ISO dates (yyyy-mm-dd) or ''. */
  dateFrom: string;
  dateTo: string;
}

export const NO_FILTERS: SearchFilters = { themeId: '', documentId: '', collectionId: '', dateFrom: '', dateTo: '' };

export interface SearchOutcome {
  status: 'idle' | 'loading' | 'done' | 'error';
  result: SearchResult | null;
  error: string | null;
  /** The query and scope the result answers: the "no results" line names it, a note hit needs the scope. */
  query: string;
  scope: SearchScope;
  /** Time from request to answer as the user feels it. */
  roundTripMs: number;
}

/** A place in a document to scroll to and flash; seq makes a repeated click on the same hit flash again. */
export interface RevealTarget {
  documentId: string;
  start: number;
  end: number;
  seq: number;
}

export interface SearchSlice {
  searchOpen: boolean;
  searchFocusSeq: number;
  searchQuery: string;
  searchScope: SearchScope;
  searchFold: boolean;
  searchSort: SearchSort;
  searchFilters: SearchFilters;
  searchLimit: number;
  searchOutcome: SearchOutcome;
  /** Index of the keyboard-selected KWIC line across all groups. */
  searchCursor: number;

  findOpen: boolean;
  findFocusSeq: number;
  findQuery: string;
  findFold: boolean;
  findIndex: number;
  /** Bumped by each user step (typing, next, previous); the reader scrolls to the current match only then. */
  findScrollSeq: number;

  readingScript: ReadingScript;
  reveal: RevealTarget | null;

  openSearch: () => void;
  closeSearch: () => void;
  setSearchQuery: (q: string) => void;
  setSearchScope: (s: SearchScope) => void;
  setSearchFold: (v: boolean) => void;
  setSearchSort: (s: SearchSort) => void;
  setSearchFilters: (patch: Partial<SearchFilters>) => void;
  setSearchLimit: (n: number) => void;
  setSearchOutcome: (o: SearchOutcome) => void;
  setSearchCursor: (i: number) => void;

  openFind: (query?: string) => void;
  closeFind: () => void;
  setFindQuery: (q: string) => void;
  setFindFold: (v: boolean) => void;
  setFindIndex: (i: number) => void;

  setReadingScript: (s: ReadingScript) => void;
  revealAt: (documentId: string, start: number, end: number) => void;
}

export const SEARCH_PAGE = 300;
const SCRIPT_KEY = 'pizhu.readingScript';

function initialScript(): ReadingScript {
  try {
    const v = localStorage.getItem(SCRIPT_KEY);
    return v === 'simplified' || v === 'traditional' ? v : 'stored';
  } catch {
    return 'stored';
  }
}

let revealSeq = 0;

export const createSearchSlice: Slice<SearchSlice> = (set) => ({
  searchOpen: false,
  searchFocusSeq: 0,
  searchQuery: '',
  searchScope: 'text',
  searchFold: true,
  searchSort: 'relevance',
  searchFilters: NO_FILTERS,
  searchLimit: SEARCH_PAGE,
  searchOutcome: { status: 'idle', result: null, error: null, query: '', scope: 'text', roundTripMs: 0 },
  searchCursor: 0,

  findOpen: false,
  findFocusSeq: 0,
  findQuery: '',
  findFold: true,
  findIndex: 0,
  findScrollSeq: 0,

  readingScript: initialScript(),
  reveal: null,

  openSearch: () => set((s) => ({ searchOpen: true, searchFocusSeq: s.searchFocusSeq + 1 })),
  closeSearch: () => set({ searchOpen: false }),
  // Changing what is asked starts again from the first page and the first line.
  setSearchQuery: (searchQuery) => set({ searchQuery, searchLimit: SEARCH_PAGE, searchCursor: 0 }),
  setSearchScope: (searchScope) => set({ searchScope, searchLimit: SEARCH_PAGE, searchCursor: 0 }),
  setSearchFold: (searchFold) => set({ searchFold, searchLimit: SEARCH_PAGE, searchCursor: 0 }),
  setSearchSort: (searchSort) => set({ searchSort, searchCursor: 0 }),
  setSearchFilters: (patch) => set((s) => ({ searchFilters: { ...s.searchFilters, ...patch }, searchLimit: SEARCH_PAGE, searchCursor: 0 })),
  setSearchLimit: (searchLimit) => set({ searchLimit }),
  setSearchOutcome: (searchOutcome) => set({ searchOutcome }),
  setSearchCursor: (searchCursor) => set({ searchCursor }),

  openFind: (query) =>
    set((s) => ({
      findOpen: true,
      findFocusSeq: s.findFocusSeq + 1,
      ...(query !== undefined && query !== s.findQuery ? { findQuery: query, findIndex: 0, findScrollSeq: s.findScrollSeq + 1 } : {}),
    })),
  closeFind: () => set({ findOpen: false }),
  setFindQuery: (findQuery) => set((s) => ({ findQuery, findIndex: 0, findScrollSeq: s.findScrollSeq + 1 })),
  setFindFold: (findFold) => set((s) => ({ findFold, findIndex: 0, findScrollSeq: s.findScrollSeq + 1 })),
  setFindIndex: (findIndex) => set((s) => ({ findIndex, findScrollSeq: s.findScrollSeq + 1 })),

  setReadingScript: (readingScript) => {
    try {
      localStorage.setItem(SCRIPT_KEY, readingScript);
    } catch {
      /* storage unavailable */
    }
    set({ readingScript });
  },
  revealAt: (documentId, start, end) => set({ reveal: { documentId, start, end, seq: ++revealSeq } }),
});
