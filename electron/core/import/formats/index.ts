// The registry of import formats: one module per format, chosen by file extension.
import { PizhuError } from '../../../../shared/errors';
import { docx } from './docx';
import { html } from './html';
import { markdown } from './markdown';
import { pdf } from './pdf';
import { plainText } from './text';
import type { ImportFormat } from './types';

export const importFormats: ImportFormat[] = [plainText, markdown, html, docx, pdf];

export function formatFor(fileName: string): ImportFormat {
  const lower = fileName.toLowerCase();
  const f = importFormats.find((fmt) => fmt.extensions.some((e) => lower.endsWith(e)));
  if (!f) throw new PizhuError('unsupported', `No importer for ${fileName}; supported: ${importFormats.flatMap((x) => x.extensions).join(' ')}`);
  return f;
}
