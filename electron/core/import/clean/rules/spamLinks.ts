// Link farms injected into scraped pages: `主站蜘蛛池模板: a| b| c| …`, long lines of short
// items between vertical bars with no sentence in them.
import type { CleaningRule } from './types';
import { deleteMarkedLines, viewLines } from './lineRules';

const SPAM_MARKERS = /(蜘蛛池|站群|黑帽|seo优化|一区二区|无码|av在线|成人视频)/;

function isSpamLine(line: string, fold: () => string): boolean {
  if (line.length < 40) return false;
  if (line.includes('蜘蛛池')) return true;
  const items = line.split(/[|｜]/);
  if (items.length < 8) return false;
  const average = line.length / items.length;
  const punctuated = items.filter((x) => /[。，,]/.test(x)).length;
  return average < 40 && punctuated < items.length / 4 && (items.length >= 20 || SPAM_MARKERS.test(fold()));
}

export const spamLinks: CleaningRule = {
  id: 'spam-links',
  keepsRemoved: true,
  find(text) {
    const view = viewLines(text);
    return deleteMarkedLines(view, view.lines.map((line, i) => isSpamLine(line, () => view.folded(i))));
  },
};
