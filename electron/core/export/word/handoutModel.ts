// The thematic excerpt handout (专题摘编): themes as numbered headings in the official order, excerpts
// with their source in parentheses, and each theme's discussion questions.
import { groupByTheme, themeForest, type ExportSelection, type ThemeNode } from '../selection';
import { chineseDate, handoutCitation, headingLabel } from './chinese';
import type { WordBlock, WordModel } from './model';
import type { WordOptions } from './options';

const MAX_LEVEL = 4;

function questionList(text: string): string[] {
  return (text ?? '')
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean);
}

export function buildHandoutModel(selection: ExportSelection, o: WordOptions): WordModel {
  const { byTheme } = groupByTheme(selection);
  const questionsOf = (n: ThemeNode) => (o.includeQuestions ? questionList(n.theme.questions) : []);
  const hasContent = (n: ThemeNode): boolean =>
    (byTheme.get(n.theme.id)?.length ?? 0) > 0 || questionsOf(n).length > 0 || n.children.some(hasContent);
  const blocks: WordBlock[] = [];
  let count = 0;

  const visit = (nodes: ThemeNode[]) => {
    nodes.filter(hasContent).forEach((n, i) => {
      blocks.push({ kind: 'heading', level: Math.min(MAX_LEVEL, n.depth + 1), label: headingLabel(n.depth, i + 1), text: n.theme.name });
      if (n.theme.description.trim()) blocks.push({ kind: 'intro', text: n.theme.description.trim() });
      for (const e of byTheme.get(n.theme.id) ?? []) {
        count++;
        blocks.push({ kind: 'excerpt', text: e.annotation.exact, citation: handoutCitation(e.document), themes: [], note: [], color: o.colorHighlights ? n.theme.color : null });
      }
      visit(n.children);
      const questions = questionsOf(n);
      if (questions.length) blocks.push({ kind: 'questions', label: '思考题', items: questions });
    });
  };
  visit(themeForest(selection));
  if (!blocks.length) blocks.push({ kind: 'empty', text: '（所选主题下暂无摘录）' });

  return { kind: 'handout', style: o.style, title: o.title, subtitle: o.unit, date: chineseDate(o.date), toc: o.includeToc, blocks, excerptCount: count };
}
