// Layout only: line endings, indentation, blank lines and runs of spaces. Full-width
// punctuation is untouched; a single space inside a line (e.g. between names) stays.
import type { Edit } from '../edits';
import type { CleaningRule } from './types';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x3000 || (c >= 0x2002 && c <= 0x200b) || c === 0xfeff;
}

export const whitespace: CleaningRule = {
  id: 'whitespace',
  keepsRemoved: false,
  find(text) {
    const edits: Edit[] = [];
    const n = text.length;
    let lineStart = 0;
    let lastKeptLineEnd = -1; // index of the newline ending the last non-blank line
    for (let i = 0; i <= n; i++) {
      if (i < n && text[i] !== '\n' && text[i] !== '\r') continue;
      // line is [lineStart, i)
      let s = lineStart;
      let e = i;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      const blank = s === e;
      if (blank) {
        // drop the blank line and its line break
        edits.push({ start: lineStart, end: Math.min(i + (text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1), n) });
      } else {
        if (s > lineStart) edits.push({ start: lineStart, end: s });
        // collapse inner runs of spaces to one plain space
        for (let j = s; j < e; j++) {
          if (!isSpace(text.charCodeAt(j))) continue;
          let k = j;
          while (k < e && isSpace(text.charCodeAt(k))) k++;
          if (text[j] !== ' ' && text[j] !== '\u3000') edits.push({ start: j, end: j + 1, replacement: ' ' });
          if (k - j > 1) edits.push({ start: j + 1, end: k });
          j = k - 1;
        }
        if (e < i) edits.push({ start: e, end: i });
        if (i < n) {
          if (text[i] === '\r' && text[i + 1] === '\n') edits.push({ start: i, end: i + 1 });
          else if (text[i] === '\r') edits.push({ start: i, end: i + 1, replacement: '\n' });
        }
        lastKeptLineEnd = i;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      lineStart = i + 1;
    }
    // everything after the last kept line is line breaks and blank lines: one deletion
    if (lastKeptLineEnd >= 0 && lastKeptLineEnd < n) {
      const kept = edits.filter((ed) => ed.start < lastKeptLineEnd);
      kept.push({ start: lastKeptLineEnd, end: n });
      return kept;
    }
    return edits;
  },
};
