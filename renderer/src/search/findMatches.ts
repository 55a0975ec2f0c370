// Find in the current document: a plain scan of the shown text under the same folding as library
// search. foldForSearch maps character for character, so positions in the folded text are positions
// in the document.
import { useMemo } from 'react';
import { useStore } from '../store';
import { useChinese } from './chinese';

export interface TextMatch {
  start: number;
  end: number;
}

/** Non-overlapping occurrences of needle in haystack, left to right (what a find bar steps through). */
export function scanMatches(haystack: string, needle: string): TextMatch[] {
  const out: TextMatch[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    out.push({ start: at, end: at + needle.length });
  }
  return out;
}

/** The find index only counts steps (next +1, previous −1); this turns it into a match number. */
export function wrapIndex(index: number, count: number): number {
  return count > 0 ? ((index % count) + count) % count : -1;
}

let lastFolded: { text: string; fold: boolean; folded: string } | null = null;

/** Matches of the find bar's query in text; null while the folding tables load or when find is closed. */
export function useFindMatches(text: string | null): TextMatch[] | null {
  const open = useStore((s) => s.findOpen);
  const query = useStore((s) => s.findQuery);
  const fold = useStore((s) => s.findFold);
  const zh = useChinese(open);
  return useMemo(() => {
    if (!open || text === null || !zh) return null;
    if (!query) return [];
    if (!lastFolded || lastFolded.text !== text || lastFolded.fold !== fold) {
      lastFolded = { text, fold, folded: zh.foldForSearch(text, fold) };
    }
    return scanMatches(lastFolded.folded, zh.foldForSearch(query, fold));
  }, [open, text, query, fold, zh]);
}
