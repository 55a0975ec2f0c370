// Rebuilds paragraphs from a PDF's positioned text lines: drops running headers, footers and page
// numbers, then joins lines into paragraphs (CJK without a space, Latin with one), across page
// breaks too. Pure, so each rule is testable without a PDF.
import type { TextMark } from '../../../../shared/domain';
import { isCjk, joinsTight } from './join';

/** One line of text on a page, in PDF user space (y grows upwards; `y` is the baseline). */
export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  /** Font size (glyph height). */
  size: number;
}

export interface PdfPage {
  height: number;
  lines: PdfLine[];
}

export interface PdfLayout {
  text: string;
  marks: TextMark[];
  headerLines: number;
  pageNumbers: number;
}

/** Share of the page height at the top and bottom where headers, footers and page numbers live. */
const MARGIN_BAND = 0.15;

const PAGE_NUMBER = [
  /^[-–—~·•.\s[(（【]*\d{1,4}[-–—~·•.\s\])）】]*$/, // 3, - 3 -, — 3 —, [3]
  /^(?:第\d{1,4}[页頁])?(?:[,，/|｜]?共\d{1,4}[页頁])?$/, // 第3页, 第3页共100页, 共100页
  /^(?:共\d{1,4}[页頁])(?:[,，/|｜]?第\d{1,4}[页頁])$/,
  /^\d{1,4}\/\d{1,4}$/, // 3/100
  /^(?:page|p\.?)\d{1,4}(?:(?:of|\/)\d{1,4})?$/i, // Page 3, Page 3 of 10
  /^[ivxlc]{1,7}$/i, // roman numerals in front matter
];

export function isPageNumber(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return compact.length > 0 && PAGE_NUMBER.some((re) => re.test(compact));
}

function inMarginBand(line: PdfLine, page: PdfPage): boolean {
  return line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;
}

/** Header/footer identity: digits vary from page to page (`第 3 页`), the rest and the position do not. */
function furnitureKey(line: PdfLine): string {
  return `${Math.round(line.y / 6)}|${line.text.replace(/\s+/g, '').replace(/\d+/g, '#')}`;
}

/** Removes running headers/footers (same text at the same height on most pages) and page numbers. */
export function removePageFurniture(pages: PdfPage[]): { pages: PdfPage[]; headerLines: number; pageNumbers: number } {
  const pagesWithKey = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.lines.filter((l) => inMarginBand(l, page)).map(furnitureKey));
    for (const k of keys) pagesWithKey.set(k, (pagesWithKey.get(k) ?? 0) + 1);
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.4));
  let headerLines = 0;
  let pageNumbers = 0;
  const kept = pages.map((page) => ({
    height: page.height,
    lines: page.lines.filter((line) => {
      if (!inMarginBand(line, page)) return true;
      if (isPageNumber(line.text)) {
        pageNumbers++;
        return false;
      }
      if (pages.length >= 2 && (pagesWithKey.get(furnitureKey(line)) ?? 0) >= repeatedOn) {
        headerLines++;
        return false;
      }
      return true;
    }),
  }));
  return { pages: kept, headerLines, pageNumbers };
}

function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Left (or right) edges many lines share: the columns' margins, several on multi-column pages.
 * Within 4 em of each other only the outermost counts, so paragraph indents are not mistaken for columns.
 */
function frequentEdges(values: number[], minCount: number, em: number, side: 'left' | 'right'): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  // Neighbouring bins count together so a margin jittering by a point is still one edge.
  const frequent = [...counts.keys()]
    .filter((v) => (counts.get(v - 1) ?? 0) + (counts.get(v) ?? 0) + (counts.get(v + 1) ?? 0) >= minCount)
    .sort((a, b) => (side === 'left' ? a - b : b - a));
  const edges: number[] = [];
  for (const v of frequent) if (!edges.some((e) => Math.abs(e - v) <= 4 * em)) edges.push(v);
  return edges;
}

interface Geometry {
  lefts: number[];
  rights: number[];
  lineGap: number | null;
  /** Typical font size, to scale the line gap for larger type. */
  em: number;
}

function geometryOf(lines: PdfLine[], minCount: number): Geometry {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1].y - lines[i].y;
    if (d > 0 && Math.abs(lines[i].size - lines[i - 1].size) < 0.5) gaps.push(d);
  }
  const em = median(lines.map((l) => l.size)) ?? 12;
  return {
    lefts: frequentEdges(lines.map((l) => l.x), minCount, em, 'left'),
    rights: frequentEdges(lines.map((l) => l.right), minCount, em, 'right'),
    lineGap: median(gaps),
    em,
  };
}

/** Column left margin for a line: the nearest frequent left edge at or before it. */
function columnLeft(line: PdfLine, g: Geometry): number {
  let best = -Infinity;
  for (const e of g.lefts) if (e <= line.x + 1.5 && e > best) best = e;
  return best === -Infinity ? line.x : best;
}

/** Column right margin for a line: the nearest frequent right edge at or after it. */
function columnRight(line: PdfLine, g: Geometry): number {
  let best = Infinity;
  for (const e of g.rights) if (e >= line.right - 1.5 && e < best) best = e;
  return best === Infinity ? line.right : best;
}

const SENTENCE_END = /[。！？!?…；;：:.”’」』）)】]$/u;

function isCjkLine(text: string): boolean {
  let cjk = 0;
  for (const ch of text) if (isCjk(ch)) cjk++;
  return cjk * 2 >= text.length;
}

interface PlacedLine extends PdfLine {
  page: number;
  geometry: Geometry;
}

function isShort(line: PlacedLine): boolean {
  const left = columnLeft(line, line.geometry);
  const right = columnRight(line, line.geometry);
  const width = right - left;
  // Justified CJK lines end flush; ragged Latin lines can fall short by a long word.
  const slack = isCjkLine(line.text) ? 1.5 * line.size : Math.max(2 * line.size, 0.2 * width);
  return line.right < right - slack;
}

function isCentred(line: PlacedLine): boolean {
  const left = columnLeft(line, line.geometry);
  const right = columnRight(line, line.geometry);
  const before = line.x - left;
  const after = right - line.right;
  return before > 2 * line.size && after > 2 * line.size && Math.abs(before - after) < 1.5 * line.size;
}

function startsParagraph(prev: PlacedLine, line: PlacedLine): boolean {
  if (Math.abs(line.size - prev.size) > 0.15 * Math.max(line.size, prev.size)) return true;
  if (isCentred(line) || isCentred(prev)) return true;
  const samePage = prev.page === line.page;
  if (samePage) {
    const gap = prev.y - line.y;
    const lineGap = (line.geometry.lineGap ?? line.geometry.em * 1.2) * Math.max(1, line.size / line.geometry.em);
    if (gap > lineGap * 1.4) return true;
  }
  // Indented relative to the previous line on the same column, or to the margin after a page break.
  const indentFrom = samePage && prev.y > line.y ? prev.x : columnLeft(line, line.geometry);
  const indented = line.x - indentFrom > 0.8 * line.size;
  if (indented) return true;
  return isShort(prev) && SENTENCE_END.test(prev.text);
}

function joinLines(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  return joinsTight(before, after) ? before + after : `${before} ${after}`;
}

/** Heading level from font size relative to the body text, for short paragraphs only. */
function headingKind(size: number, bodySize: number, length: number): TextMark['kind'] | null {
  if (length > 80) return null;
  const ratio = size / bodySize;
  if (ratio >= 1.6) return 'h1';
  if (ratio >= 1.3) return 'h2';
  if (ratio >= 1.15) return 'h3';
  return null;
}

/** Paragraphs (one per line of the result) from the pages' lines, furniture already removed. */
export function paragraphsFrom(pages: PdfPage[]): { text: string; marks: TextMark[] } {
  const all = pages.flatMap((p) => p.lines);
  const docGeometry = geometryOf(all, Math.max(3, Math.round(all.length * 0.05)));
  const placed: PlacedLine[] = [];
  pages.forEach((page, i) => {
    const own = geometryOf(page.lines, Math.max(3, Math.round(page.lines.length * 0.2)));
    const geometry: Geometry = {
      lefts: own.lefts.length ? own.lefts : docGeometry.lefts,
      rights: own.rights.length ? own.rights : docGeometry.rights,
      lineGap: own.lineGap ?? docGeometry.lineGap,
      em: docGeometry.em,
    };
    for (const line of page.lines) placed.push({ ...line, page: i, geometry });
  });
  const sizeByChars = placed.flatMap((l) => Array<number>(Math.min(l.text.length, 200)).fill(Math.round(l.size * 2) / 2));
  const bodySize = mode(sizeByChars) ?? 12;

  const paragraphs: { text: string; size: number }[] = [];
  for (let i = 0; i < placed.length; i++) {
    const line = placed[i];
    const last = paragraphs[paragraphs.length - 1];
    if (!last || startsParagraph(placed[i - 1], line)) paragraphs.push({ text: line.text, size: line.size });
    else last.text = joinLines(last.text, line.text);
  }
  const marks: TextMark[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    const kind = headingKind(p.size, bodySize, p.text.length);
    if (kind) marks.push({ kind, start: offset, end: offset + p.text.length });
    offset += p.text.length + 1;
  }
  return { text: paragraphs.map((p) => p.text).join('\n'), marks };
}

export function layoutPdf(pages: PdfPage[]): PdfLayout {
  const { pages: body, headerLines, pageNumbers } = removePageFurniture(pages);
  return { ...paragraphsFrom(body), headerLines, pageNumbers };
}
