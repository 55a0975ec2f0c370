import type { ExportFile, ExportGrouping } from '../../../shared/domain';
import { writerFor } from '../export/formats';
import type { ExportRequest } from '../export/formats/types';
import { exportMarkdown } from '../export/markdown';
import { listAnnotations } from '../repos/annotations';
import { getDocument, listDocuments } from '../repos/documents';
import { listThemes } from '../repos/themes';
import type { ServiceContext } from './context';

export function markdownExport(ctx: ServiceContext, input: { by: ExportGrouping; documentId?: string }) {
  const documents = listDocuments(ctx.db).filter((d) => !input.documentId || d.id === input.documentId);
  const annotations = listAnnotations(ctx.db, { documentId: input.documentId });
  const texts = new Map<string, string>();
  for (const id of new Set(annotations.map((a) => a.documentId))) texts.set(id, getDocument(ctx.db, id)?.text ?? '');
  const exportedAt = ctx.now();
  const { content, warnings } = exportMarkdown({ by: input.by, documents, texts, themes: listThemes(ctx.db), annotations, exportedAt });
  const suggestedName = `pizhu-notes-by-${input.by}-${exportedAt.slice(0, 10)}.md`;
  return { content, suggestedName, warnings };
}

export function exportFile(ctx: ServiceContext, request: ExportRequest): ExportFile | Promise<ExportFile> {
  return writerFor(request.format).write(ctx, request);
}
