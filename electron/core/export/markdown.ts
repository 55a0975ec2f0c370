// Study notes as Markdown for note apps such as Obsidian: each excerpt a block quote with its tags
// (#theme/sub-theme), its note and its citation. Every excerpt carries its highlight's id twice, as
// an HTML comment (the full id, for tools) and as a block id (^pz-…, for links), so a re-export of
// the same highlights yields the same ids and a synced vault updates rather than duplicates.
import type { DocumentSummary, ExportGrouping } from '../../../shared/domain';
import { lexicalJsonToMarkdown } from './lexicalMarkdown';
import { NO_PROGRESS, type ExportProgress } from './progress';
import { groupByDocument, groupByTheme, themeForest, type Excerpt, type ExportSelection, type ThemeNode } from './selection';
import type { ThemePathOf } from './themePaths';
import { frontMatter } from './yamlFrontMatter';

const TITLE = '学习笔记 Study notes';
const UNTAGGED = '未归类 Untagged';

/** `^pz-` and the first 12 hex digits of the highlight's UUID: stable, and unique in any real library. */
export function blockId(annotationId: string): string {
  return 'pz-' + annotationId.replace(/-/g, '').slice(0, 12).toLowerCase();
}

export function annotationComment(annotationId: string): string {
  return `<!-- pizhu:annotation ${annotationId} -->`;
}

/** One tag segment: Obsidian tags allow letters, digits, `_`, `-`; anything else (spaces, punctuation) becomes `_`. */
function tagSegment(name: string): string {
  return name.trim().replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '_');
}

/** `#theme/sub-theme`; a tag of digits only is not a tag to Obsidian, so it gets a leading `_`. */
export function themeTag(path: readonly string[]): string {
  const tag = path.map(tagSegment).join('/');
  return '#' + (/^[\d/]*$/.test(tag) ? '_' + tag : tag);
}

/** Escapes what CommonMark (or a note app's tag syntax) would read as markup in quoted source text. */
function escapeQuoted(line: string): string {
  return line
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Each paragraph of the excerpt as a paragraph of one block quote (leading spaces would make code). */
function quoteBlock(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `> ${escapeQuoted(line.replace(/^[ \t]+/, ''))}`)
    .join('\n>\n');
}

/** 《title》，source，date，第 N 段 */
export function citation(doc: DocumentSummary, paragraph: number): string {
  return [`《${doc.title}》`, doc.source, doc.publishedAt, `第 ${paragraph} 段`].filter(Boolean).join('，');
}

interface Renderer {
  pathOf: ThemePathOf;
  /** Ids already written in this file: a highlight listed under two themes carries its ids once. */
  written: Set<string>;
  progress: ExportProgress;
}

function excerpt(e: Excerpt, r: Renderer): string {
  const a = e.annotation;
  const first = !r.written.has(a.id);
  r.written.add(a.id);
  const parts: string[] = [];
  if (first) parts.push(annotationComment(a.id));
  parts.push(quoteBlock(a.exact));
  if (first) parts.push(`^${blockId(a.id)}`);
  const tags = a.themeIds.map(r.pathOf).filter((p) => p.length).map(themeTag);
  if (tags.length) parts.push(tags.join(' '));
  const note = lexicalJsonToMarkdown(a.noteJson, a.noteText).trim();
  if (note) parts.push(note);
  parts.push(`—— ${escapeQuoted(citation(e.document, e.paragraph))}`);
  r.progress.excerpt();
  return parts.join('\n\n');
}

function excerpts(items: readonly Excerpt[], r: Renderer): string[] {
  return items.flatMap((e) => [excerpt(e, r), '---']);
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(6, level))} ${escapeQuoted(text.replace(/\s+/g, ' '))}`;
}

function documentLine(doc: DocumentSummary): string | null {
  const parts = escapeQuoted([doc.byline, doc.source, doc.publishedAt].filter(Boolean).join('，'));
  const url = doc.url?.replace(/[<>\s]/g, encodeURIComponent);
  const link = url && /^https?:/i.test(url) ? `[原文 Original](<${url}>)` : '';
  const line = [parts, link].filter(Boolean).join(' · ');
  return line ? `*${line}*` : null;
}

function byTheme(selection: ExportSelection, r: Renderer): string[] {
  const { byTheme: direct, untagged } = groupByTheme(selection);
  const hasExcerpts = (n: ThemeNode): boolean => (direct.get(n.theme.id)?.length ?? 0) > 0 || n.children.some(hasExcerpts);
  const out: string[] = [];
  const visit = (nodes: readonly ThemeNode[]) => {
    for (const n of nodes) {
      if (!hasExcerpts(n)) continue;
      out.push(heading(n.depth + 2, n.theme.name));
      const description = n.theme.description.trim();
      if (description) out.push(`*${escapeQuoted(description.replace(/\s+/g, ' '))}*`);
      out.push(...excerpts(direct.get(n.theme.id) ?? [], r));
      visit(n.children);
    }
  };
  visit(themeForest(selection));
  if (untagged.length) out.push(heading(2, UNTAGGED), ...excerpts(untagged, r));
  return out;
}

function byDocument(selection: ExportSelection, r: Renderer): string[] {
  return groupByDocument(selection).flatMap(({ document, excerpts: items }) => {
    if (!items.length) return [];
    const line = documentLine(document);
    return [heading(2, document.title), ...(line ? [line] : []), ...excerpts(items, r)];
  });
}

/** All selected excerpts in one file, grouped by theme (the codebook's tree) or by document. */
export function renderStudyNotes(selection: ExportSelection, pathOf: ThemePathOf, by: ExportGrouping, progress = NO_PROGRESS): string {
  const r: Renderer = { pathOf, written: new Set(), progress };
  const date = selection.exportedAt.slice(0, 10);
  const count = selection.excerpts.length;
  const body = by === 'theme' ? byTheme(selection, r) : byDocument(selection, r);
  const out = [
    frontMatter([
      ['title', TITLE],
      ['source', '批注 Pizhu'],
      ['date', date],
      ['grouping', by],
      ['excerpts', count],
      ['documents', selection.documents.length],
    ]),
    heading(1, TITLE),
    `按${by === 'theme' ? '主题' : '文档'}整理 · grouped by ${by} · ${count} 条摘录 excerpts · ${date}`,
    ...body,
  ];
  if (!body.length) out.push('*（暂无摘录 No excerpts yet）*');
  return out.join('\n\n') + '\n';
}

/** One document's excerpts in reading order, with the document's metadata as front matter. */
export function renderDocumentNotes(document: DocumentSummary, items: readonly Excerpt[], pathOf: ThemePathOf, progress = NO_PROGRESS): string {
  const r: Renderer = { pathOf, written: new Set(), progress };
  const line = documentLine(document);
  const out = [
    frontMatter([
      ['title', document.title],
      ['source', document.source],
      ['date', document.publishedAt],
      ['url', document.url],
      ['author', document.byline],
      ['editor', document.editor],
      ['pizhu-document', document.id],
    ]),
    heading(1, document.title),
    ...(line ? [line] : []),
    ...excerpts(items, r),
  ];
  return out.join('\n\n') + '\n';
}

function safeFileName(title: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return name || 'untitled';
}

/**
 * A file name per document from its title, so that a re-export overwrites the same files; titles
 * shared by several documents get the document id's first 8 digits, whatever order they come in.
 */
export function documentFileNames(docs: readonly DocumentSummary[]): Map<string, string> {
  const base = new Map(docs.map((d) => [d.id, safeFileName(d.title)]));
  const uses = new Map<string, number>();
  for (const name of base.values()) uses.set(name.toLowerCase(), (uses.get(name.toLowerCase()) ?? 0) + 1);
  return new Map(
    docs.map((d) => {
      const name = base.get(d.id)!;
      return [d.id, (uses.get(name.toLowerCase())! > 1 ? `${name} ${d.id.slice(0, 8)}` : name) + '.md'];
    }),
  );
}
