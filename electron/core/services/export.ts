import type { ExportFile, ExportGrouping } from '../../../shared/domain';
import { writerFor } from '../export/formats';
import { studyNotesFile } from '../export/formats/markdown';
import type { ExportRequest } from '../export/formats/types';
import { NO_PROGRESS, type ExportProgress } from '../export/progress';
import type { ServiceContext } from './context';

/** The reader's quick export (Ctrl+E): the same notes as export.file's Markdown, as text. */
export function markdownExport(ctx: ServiceContext, input: { by: ExportGrouping; documentId?: string }) {
  const file = studyNotesFile(ctx, { by: input.by, documentIds: input.documentId ? [input.documentId] : undefined });
  return { content: file.data, suggestedName: file.suggestedName, warnings: file.warnings };
}

/** `progress` hears of each excerpt as it is written (a job's progress bar); exports without it are unchanged. */
export function exportFile(ctx: ServiceContext, request: ExportRequest, progress: ExportProgress = NO_PROGRESS): ExportFile | Promise<ExportFile> {
  return writerFor(request.format).write(ctx, request, progress);
}
