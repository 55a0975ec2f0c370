// Markdown study notes: one file, or (splitByDocument) a zip holding one file per document.
import JSZip from 'jszip';
import type { ExportFile } from '../../../../shared/domain';
import { listThemes } from '../../repos/themes';
import type { ServiceContext } from '../../services/context';
import { documentFileNames, renderDocumentNotes, renderStudyNotes } from '../markdown';
import { NO_PROGRESS, type ExportProgress } from '../progress';
import { groupByDocument, loadSelection, type ExportSelection } from '../selection';
import { themePathLookup } from '../themePaths';
import type { ExportRequest, ExportWriter } from './types';

function emptyWarning(selection: ExportSelection): string[] {
  return selection.excerpts.length ? [] : ['No highlights in the selection: the notes are empty.'];
}

/** The single-file notes (also what the reader's Ctrl+E export.markdown returns). */
export function studyNotesFile(ctx: ServiceContext, request: Omit<ExportRequest, 'format'>, progress: ExportProgress = NO_PROGRESS): ExportFile {
  const selection = loadSelection(ctx, request);
  const by = request.by ?? 'theme';
  progress.expect(selection.excerpts.length);
  return {
    data: renderStudyNotes(selection, themePathLookup(listThemes(ctx.db)), by, progress),
    encoding: 'utf-8',
    mime: 'text/markdown',
    suggestedName: `pizhu-notes-by-${by}-${selection.exportedAt.slice(0, 10)}.md`,
    warnings: emptyWarning(selection),
  };
}

async function write(ctx: ServiceContext, request: ExportRequest, progress: ExportProgress): Promise<ExportFile> {
  if (!request.splitByDocument) return studyNotesFile(ctx, request, progress);
  const selection = loadSelection(ctx, request);
  progress.expect(selection.excerpts.length);
  const pathOf = themePathLookup(listThemes(ctx.db));
  const names = documentFileNames(selection.documents);
  // A fixed date keeps two exports of the same notes byte-identical.
  const stamp = { date: new Date(selection.exportedAt) };
  const zip = new JSZip();
  for (const { document, excerpts } of groupByDocument(selection)) zip.file(names.get(document.id)!, renderDocumentNotes(document, excerpts, pathOf, progress), stamp);
  const data = await zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
  return { data, encoding: 'base64', mime: 'application/zip', suggestedName: `pizhu-notes-${selection.exportedAt.slice(0, 10)}.zip`, warnings: emptyWarning(selection) };
}

export const markdownWriter: ExportWriter = { format: 'md', write };
