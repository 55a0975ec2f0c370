// Word exports from the library: load the selection once, build the model, then render it as .docx
// (the export) or as HTML (the dialog's preview and the printable handout).
import type { ExportFile } from '../../../../shared/domain';
import type { ServiceContext } from '../../services/context';
import { NO_PROGRESS, type ExportProgress } from '../progress';
import { loadSelection } from '../selection';
import { buildHandoutModel } from './handoutModel';
import type { WordKind, WordModel } from './model';
import { buildNotesModel } from './notesModel';
import { wordOptions, type WordRequest } from './options';
import { packDocx } from './toDocx';
import { modelToHtml } from './toHtml';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function wordModel(ctx: ServiceContext, kind: WordKind, request: WordRequest): WordModel {
  const options = wordOptions(kind, request, ctx.now());
  const selection = loadSelection(ctx, request);
  return kind === 'handout' ? buildHandoutModel(selection, options) : buildNotesModel(selection, options);
}

function fileName(model: WordModel, request: WordRequest, today: string): string {
  const base = model.kind === 'handout' ? model.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) : `pizhu-study-notes-by-${request.by ?? 'theme'}`;
  return `${base}-${today}.docx`;
}

export async function wordFile(ctx: ServiceContext, kind: WordKind, request: WordRequest, progress: ExportProgress = NO_PROGRESS): Promise<ExportFile> {
  const model = wordModel(ctx, kind, request);
  const warnings: string[] = [];
  if (model.excerptCount === 0) warnings.push(kind === 'handout' ? 'No excerpts under the chosen themes.' : 'No excerpts to export.');
  const bytes = await packDocx(model, progress);
  return { data: bytes.toString('base64'), encoding: 'base64', mime: DOCX_MIME, suggestedName: fileName(model, request, ctx.now().slice(0, 10)), warnings };
}

/** The first page (or every page) as sanitised HTML, from the same model the .docx is written from. */
export function wordPreview(ctx: ServiceContext, kind: WordKind, request: WordRequest & { all?: boolean }): { html: string } {
  return { html: modelToHtml(wordModel(ctx, kind, request), { all: request.all ?? false }) };
}
