// The registry of export formats: one module per format.
import type { ExportFormat } from '../../../../shared/domain';
import { PizhuError } from '../../../../shared/errors';
import { docxWriter } from './docx';
import { handoutWriter } from './handout';
import { csvWriter } from './csv';
import { jsonldWriter } from './jsonld';
import { markdownWriter } from './markdown';
import { qdcWriter } from './qdc';
import { qdpxWriter } from './qdpx';
import type { ExportWriter } from './types';

export const exportWriters: ExportWriter[] = [docxWriter, handoutWriter, markdownWriter, qdpxWriter, qdcWriter, jsonldWriter, csvWriter];

export function writerFor(format: ExportFormat): ExportWriter {
  const w = exportWriters.find((x) => x.format === format);
  if (!w) throw new PizhuError('unsupported', `No exporter for ${format} yet; available: ${exportWriters.map((x) => x.format).join(', ') || 'none'}`);
  return w;
}
