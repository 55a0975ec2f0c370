// Filling numbers and words into translated templates ("{n} 处").
import type { Lang } from '../i18n';

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang);
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

/** KWIC context may cross a paragraph break; show it as a pilcrow on one line. */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ¶ ');
}
