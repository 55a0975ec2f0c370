// Chinese word counts for the analysis views. Intl.Segmenter (ICU's dictionary) finds the words;
// a small lexicon then re-joins terms of this field it splits (新|质|生产|力 → 新质生产力) and a
// word followed by a one-character suffix such as 化 or 力 keeps it (现代|化 → 现代化). Texts are
// simplified first, so 生產力 and 生产力 are one word. Single characters and segments with no letter
// (numbers) are not counted: they are function words or fragments, never what a reader looks for.
import { toSimplified } from '../../../shared/chinese';

/** Bump when the rules change: cached counts under an older version are counted again. */
export const SEGMENTER_VERSION = 1;

const LEXICON = new Set([
  '新质生产力', '新质', '生产力', '生产关系', '高质量', '高质量发展', '习近平', '总书记', '战略性新兴产业', '新兴产业', '未来产业',
  '全要素生产率', '数字经济', '实体经济', '人工智能', '新动能', '新型工业化', '科技创新', '产业创新', '体制机制', '新型举国体制',
  '高水平', '卡脖子', '专精特新', '因地制宜', '产学研', '大数据', '云计算', '新能源', '新材料', '生物制造', '低空经济',
]);
const LONGEST_ENTRY = 6;
const SUFFIXES = new Set(['化', '性', '力', '型', '率', '链']);
const HAS_LETTER = /\p{L}/u;

let segmenter: Intl.Segmenter | null = null;

interface Piece {
  text: string;
  wordLike: boolean;
}

/** Word-like runs joined by the lexicon and suffix rules, in text order. */
export function* words(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const pieces: Piece[] = [];
  for (const s of segmenter.segment(toSimplified(text))) pieces.push({ text: s.segment, wordLike: !!s.isWordLike });
  for (let i = 0; i < pieces.length; ) {
    if (!pieces[i].wordLike) {
      i++;
      continue;
    }
    let end = i + 1;
    let word = pieces[i].text;
    // Longest lexicon entry starting here, made of adjacent word-like pieces.
    let joined = word;
    for (let j = i + 1; j < pieces.length && j - i < LONGEST_ENTRY && pieces[j].wordLike; j++) {
      joined += pieces[j].text;
      if (LEXICON.has(joined)) {
        word = joined;
        end = j + 1;
      }
    }
    if (word.length >= 2 && end < pieces.length && pieces[end].wordLike && SUFFIXES.has(pieces[end].text)) word += pieces[end++].text;
    i = end;
    yield /[A-Z]/.test(word) ? word.toLowerCase() : word;
  }
}

export function isCountable(word: string): boolean {
  return [...word].length >= 2 && HAS_LETTER.test(word);
}

/** How often each countable word occurs in the text. */
export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) if (isCountable(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
