// Keyword-in-context lines from the original (unfolded) text: about 30 characters each side,
// never past the paragraph the match is in, never splitting a surrogate pair.
export const KWIC_CONTEXT = 30;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface KwicLine {
  before: string;
  match: string;
  after: string;
}

export function kwic(text: string, start: number, end: number, context = KWIC_CONTEXT): KwicLine {
  let from = Math.max(0, start - context);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (from < lineStart) from = lineStart;
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;

  let to = Math.min(text.length, end + context);
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd >= 0 && to > lineEnd) to = lineEnd;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;

  return { before: text.slice(from, start), match: text.slice(start, end), after: text.slice(end, Math.max(end, to)) };
}
