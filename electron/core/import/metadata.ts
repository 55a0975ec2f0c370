// Reads title, date, source, authors and editor from a page's text (layout-normalised, before
// the chrome lines holding them are removed). Lines are matched in simplified form; values are
// returned as printed.
import { toSimplified } from '../../../shared/chinese';
import { SHARE_HEADER } from './clean/rules/shareHeader';
import { stripPinyinGlosses } from './clean/rules/pinyin';

export interface Metadata {
  title: string;
  source: string | null;
  byline: string | null;
  editor: string | null;
  publishedAt: string | null;
}

const FULL_DATE = /(19\d{2}|20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})日/;
const STATED_YEAR = /(20\d{2}|19\d{2})年/;
const BREADCRUMB = /(>>|»|当前的位置|当前位置|您的位置|所在位置|\s>\s.*\s>\s)/;
const AUTHOR_LINE = /^(?:(?:文|记者|作者|撰稿)\s*[\/／:：]?\s*)?[\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{1,4}){0,5}$/;

function field(line: string, simplifiedLine: string, names: string): string | null {
  const m = new RegExp(`(?:${names})\\s*[:：]\\s*([^\\s:：|｜]+)`).exec(simplifiedLine);
  if (!m) return null;
  // `作者: 来源:黑河日报` — an empty field followed by the next field's name
  if (/[:：]/.test(simplifiedLine[m.index + m[0].length] ?? '')) return null;
  // the value as printed: same offsets, since the simplified form keeps lengths
  const at = m.index + m[0].length - m[1].length;
  return line.slice(at, at + m[1].length);
}

function iso(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function shortTitle(line: string, max = 40): string {
  const sentence = line.split(/[。！？!?]/)[0];
  return sentence.length <= max ? sentence : sentence.slice(0, max) + '…';
}

const isProse = (line: string) => line.length >= 60 && /[。！？,，]/.test(line);

export function extractMetadata(text: string, fallbackTitle: string): Metadata {
  const lines = text.split('\n').slice(0, 60);
  const simple = lines.map(toSimplified);
  let title: string | null = null;
  let source: string | null = null;
  let byline: string | null = null;
  let editor: string | null = null;
  let publishedAt: string | null = null;

  const share = lines[0]?.match(SHARE_HEADER);
  if (share) title = share[1];

  const crumb = simple.slice(0, 15).findIndex((l) => BREADCRUMB.test(l));
  const firstProse = lines.findIndex((l, i) => i > crumb && isProse(l));
  const metaLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const s = simple[i];
    if (isProse(lines[i]) && !/(来源|编辑|发布时间)\s*[:：]/.test(s)) continue;
    const src = field(lines[i], s, '来源|稿源');
    const ed = field(lines[i], s, '责任编辑|编辑');
    const by = field(lines[i], s, '作者|记者');
    const date = s.match(FULL_DATE);
    source ??= src;
    editor ??= ed;
    byline ??= by;
    if (date && (src || ed || /(发布|时间|日期)/.test(s) || lines[i].length < 60)) publishedAt ??= iso(date[1], date[2], date[3]);
    if (src || ed || by || (date && lines[i].length < 60)) metaLines.push(i);
  }

  if (!title && crumb >= 0 && lines[crumb + 1] && lines[crumb + 1].length <= 80 && !isProse(lines[crumb + 1])) title = lines[crumb + 1];
  if (!title && metaLines.length && metaLines[0] > 0) {
    const prev = lines[metaLines[0] - 1];
    if (prev.length <= 80 && !isProse(prev) && !BREADCRUMB.test(prev)) title = prev;
  }

  // an authors line between the title and the body: 张庆梅 孙 惠
  if (!byline && firstProse > 0) {
    for (let i = Math.max(0, crumb + 1); i < firstProse; i++) {
      const l = lines[i].trim();
      if (l !== title && l.length <= 24 && AUTHOR_LINE.test(l) && /\s|文|记者/.test(l)) byline = l;
    }
  }

  // 4月16日 at the head of the body takes a year only when the same paragraph states one
  if (!publishedAt && firstProse >= 0) {
    const body = simple[firstProse];
    const md = body.match(MONTH_DAY);
    const year = body.match(STATED_YEAR);
    if (md && year) publishedAt = iso(year[1], md[1], md[2]);
  }

  if (!title) title = shortTitle(stripPinyinGlosses(lines.find((l) => l.length >= 6) ?? fallbackTitle));
  return { title: stripPinyinGlosses(title).trim() || fallbackTitle, source, byline, editor, publishedAt };
}
