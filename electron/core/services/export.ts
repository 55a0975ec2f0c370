import type { ExportFile, ExportGrouping } from '../../../shared/domain';
import { writerFor } from '../export/formats';
import { studyNotesFile } from '../export/formats/markdown';
import type { ExportRequest } from '../export/formats/types';
import type { ServiceContext } from './context';

/** The reader's quick export (Ctrl+E): the same notes as export.file's Markdown, as text. */
export function markdownExport(ctx: ServiceContext, input: { by: ExportGrouping; documentId?: string }) {
  const file = studyNotesFile(ctx, { by: input.by, documentIds: input.documentId ? [input.documentId] : undefined });
  return { content: file.data, suggestedName: file.suggestedName, warnings: file.warnings };
}

export function exportFile(ctx: ServiceContext, request: ExportRequest): ExportFile | Promise<ExportFile> {
  return writerFor(request.format).write(ctx, request);
}
