// The options a Word export or its preview is built with, defaults filled in.
import type { ExportGrouping } from '../../../../shared/domain';
import type { WordKind, WordStyle } from './model';

export interface WordRequest {
  by?: ExportGrouping;
  style?: WordStyle;
  colorHighlights?: boolean;
  themeIds?: string[];
  documentIds?: string[];
  annotationIds?: string[];
  handout?: { title?: string; unit?: string; date?: string; includeQuestions?: boolean; includeToc?: boolean };
}

export interface WordOptions {
  kind: WordKind;
  by: ExportGrouping;
  style: WordStyle;
  colorHighlights: boolean;
  title: string;
  unit: string;
  /** ISO date shown on the cover and the notes' title line. */
  date: string;
  includeQuestions: boolean;
  includeToc: boolean;
}

export const DEFAULT_TITLES: Record<WordKind, string> = { notes: '学习笔记', handout: '专题摘编' };

export function wordOptions(kind: WordKind, r: WordRequest, nowIso: string): WordOptions {
  const h = r.handout ?? {};
  return {
    kind,
    by: r.by ?? 'theme',
    style: r.style ?? 'official',
    colorHighlights: r.colorHighlights ?? false,
    title: h.title?.trim() || DEFAULT_TITLES[kind],
    unit: h.unit?.trim() ?? '',
    date: h.date ?? nowIso.slice(0, 10),
    includeQuestions: h.includeQuestions ?? true,
    includeToc: h.includeToc ?? true,
  };
}
