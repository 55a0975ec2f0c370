import type { Annotation, DocumentSummary, ExportGrouping, Theme } from '../../../shared/domain';
import { paragraphIndexAt, paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { lexicalJsonToMarkdown } from './lexicalMarkdown';

export interface ExportInput {
  by: ExportGrouping;
  documents: DocumentSummary[];
  /** Canonical text per document id, for paragraph numbers. */
  texts: Map<string, string>;
  themes: Theme[];
  annotations: Annotation[];
  exportedAt: string;
}

export interface ExportOutput {
  content: string;
  warnings: string[];
}

const UNTAGGED = '未归类 / Untagged';

function tag(name: string): string {
  return '#' + name.trim().replace(/\s+/g, '_');
}

function citation(doc: DocumentSummary, paragraph: number): string {
  return [`《${doc.title}》`, doc.source, doc.publishedAt, `第 ${paragraph} 段`].filter(Boolean).join('，');
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n>\n');
}

export function exportMarkdown(input: ExportInput): ExportOutput {
  const warnings: string[] = [];
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const themes = new Map(input.themes.map((t) => [t.id, t]));
  const starts = new Map<string, number[]>();
  const paragraphOf = (a: Annotation): number => {
    let s = starts.get(a.documentId);
    if (!s) {
      s = paragraphStarts(splitParagraphs(input.texts.get(a.documentId) ?? ''));
      starts.set(a.documentId, s);
    }
    return paragraphIndexAt(s, a.start) + 1;
  };

  const excerpt = (a: Annotation): string => {
    const doc = docs.get(a.documentId);
    if (!doc) {
      warnings.push(`Annotation ${a.id} belongs to a missing document; skipped.`);
      return '';
    }
    const names = a.themeIds.map((id) => themes.get(id)?.name).filter((n): n is string => Boolean(n));
    const parts = [quoteBlock(a.exact)];
    parts.push(`主题 Themes: ${names.length ? names.map(tag).join(' ') : '—'}`);
    const note = lexicalJsonToMarkdown(a.noteJson, a.noteText).trim();
    if (note) parts.push(note);
    parts.push(`出处 Source: ${citation(doc, paragraphOf(a))}`);
    return parts.join('\n\n');
  };

  const sections: { heading: string; intro?: string; items: Annotation[] }[] = [];
  if (input.by === 'theme') {
    for (const t of input.themes) {
      const items = input.annotations.filter((a) => a.themeIds.includes(t.id));
      if (items.length) sections.push({ heading: t.name, intro: t.description || undefined, items });
    }
    const untagged = input.annotations.filter((a) => a.themeIds.every((id) => !themes.has(id)));
    if (untagged.length) sections.push({ heading: UNTAGGED, items: untagged });
  } else {
    for (const d of input.documents) {
      const items = input.annotations.filter((a) => a.documentId === d.id);
      if (items.length) {
        const intro = [d.source, d.publishedAt].filter(Boolean).join('，') || undefined;
        sections.push({ heading: d.title, intro, items });
      }
    }
  }

  const out: string[] = [
    `# 学习笔记 Study notes`,
    `按${input.by === 'theme' ? '主题' : '文档'}整理 · grouped by ${input.by} · ${input.annotations.length} 条摘录 excerpts · ${input.exportedAt.slice(0, 10)}`,
  ];
  for (const s of sections) {
    out.push(`## ${s.heading}`);
    if (s.intro) out.push(`*${s.intro}*`);
    for (const a of s.items) {
      const text = excerpt(a);
      if (text) out.push(text, '---');
    }
  }
  if (!sections.length) out.push('*（暂无摘录 No excerpts yet）*');
  return { content: out.join('\n\n') + '\n', warnings };
}
