// Cleaning is a sequence of edits: deletions, and same-length replacements (layout only).
// Applying them also yields a position map, so removed spans, marks and article boundaries
// found on one text can be carried to the next.

export interface Edit {
  start: number;
  end: number;
  /** Same-length replacement; absent for a deletion. */
  replacement?: string;
}

export interface Applied {
  text: string;
  /** Maps a position in the input to the output; a position inside a deletion goes to its start. */
  map(position: number): number;
  deletions: { start: number; end: number; at: number }[];
}

export function applyEdits(text: string, edits: Edit[]): Applied {
  const sorted = [...edits].filter((e) => e.end > e.start).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const deletions: Applied['deletions'] = [];
  // cumulative deleted length before each deletion's end, for the map
  const starts: number[] = [];
  const ends: number[] = [];
  const removedBefore: number[] = [];
  let cursor = 0;
  let removed = 0;
  for (const e of sorted) {
    if (e.start < cursor) continue; // overlapping edits: the first wins
    parts.push(text.slice(cursor, e.start));
    if (e.replacement !== undefined && e.replacement.length === e.end - e.start) {
      parts.push(e.replacement);
    } else {
      deletions.push({ start: e.start, end: e.end, at: e.start - removed });
      starts.push(e.start);
      ends.push(e.end);
      removed += e.end - e.start;
      removedBefore.push(removed);
    }
    cursor = e.end;
  }
  parts.push(text.slice(cursor));

  const map = (position: number): number => {
    // last deletion starting before position
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < position) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return position;
    if (position < ends[found]) return starts[found] - (removedBefore[found] - (ends[found] - starts[found]));
    return position - removedBefore[found];
  };
  return { text: parts.join(''), map, deletions };
}

/** Deletes whole lines [from, to) of `lines` (indexes), including one adjacent newline. */
export function lineDeletion(lineStarts: number[], lines: string[], from: number, to: number, textLength: number): Edit {
  const start = lineStarts[from];
  const lastEnd = lineStarts[to - 1] + lines[to - 1].length;
  if (lastEnd < textLength) return { start, end: lastEnd + 1 };
  return { start: from > 0 ? start - 1 : start, end: lastEnd };
}

export function splitLines(text: string): { lines: string[]; starts: number[] } {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return { lines, starts };
}
