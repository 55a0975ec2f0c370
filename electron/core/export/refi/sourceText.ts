// A plain-text source from a .qdpx as Pizhu's canonical text: UTF-8 without BOM, paragraphs split by
// "\n" alone. Positions other programs counted on the file (code points, CRLF as two) are mapped
// onto that text.
import { codePointIndex } from '../codePoints';

export interface SourceText {
  text: string;
  /** A code-point position on the file as written → a UTF-16 offset on `text`. */
  toOffset(codePoint: number): number;
  /** Length of the file's text in code points (the largest valid position). */
  codePoints: number;
}

export function decodeUtf8(bytes: Uint8Array): string {
  // TextDecoder drops a leading BOM, which no position counts.
  return new TextDecoder('utf-8').decode(bytes);
}

export function sourceText(raw: string): SourceText {
  const cp = codePointIndex(raw);
  // UTF-16 offsets (in `raw`) of the CR of every CRLF: each is dropped, shifting what follows.
  const dropped: number[] = [];
  for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) if (raw.charCodeAt(i + 1) === 10) dropped.push(i);
  const text = raw.replace(/\r\n?/g, '\n');
  const toOffset = (codePoint: number) => {
    const u = cp.toUtf16(codePoint);
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  };
  return { text, toOffset, codePoints: cp.length };
}
