// Excerpts as CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Chinese as
// the ANSI code page), CRLF line ends, RFC 4180 quoting, one row per highlight.
import type { ExportFile } from '../../../../shared/domain';
import { listThemes } from '../../repos/themes';
import type { ServiceContext } from '../../services/context';
import { codePointIndex } from '../codePoints';
import type { ExportProgress } from '../progress';
import { loadSelection } from '../selection';
import { themePathLookup } from '../themePaths';
import type { ExportRequest, ExportWriter } from './types';

export const CSV_COLUMNS = ['excerpt', 'themes', 'document', 'source', 'date', 'paragraph', 'note', 'annotation_id', 'start', 'end'] as const;

/** Several themes in one cell. */
export const THEME_SEPARATOR = '; ';

/**
 * A cell Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe, which Excel
 * hides; numbers are written as they are.
 */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function write(ctx: ServiceContext, request: ExportRequest, progress: ExportProgress): ExportFile {
  const selection = loadSelection(ctx, request);
  progress.expect(selection.excerpts.length);
  const pathOf = themePathLookup(listThemes(ctx.db));
  const indexes = new Map([...selection.texts].map(([id, text]) => [id, codePointIndex(text)]));
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { annotation: a, document: d, paragraph } of selection.excerpts) {
    const cp = indexes.get(d.id)!;
    const themes = a.themeIds.map((id) => pathOf(id).join('/')).filter(Boolean).join(THEME_SEPARATOR);
    const values = [a.exact, themes, d.title, d.source ?? '', d.publishedAt ?? '', paragraph, a.noteText, a.id, cp.toCodePoint(a.start), cp.toCodePoint(a.end)];
    rows.push(values.map(cell).join(','));
    progress.excerpt();
  }
  return {
    data: '\uFEFF' + rows.join('\r\n') + '\r\n',
    encoding: 'utf-8',
    mime: 'text/csv',
    suggestedName: `pizhu-excerpts-${selection.exportedAt.slice(0, 10)}.csv`,
    warnings: selection.excerpts.length ? [] : ['No highlights in the selection: the file has only its header.'],
  };
}

export const csvWriter: ExportWriter = { format: 'csv', write };
