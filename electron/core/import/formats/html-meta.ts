// Reads an article's title, date, source, byline, editor and canonical URL from a page: meta tags a
// CMS writes first, then the labelled info line readers see (`来源:新华社  编辑:衡格格`).
import type { ParsedMeta } from './types';

/** The few DOM members read here (linkedom), without DOM typings. */
export interface MetaDocument {
  title: string;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const DATE_TIME = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*\d{1,2}:\d{2}/;

/** YYYY-MM-DD from the first plausible date in `text`. */
export function isoDate(text: string, pattern = DATE): string | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LABELS = {
  publishedAt: ['发布时间', '發布時間', '发表时间', '發表時間', '发布日期', '發布日期', '时间', '時間', '日期'],
  source: ['来源', '來源', '稿源', '出处', '出處'],
  byline: ['作者', '记者', '記者', '撰文'],
  editor: ['责任编辑', '責任編輯', '责编', '責編', '编辑', '編輯'],
} as const;
const OTHER_LABELS = ['审核', '審核', '校对', '校對', '浏览', '瀏覽', '点击', '點擊', '字号', '字號', '阅读', '閱讀', '分享'];
const ANY_LABEL = [...Object.values(LABELS).flat(), ...OTHER_LABELS].sort((a, b) => b.length - a.length).join('|');
const COLON = '[:：]';
// A value runs until the next label, a wide gap, a bar, or the end of the line.
const VALUE = `\\s*((?:(?!\\s*(?:${ANY_LABEL})\\s*${COLON})(?!\\s{2})[^|｜\\n])*)`;

/** Lines longer than this are body text, not an info line. */
const MAX_INFO_LINE = 120;

function labelled(lines: string[], labels: readonly string[]): string | undefined {
  const re = new RegExp(`(?:^|[^\\p{L}])(?:${labels.join('|')})\\s*${COLON}${VALUE}`, 'u');
  for (const line of lines) {
    if (line.length > MAX_INFO_LINE) continue;
    const value = re.exec(line)?.[1]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** `来源：新华社　2024-03-05`: a date after a name belongs to the date field, not to the name. */
function withoutTrailingDate(value: string | undefined): string | undefined {
  return value?.replace(/[\s\u3000]*(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}.*$/u, '').trim() || undefined;
}

function metaValues(doc: MetaDocument): Map<string, string> {
  const values = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop'))?.trim().toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return values;
}

function first(values: Map<string, string>, keys: string[]): string | undefined {
  for (const k of keys) if (values.get(k)) return values.get(k);
  return undefined;
}

function httpUrl(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Drops a label the value repeats (`来源:人民网` in a source meta tag, `文/` before a byline). */
function stripLabel(value: string | undefined, labels: readonly string[]): string | undefined {
  const v = value
    ?.replace(new RegExp(`^\\s*(?:${labels.join('|')})\\s*${COLON}\\s*`), '')
    .replace(/^(?:文\s*[/|｜]|By\s+)/i, '')
    .trim();
  return v && !/^https?:/i.test(v) ? v : undefined;
}

/** A byline without its label and without what follows the next label (`作者:张三 来源:…` → `张三`). */
export function cleanByline(raw: string): string | undefined {
  const line = raw.replace(/\s+/g, ' ').trim();
  return labelled([line], LABELS.byline) ?? stripLabel(line.split(new RegExp(`\\s*(?:${ANY_LABEL})\\s*${COLON}`))[0], LABELS.byline);
}

const TITLE_SEPARATOR = /\s*[_|｜]\s*|\s+[-–—]{1,2}\s+|-(?=[^-]{2,12}$)/;

/** A page title without its site suffix: `标题_理论评论_黑河新闻网` → `标题`, `标题 - 新华网` → `标题`. */
export function stripSiteSuffix(title: string): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return title.trim();
  return parts[0].length >= 4 ? parts[0] : parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * Metadata from meta tags, then from labelled short lines of the page text (`pageLines`, read before
 * anything was removed). Fields not found stay undefined.
 */
export function readPageMeta(doc: MetaDocument, pageLines: string[]): ParsedMeta {
  const values = metaValues(doc);
  const rawTitle = first(values, ['og:title', 'articletitle', 'twitter:title']) ?? doc.title;
  const title = rawTitle ? stripSiteSuffix(rawTitle.replace(/\s+/g, ' ')) : undefined;

  const metaDate = first(values, [
    'article:published_time', 'publishdate', 'pubdate', 'publish_date', 'publishtime', 'publication_date', 'datepublished',
    'og:release_date', 'dc.date.issued', 'dc.date', 'firstpublishedtime', 'date',
  ]);
  const publishedAt =
    (metaDate && isoDate(metaDate)) ??
    isoDate(labelled(pageLines, LABELS.publishedAt) ?? '') ??
    pageLines.filter((l) => l.length <= MAX_INFO_LINE).map((l) => isoDate(l, DATE_TIME)).find(Boolean);

  const canonical = doc.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute('href');
  const meta: ParsedMeta = {
    title: title || undefined,
    publishedAt,
    source: stripLabel(first(values, ['source', 'contentsource', 'article:source', 'og:article:source']), LABELS.source) ?? withoutTrailingDate(labelled(pageLines, LABELS.source)),
    byline: stripLabel(first(values, ['author', 'article:author', 'dc.creator', 'byl']), LABELS.byline) ?? withoutTrailingDate(labelled(pageLines, LABELS.byline)),
    editor: stripLabel(first(values, ['editor', 'responsibleeditor']), LABELS.editor) ?? withoutTrailingDate(labelled(pageLines, LABELS.editor)),
    url: httpUrl(canonical) ?? httpUrl(values.get('og:url')),
  };
  // CMSs often put the site's own name in the author tag.
  if (meta.byline && (meta.byline === meta.source || meta.byline === values.get('og:site_name'))) meta.byline = undefined;
  for (const key of Object.keys(meta) as (keyof ParsedMeta)[]) if (meta[key] === undefined) delete meta[key];
  return meta;
}
