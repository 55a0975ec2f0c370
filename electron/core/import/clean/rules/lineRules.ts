// Helpers for rules that judge whole lines: lines are matched on their simplified, lower-cased
// form so that one pattern covers both scripts (版權所有 and 版权所有).
import { foldForSearch } from '../../../../../shared/chinese';
import { lineDeletion, splitLines, type Edit } from '../edits';

export interface LineView {
  lines: string[];
  /** A line's simplified, lower-cased form, computed when first asked for. */
  folded(i: number): string;
  starts: number[];
  textLength: number;
}

export function viewLines(text: string): LineView {
  const { lines, starts } = splitLines(text);
  const cache: (string | undefined)[] = [];
  return { lines, starts, folded: (i) => (cache[i] ??= foldForSearch(lines[i])), textLength: text.length };
}

/** Merges marked lines into runs and deletes each run with one edit. */
export function deleteMarkedLines(view: LineView, marked: boolean[]): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (j + 1 < marked.length && marked[j + 1]) j++;
    edits.push(lineDeletion(view.starts, view.lines, i, j + 1, view.textLength));
    i = j;
  }
  return edits;
}

export const SENTENCE_END = /[。！？!?；;]/;
