// HTML pages saved from a browser: decode (BOM → declared charset → UTF-8 → GB18030/Big5), parse
// without executing anything (linkedom has no script engine and loads nothing), find the main
// article with Readability, and keep only its text, headings and emphasis.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PizhuError } from '../../../../shared/errors';
import { decodeHtmlBytes, decodeWith } from '../decode';
import { cleanByline, isoDate, readPageMeta, type MetaDocument } from './html-meta';
import { htmlToText, isNonText, type DomNode, type TextWithMarks } from './html-text';
import { looksBinary } from './text';
import type { ImportFormat, ParsedMeta } from './types';

/** Readability gives up (and we fall back to the whole page) beyond this many elements. */
const MAX_ELEMENTS = 60_000;
/**
 * Readability's time grows with the cube of nesting depth (measured: depth 150 → 0.2 s, 600 → 2.6 s,
 * 5,000 → minutes, then a stack overflow); real articles nest a few dozen levels, so deeper pages skip it.
 */
const MAX_READABILITY_DEPTH = 120;
/** Shorter article text than this is taken as Readability having found no article. */
const MIN_ARTICLE_CHARS = 40;
/**
 * Markup beyond this many characters is refused: parsing costs about 0.9 s and 65 MB per million
 * characters here, and saved article pages hold well under one million once inline images are dropped.
 */
export const MAX_HTML_CHARS = 5_000_000;

/** Inline images and fonts (data: URIs) of "save as single file" pages carry no text; drop them before parsing. */
function withoutDataUris(html: string): string {
  // A scan, not a regex: one greedy match over a multi-megabyte image overflows the regex stack.
  const parts: string[] = [];
  let from = 0;
  const lower = html.toLowerCase();
  for (let at = lower.indexOf('data:'); at >= 0; at = lower.indexOf('data:', at + 5)) {
    if (!/["'(]\s*$/.test(html.slice(Math.max(0, at - 8), at))) continue;
    let end = at;
    while (end < html.length && html[end] !== '"' && html[end] !== "'" && html[end] !== ')') end++;
    if (end - at < 256) continue;
    parts.push(html.slice(from, at));
    from = end;
    at = end - 5;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

interface LinkedomElement extends DomNode {
  remove(): void;
  textContent: string | null;
}

interface LinkedomDocument extends MetaDocument {
  body: LinkedomElement | null;
  documentElement: LinkedomElement;
  querySelectorAll(selector: string): ArrayLike<LinkedomElement & { getAttribute(name: string): string | null }>;
}

/**
 * linkedom keeps content outside <body> where it found it (and has no document element for a bare
 * fragment), while Readability reads only the body; so give every page an <html> and a <body>.
 */
export function withBody(html: string): string {
  let out = html;
  if (!/<body[\s>]/i.test(out)) {
    const headEnd = /<\/head\s*>/i.exec(out);
    const htmlStart = /<html\b[^>]*>/i.exec(out);
    const at = headEnd ? headEnd.index + headEnd[0].length : htmlStart ? htmlStart.index + htmlStart[0].length : 0;
    const htmlEnd = /<\/html\s*>/i.exec(out);
    const end = htmlEnd && htmlEnd.index >= at ? htmlEnd.index : out.length;
    out = `${out.slice(0, at)}<body>${out.slice(at, end)}</body>${out.slice(end)}`;
  }
  return /<html[\s>]/i.test(out) ? out : `<html>${out}</html>`;
}

function parseDocument(html: string): LinkedomDocument {
  return parseHTML(withBody(html)).document as unknown as LinkedomDocument;
}

function removeAll(doc: LinkedomDocument, selector: string): void {
  const found = Array.from(doc.querySelectorAll(selector));
  for (const el of found) el.remove();
}

/** Kept for the metadata reader; the text walker skips them anyway. */
const HEAD_TAGS = new Set(['html', 'head', 'title', 'meta', 'link', 'base']);

/**
 * Everything that can carry code or non-text payloads goes before Readability sees the page
 * (Readability would otherwise turn a javascript: link into plain text).
 */
function removeNonText(doc: LinkedomDocument): void {
  const doomed = Array.from(doc.querySelectorAll('*')).filter((el) => !HEAD_TAGS.has(el.nodeName.toLowerCase()) && isNonText(el));
  for (const el of doomed) el.remove();
}

// Not <form>: ASP.NET pages wrap the whole page in one.
const CHROME = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

function normalised(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * The title as an h1 paragraph at the top, unless the article already opens with it (a title set as
 * one or two paragraphs, as scraped Chinese pages often do) — then those paragraphs become the h1.
 */
function withTitle(body: TextWithMarks, title: string | undefined): TextWithMarks {
  if (!title) return body;
  const lines = body.text.split('\n');
  const want = normalised(title);
  for (let n = 1; n <= Math.min(2, lines.length); n++) {
    const head = normalised(lines.slice(0, n).join(''));
    if (head === want) {
      let offset = 0;
      const headings = lines.slice(0, n).map((line) => {
        const mark = { kind: 'h1' as const, start: offset, end: offset + line.length };
        offset += line.length + 1;
        return mark;
      });
      const marks = body.marks.filter((m) => m.start >= offset - 1);
      return { text: body.text, marks: [...headings, ...marks] };
    }
    if (!want.startsWith(head)) break;
  }
  const shift = title.length + 1;
  return {
    text: body.text ? `${title}\n${body.text}` : title,
    marks: [{ kind: 'h1', start: 0, end: title.length }, ...body.marks.map((m) => ({ ...m, start: m.start + shift, end: m.end + shift }))],
  };
}

function depthExceeds(root: DomNode, limit: number): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i].nodeType === 1) stack.push([children[i], depth + 1]);
  }
  return false;
}

/** The article in `doc` (which Readability consumes), or the whole page without its chrome. */
function readArticle(doc: LinkedomDocument, html: string, warnings: string[]): { body: TextWithMarks; byline?: string; publishedAt?: string } {
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  if (!depthExceeds(doc.documentElement, MAX_READABILITY_DEPTH)) {
    try {
      article = new Readability<DomNode>(doc as never, { serializer: (el) => el as unknown as DomNode, maxElemsToParse: MAX_ELEMENTS }).parse();
    } catch {
      article = null;
    }
  }
  if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS)
    return { body: htmlToText(article.content), byline: article.byline ?? undefined, publishedAt: article.publishedTime ?? undefined };

  warnings.push('No main article was recognised on this page; the whole page text was imported without menus, headers and footers.');
  const whole = parseDocument(html);
  removeNonText(whole);
  removeAll(whole, CHROME);
  return { body: htmlToText(whole.body ?? whole.documentElement) };
}

export const html: ImportFormat = {
  id: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  async parse(bytes, _fileName, options) {
    const warnings: string[] = [];
    const decoded = options.encoding ? decodeWith(bytes, options.encoding) : decodeHtmlBytes(bytes);
    if (looksBinary(decoded.text)) throw new PizhuError('invalid_input', 'This file looks binary, not an HTML page: nothing was imported.');
    if (decoded.text.includes('\ufffd')) warnings.push('Some bytes could not be decoded and were replaced by �.');
    const markup = withoutDataUris(decoded.text);
    if (markup.length > MAX_HTML_CHARS)
      throw new PizhuError(
        'unsupported',
        `This page holds ${(markup.length / 1e6).toFixed(1)} million characters of markup, over the ${MAX_HTML_CHARS / 1e6} million limit for web pages: nothing was imported.`,
      );

    // Metadata is read before Readability trims the page: labelled info lines sit outside the article.
    const page = parseDocument(markup);
    removeNonText(page);
    const pageLines = htmlToText(page.body ?? page.documentElement).text.split('\n');
    const meta: ParsedMeta = readPageMeta(page, pageLines);

    const article = readArticle(page, markup, warnings);
    if (!meta.byline && article.byline) meta.byline = cleanByline(article.byline);
    if (!meta.byline) delete meta.byline;
    if (!meta.publishedAt && article.publishedAt) meta.publishedAt = isoDate(article.publishedAt);
    const body = withTitle(article.body, meta.title);
    if (!body.text.trim()) throw new PizhuError('invalid_input', 'The page holds no readable text: nothing was imported.');
    return { text: body.text, format: 'html', encoding: decoded.encoding, confidence: decoded.confidence, meta, marks: body.marks, warnings };
  },
};
