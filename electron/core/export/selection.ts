// What an export covers, loaded once: the chosen themes as a tree, the chosen documents, and their
// live highlights in reading order with the paragraph each starts in. Writers only format it.
import type { Annotation, DocumentSummary, Theme } from '../../../shared/domain';
import { paragraphIndexAt, paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { selectAnnotations } from '../repos/annotations';
import { listDocumentsByIds } from '../repos/documents';
import { documentTexts } from '../repos/search';
import { listThemes } from '../repos/themes';
import type { ServiceContext } from '../services/context';

export interface SelectionRequest {
  /** Only these themes (and highlights carrying one of them); all when absent or empty. */
  themeIds?: readonly string[];
  /** Only highlights in these documents; all when absent or empty. */
  documentIds?: readonly string[];
  /** Only these highlights (a coded retrieval's result); narrows the other filters further. */
  annotationIds?: readonly string[];
}

export interface Excerpt {
  annotation: Annotation;
  document: DocumentSummary;
  /** 1-based paragraph of the highlight's start. */
  paragraph: number;
}

export interface ExportSelection {
  /** Chosen themes in codebook order (depth first). */
  themes: Theme[];
  /** Chosen documents holding at least one exported highlight, in library order. */
  documents: DocumentSummary[];
  /** Highlights in library order, then by position. */
  excerpts: Excerpt[];
  /** Canonical text of each document in `documents`. */
  texts: Map<string, string>;
  exportedAt: string;
}

export function loadSelection(ctx: ServiceContext, request: SelectionRequest): ExportSelection {
  const themeFilter = request.themeIds?.length ? new Set(request.themeIds) : null;
  const themes = listThemes(ctx.db).filter((t) => !themeFilter || themeFilter.has(t.id));
  const chosen = themeFilter ? new Set(themes.map((t) => t.id)) : null;
  // Live themes only: a theme id of a deleted theme selects nothing.
  const found = selectAnnotations(ctx.db, { themeIds: request.themeIds, documentIds: request.documentIds, annotationIds: request.annotationIds }).filter(
    (a) => !chosen || a.themeIds.some((id) => chosen.has(id)),
  );
  // Live documents only, in library order.
  const documents = listDocumentsByIds(ctx.db, [...new Set(found.map((a) => a.documentId))]);
  const docById = new Map(documents.map((d) => [d.id, d]));
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const annotations = found
    .filter((a) => docById.has(a.documentId))
    .sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.start - b.start || a.end - b.end);

  const texts = documentTexts(
    ctx.db,
    documents.map((d) => d.id),
  );
  const starts = new Map([...texts].map(([id, text]) => [id, paragraphStarts(splitParagraphs(text))]));
  const excerpts = annotations.map((a) => ({
    annotation: a,
    document: docById.get(a.documentId)!,
    paragraph: paragraphIndexAt(starts.get(a.documentId) ?? [0], a.start) + 1,
  }));
  return { themes, documents, excerpts, texts, exportedAt: ctx.now() };
}

/** Excerpts under each chosen theme (a highlight with two themes appears under both), and those under none. */
export function groupByTheme(selection: ExportSelection): { byTheme: Map<string, Excerpt[]>; untagged: Excerpt[] } {
  const byTheme = new Map<string, Excerpt[]>(selection.themes.map((t) => [t.id, []]));
  const untagged: Excerpt[] = [];
  for (const e of selection.excerpts) {
    let placed = false;
    for (const id of e.annotation.themeIds) {
      const list = byTheme.get(id);
      if (list) {
        list.push(e);
        placed = true;
      }
    }
    if (!placed) untagged.push(e);
  }
  return { byTheme, untagged };
}

/** Excerpts of each document, in document order. */
export function groupByDocument(selection: ExportSelection): { document: DocumentSummary; excerpts: Excerpt[] }[] {
  const byDoc = new Map<string, Excerpt[]>();
  for (const e of selection.excerpts) {
    const list = byDoc.get(e.document.id);
    if (list) list.push(e);
    else byDoc.set(e.document.id, [e]);
  }
  return selection.documents.map((document) => ({ document, excerpts: byDoc.get(document.id) ?? [] }));
}

export interface ThemeNode {
  theme: Theme;
  /** Counted among the chosen themes: a theme whose parent was left out is at depth 0. */
  depth: number;
  children: ThemeNode[];
}

/** The chosen themes as a forest, in codebook order. */
export function themeForest(selection: ExportSelection): ThemeNode[] {
  const nodes = new Map(selection.themes.map((t) => [t.id, { theme: t, depth: 0, children: [] as ThemeNode[] }]));
  const roots: ThemeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.theme.parentId ? nodes.get(node.theme.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (list: ThemeNode[], depth: number) => {
    for (const n of list) {
      n.depth = depth;
      setDepth(n.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}
