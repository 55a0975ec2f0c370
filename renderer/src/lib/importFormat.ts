// Words and numbers for import results and reports: rule names, formats, encodings, sizes.
import type { CleaningRuleId } from '../../../shared/domain';
import type { Key } from '../i18n';

type T = (key: Key) => string;

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const RULE_KEYS: Record<CleaningRuleId, [Key, Key]> = {
  'share-header': ['ruleShareHeader', 'ruleShareHeaderHint'],
  'site-chrome': ['ruleSiteChrome', 'ruleSiteChromeHint'],
  'spam-links': ['ruleSpamLinks', 'ruleSpamLinksHint'],
  'page-markers': ['rulePageMarkers', 'rulePageMarkersHint'],
  pinyin: ['rulePinyin', 'rulePinyinHint'],
  mojibake: ['ruleMojibake', 'ruleMojibakeHint'],
  whitespace: ['ruleWhitespace', 'ruleWhitespaceHint'],
  'article-markers': ['ruleArticleMarkers', 'ruleArticleMarkersHint'],
};

export function ruleName(t: T, id: string): string {
  const keys = RULE_KEYS[id as CleaningRuleId];
  return keys ? t(keys[0]) : id;
}

export function ruleHint(t: T, id: string): string {
  const keys = RULE_KEYS[id as CleaningRuleId];
  return keys ? t(keys[1]) : '';
}

const FORMAT_KEYS: Record<string, Key> = {
  text: 'impFormat_text',
  txt: 'impFormat_text',
  markdown: 'impFormat_markdown',
  md: 'impFormat_markdown',
  html: 'impFormat_html',
  docx: 'impFormat_docx',
  pdf: 'impFormat_pdf',
  paste: 'impFormat_paste',
};

export function formatName(t: T, format: string | null): string {
  if (!format) return '';
  const key = FORMAT_KEYS[format.toLowerCase()];
  return key ? t(key) : format.toUpperCase();
}

export function encodingName(encoding: string | null): string {
  if (!encoding) return '';
  const e = encoding.toLowerCase();
  if (e === 'utf-8-bom' || e === 'utf-8 bom') return 'UTF-8 (BOM)';
  return e.replace(/^utf-16(le|be)$/, (_m, end: string) => `UTF-16 ${end.toUpperCase()}`).toUpperCase();
}

export function percent(confidence: number | null): number | null {
  if (confidence === null || !Number.isFinite(confidence)) return null;
  return Math.round(Math.max(0, Math.min(1, confidence)) * 100);
}

export function bytes(n: number, lang: string): string {
  const nf = (v: number, digits: number) => v.toLocaleString(lang, { maximumFractionDigits: digits });
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${nf(n / 1024, n < 10 * 1024 ? 1 : 0)} KB`;
  return `${nf(n / (1024 * 1024), 1)} MB`;
}

export function count(n: number, lang: string): string {
  return n.toLocaleString(lang);
}
