// Study notes as a Word document.
import { wordFile } from '../word/wordExport';
import type { ExportWriter } from './types';

export const docxWriter: ExportWriter = {
  format: 'docx',
  write: (ctx, request, progress) => wordFile(ctx, 'notes', request, progress),
};
