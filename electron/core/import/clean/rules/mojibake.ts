// Broken characters are flagged, never deleted: the reader marks those paragraphs and the
// import report counts them.
import { isMojibakeParagraph } from '../../../../../shared/mojibake';
import type { CleaningRule } from './types';

export function mojibakeParagraphs(text: string): number[] {
  const flagged: number[] = [];
  text.split('\n').forEach((p, i) => {
    if (isMojibakeParagraph(p)) flagged.push(i);
  });
  return flagged;
}

export const mojibake: CleaningRule = {
  id: 'mojibake',
  keepsRemoved: false,
  flagsOnly: true,
  find: () => [],
};
