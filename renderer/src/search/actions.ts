// Library search requests and opening a result in the reader.
import type { SearchHit, SearchScope } from '../../../shared/domain';
import { openDocument } from '../actions';
import { api } from '../api';
import { useStore } from '../store';
import type { SearchSlice } from '../store/search';

const st = () => useStore.getState();

/** Typing waits this long for the next key before asking, so a word typed fast costs one query. */
export const SEARCH_DEBOUNCE_MS = 160;

let requestSeq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function queryInput(s: SearchSlice) {
  const f = s.searchFilters;
  return {
    query: s.searchQuery.trim(),
    fold: s.searchFold,
    scope: s.searchScope,
    sort: s.searchSort,
    limit: s.searchLimit,
    ...(f.themeId ? { themeIds: [f.themeId] } : {}),
    ...(f.documentId ? { documentIds: [f.documentId] } : {}),
    ...(f.collectionId ? { collectionIds: [f.collectionId] } : {}),
    ...(f.dateFrom ? { dateFrom: f.dateFrom } : {}),
    ...(f.dateTo ? { dateTo: f.dateTo } : {}),
  };
}

export function scheduleSearch(delayMs = SEARCH_DEBOUNCE_MS): void {
  clearTimeout(timer);
  timer = setTimeout(() => void runSearch(), delayMs);
}

/** Asks the backend; an answer to an older request than the latest is dropped. */
export async function runSearch(): Promise<void> {
  clearTimeout(timer);
  const seq = ++requestSeq;
  const s = st();
  const input = queryInput(s);
  if (!input.query) {
    s.setSearchOutcome({ status: 'idle', result: null, error: null, query: '', scope: input.scope, roundTripMs: 0 });
    return;
  }
  // Keep the previous lines on screen while the next answer is on its way.
  s.setSearchOutcome({ ...s.searchOutcome, status: 'loading', error: null });
  const began = performance.now();
  try {
    const result = await api['search.query'](input);
    if (seq !== requestSeq) return;
    st().setSearchOutcome({ status: 'done', result, error: null, query: input.query, scope: input.scope, roundTripMs: performance.now() - began });
  } catch (err) {
    if (seq !== requestSeq) return;
    const code = (err as { code?: string } | null)?.code;
    const message = err instanceof Error ? err.message : String(err);
    st().setSearchOutcome({ status: 'error', result: null, error: (code ? `[${code}] ` : '') + message, query: input.query, scope: input.scope, roundTripMs: 0 });
  }
}

/** Opens the hit's document, scrolls to the match and flashes it; a hit in a highlight or note selects that annotation. */
export async function openSearchHit(hit: SearchHit, scope: SearchScope): Promise<void> {
  await openDocument(hit.documentId);
  const s = st();
  if (s.doc?.id !== hit.documentId) return;
  if (hit.annotationId) {
    const a = s.annotations.find((x) => x.id === hit.annotationId);
    if (a) {
      s.setActive(a.id);
      s.setSideTab('annotation');
    }
    // A note's offsets count in the note, not in the document: show the highlight the note belongs to.
    if (scope === 'notes') {
      if (a) s.revealAt(a.documentId, a.start, a.end);
      return;
    }
  }
  s.revealAt(hit.documentId, hit.start, hit.end);
}
