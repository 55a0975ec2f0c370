// Chinese official-document conventions: numbers in words, dates, heading labels and citations.
import type { DocumentSummary } from '../../../../shared/domain';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五 (for counts below ten thousand, as headings need). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10_000) return String(n);
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i];
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十五, not 一十五, when ten is the highest place.
    out += (d === 1 && unit === '十' && i === 0 ? '' : DIGITS[d]) + unit;
  });
  return out;
}

/** 2024-06-28 → 2024年6月28日; anything else is returned as it is. */
export function chineseDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? '');
}

/** The official heading order: 一、 （一） 1. （1）; deeper levels repeat the fourth. */
export function headingLabel(depth: number, index: number): string {
  if (depth <= 0) return `${chineseNumber(index)}、`;
  if (depth === 1) return `（${chineseNumber(index)}）`;
  if (depth === 2) return `${index}.`;
  return `（${index}）`;
}

/** Study notes: 《题目》，来源，2024年6月28日，第 3 段 */
export function notesCitation(doc: DocumentSummary, paragraph: number): string {
  return [`《${doc.title}》`, doc.source, doc.publishedAt && chineseDate(doc.publishedAt), `第 ${paragraph} 段`].filter(Boolean).join('，');
}

/** Handout: （摘自《题目》，来源，2024年6月28日） */
export function handoutCitation(doc: DocumentSummary): string {
  return `（摘自${[`《${doc.title}》`, doc.source, doc.publishedAt && chineseDate(doc.publishedAt)].filter(Boolean).join('，')}）`;
}
