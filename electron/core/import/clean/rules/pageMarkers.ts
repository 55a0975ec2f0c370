// Document-sharing extracts put each page on its own line headed by its number (`2、`), cutting
// sentences: `…呈现\n2、非线性过程…` must read `…呈现非线性过程…`. Only a run of long lines
// numbered 1, 2, 3… in order, mostly broken mid-sentence, counts; a real list item `1、…`
// at the start of a paragraph stays.
import type { Edit } from '../edits';
import type { CleaningRule } from './types';
import { viewLines } from './lineRules';

const PAGE_NUMBER = /^(\d{1,4})、/;
const SENTENCE_CLOSED = /[。！？!?；;”』」）)]$/;

interface Run {
  from: number;
  to: number;
}

function numberedRuns(lines: string[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = lines[i].match(PAGE_NUMBER);
    if (!m) {
      i++;
      continue;
    }
    let j = i + 1;
    let expected = Number(m[1]) + 1;
    while (j < lines.length && Number(lines[j].match(PAGE_NUMBER)?.[1] ?? -1) === expected) {
      j++;
      expected++;
    }
    runs.push({ from: i, to: j });
    i = j;
  }
  return runs;
}

function looksLikePages(lines: string[], run: Run): boolean {
  const count = run.to - run.from;
  if (count < 2) return false;
  const page = lines.slice(run.from, run.to);
  const long = page.filter((l) => l.length >= 200).length;
  const cutMidSentence = page.slice(0, -1).filter((l) => !SENTENCE_CLOSED.test(l)).length;
  return long >= count * 0.7 && cutMidSentence >= (count - 1) * 0.5;
}

export const pageMarkers: CleaningRule = {
  id: 'page-markers',
  keepsRemoved: true,
  find(text) {
    const view = viewLines(text);
    const edits: Edit[] = [];
    for (const run of numberedRuns(view.lines)) {
      if (!looksLikePages(view.lines, run)) continue;
      for (let k = run.from; k < run.to; k++) {
        const marker = view.lines[k].match(PAGE_NUMBER)![0];
        const start = view.starts[k];
        edits.push(k === run.from ? { start, end: start + marker.length } : { start: start - 1, end: start + marker.length });
      }
    }
    return edits;
  },
};
