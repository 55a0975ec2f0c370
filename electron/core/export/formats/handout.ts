// The thematic excerpt handout (专题摘编) as a Word document.
import { wordFile } from '../word/wordExport';
import type { ExportWriter } from './types';

export const handoutWriter: ExportWriter = {
  format: 'handout',
  write: (ctx, request, progress) => wordFile(ctx, 'handout', request, progress),
};
