// Study notes: excerpts grouped by theme (sub-themes one heading level down) or by document, each with
// its citation line and its note.
import { readNote } from '../lexicalTree';
import { groupByDocument, groupByTheme, themeForest, type Excerpt, type ExportSelection, type ThemeNode } from '../selection';
import { chineseDate, notesCitation } from './chinese';
import type { WordBlock, WordModel } from './model';
import type { WordOptions } from './options';

const UNTAGGED = '未归类';
const MAX_LEVEL = 4;

export function buildNotesModel(selection: ExportSelection, o: WordOptions): WordModel {
  const themeById = new Map(selection.themes.map((t) => [t.id, t]));
  const blocks: WordBlock[] = [];
  const excerpt = (e: Excerpt, color: string | null, showThemes: boolean): WordBlock => ({
    kind: 'excerpt',
    text: e.annotation.exact,
    citation: notesCitation(e.document, e.paragraph),
    themes: showThemes ? e.annotation.themeIds.flatMap((id) => themeById.get(id)?.name ?? []) : [],
    note: readNote(e.annotation.noteJson, e.annotation.noteText),
    color: o.colorHighlights ? color : null,
  });

  if (o.by === 'theme') {
    const { byTheme, untagged } = groupByTheme(selection);
    const hasContent = (n: ThemeNode): boolean => (byTheme.get(n.theme.id)?.length ?? 0) > 0 || n.children.some(hasContent);
    const visit = (nodes: ThemeNode[]) => {
      for (const n of nodes.filter(hasContent)) {
        blocks.push({ kind: 'heading', level: Math.min(MAX_LEVEL, n.depth + 1), label: '', text: n.theme.name });
        if (n.theme.description.trim()) blocks.push({ kind: 'intro', text: n.theme.description.trim() });
        for (const e of byTheme.get(n.theme.id) ?? []) blocks.push(excerpt(e, n.theme.color, false));
        visit(n.children);
      }
    };
    visit(themeForest(selection));
    if (untagged.length) {
      blocks.push({ kind: 'heading', level: 1, label: '', text: UNTAGGED });
      for (const e of untagged) blocks.push(excerpt(e, null, false));
    }
  } else {
    for (const { document, excerpts } of groupByDocument(selection)) {
      blocks.push({ kind: 'heading', level: 1, label: '', text: document.title });
      const intro = [document.source, document.publishedAt && chineseDate(document.publishedAt)].filter(Boolean).join('，');
      if (intro) blocks.push({ kind: 'intro', text: intro });
      for (const e of excerpts) {
        const first = e.annotation.themeIds.map((id) => themeById.get(id)).find(Boolean);
        blocks.push(excerpt(e, first?.color ?? null, true));
      }
    }
  }
  if (!blocks.length) blocks.push({ kind: 'empty', text: '（暂无摘录）' });

  const count = selection.excerpts.length;
  return {
    kind: 'notes',
    style: o.style,
    title: o.title,
    subtitle: `按${o.by === 'theme' ? '主题' : '文本'}整理 · ${count} 条摘录 · ${chineseDate(o.date)}`,
    date: chineseDate(o.date),
    toc: false,
    blocks,
    excerptCount: count,
  };
}
