// HTML pages saved from a browser: decode (BOM → declared charset → UTF-8 → GB18030/Big5), parse
// without executing anything (linkedom has no script engine and loads nothing), find the main
// article with Readability, and keep only its text, headings and emphasis.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PizhuError } from '../../../../shared/errors';
import { decodeHtmlBytes, decodeWith } from '../decode';
import { isoDate, readPageMeta, type MetaDocument } from './html-meta';
import { htmlToText, isNonText, type DomNode, type TextWithMarks } from './html-text';
import { looksBinary } from './text';
import type { ImportFormat, ParsedMeta } from './types';

/** Readability gives up (and we fall back to the whole page) beyond this many elements. */
const MAX_ELEMENTS = 60_000;
/** Shorter article text than this is taken as Readability having found no article. */
const MIN_ARTICLE_CHARS = 40;

interface LinkedomElement extends DomNode {
  remove(): void;
  textContent: string | null;
}

interface LinkedomDocument extends MetaDocument {
  body: LinkedomElement | null;
  documentElement: LinkedomElement;
  querySelectorAll(selector: string): ArrayLike<LinkedomElement & { getAttribute(name: string): string | null }>;
}

function parseDocument(html: string): LinkedomDocument {
  return parseHTML(html).document as unknown as LinkedomDocument;
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

const CHROME = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

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
      const marks = body.marks.filter((m) => !(m.kind === 'bold' && m.start < offset - 1));
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

/** The article in `doc` (which Readability consumes), or the whole page without its chrome. */
function readArticle(doc: LinkedomDocument, html: string, warnings: string[]): { body: TextWithMarks; byline?: string; publishedAt?: string } {
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  try {
    article = new Readability<DomNode>(doc as never, { serializer: (el) => el as unknown as DomNode, maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    article = null;
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

    // Metadata is read before Readability trims the page: labelled info lines sit outside the article.
    const page = parseDocument(decoded.text);
    removeNonText(page);
    const pageLines = htmlToText(page.body ?? page.documentElement).text.split('\n');
    const meta: ParsedMeta = readPageMeta(page, pageLines);

    const article = readArticle(page, decoded.text, warnings);
    if (!meta.byline && article.byline) meta.byline = article.byline.trim();
    if (!meta.publishedAt && article.publishedAt) meta.publishedAt = isoDate(article.publishedAt);
    const body = withTitle(article.body, meta.title);
    if (!body.text.trim()) throw new PizhuError('invalid_input', 'The page holds no readable text: nothing was imported.');
    return { text: body.text, format: 'html', encoding: decoded.encoding, confidence: decoded.confidence, meta, marks: body.marks, warnings };
  },
};
