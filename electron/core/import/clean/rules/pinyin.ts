// Pinyin glosses left behind by some converters: 發(fā)展 → 發展. Only a parenthesised
// syllable with a tone mark right after a Han character; real parentheses stay.
import type { CleaningRule } from './types';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const PINYIN_GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[(（]([a-zü${TONED}]{0,6}[${TONED}][a-zü${TONED}]{0,6})[)）]`, 'g');

export const pinyin: CleaningRule = {
  id: 'pinyin',
  keepsRemoved: true,
  find(text) {
    return Array.from(text.matchAll(PINYIN_GLOSS), (m) => ({ start: m.index!, end: m.index! + m[0].length }));
  },
};

export function stripPinyinGlosses(text: string): string {
  return text.replace(PINYIN_GLOSS, '');
}
