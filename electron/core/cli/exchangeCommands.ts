// The command line's exports through the export-writer registry (every format export.file has) and
// the REFI-QDA project import. main.ts parses the options and dispatches here.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseInput } from '../../../shared/validate';
import { PizhuError } from '../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { exportFile } from '../services/export';
import { importQdpx } from '../services/qdpxImport';
import { themeByNameOrThrow } from '../services/themes';
import type { ServiceContext } from '../services/context';

export interface ExchangeOptions {
  format?: string;
  by?: string;
  theme?: string[];
  doc?: string;
  split?: boolean;
  out?: string;
  style?: string;
  title?: string;
  unit?: string;
  date?: string;
  colors?: boolean;
  'no-questions'?: boolean;
  'no-toc'?: boolean;
}

export const EXPORT_FORMATS = ['md', 'docx', 'handout', 'qdpx', 'qdc', 'jsonld', 'csv'] as const;

export const EXCHANGE_HELP = `  export --format ${EXPORT_FORMATS.join('|')} [--by theme|document] [--theme NAME...] [--doc ID]
         [--split] [--out FILE]
                                        study notes (md: Markdown, --split: a zip with one file per
                                        document), a REFI-QDA project (qdpx) or codebook (qdc), W3C Web
                                        Annotations (jsonld) or CSV; text formats go to stdout without --out
         Word (docx: study notes, handout: 专题摘编): [--style official|plain] [--colors]
         [--title T] [--unit U] [--date YYYY-MM-DD] [--no-questions] [--no-toc]
                                        official (GB/T 9704-like) or plain style, theme colours behind
                                        the excerpts; the handout's title page, contents and questions
  import-qdpx FILE                      a REFI-QDA project (.qdpx from Pizhu, NVivo, ATLAS.ti, MAXQDA,
                                        QualCoder…): documents, codes, highlights, notes and memos
`;

type Emit = (data: unknown, text: () => string) => void;
type Io = { out(text: string): void; err(text: string): void };

function fail(message: string): never {
  throw new PizhuError('invalid_input', message);
}

export async function exportCommand(ctx: ServiceContext, o: ExchangeOptions, emit: Emit, io: Io): Promise<number> {
  const format = o.format ?? 'md';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`unknown format ${format}; supported: ${EXPORT_FORMATS.join(', ')}`);
  const request = parseInput('export.file', {
    format,
    by: o.by ?? 'theme',
    themeIds: o.theme?.length ? o.theme.map((n) => themeByNameOrThrow(ctx, n).id) : undefined,
    documentIds: o.doc ? [o.doc] : undefined,
    splitByDocument: o.split || undefined,
    style: o.style,
    colorHighlights: o.colors || undefined,
    handout:
      format === 'handout'
        ? { title: o.title, unit: o.unit, date: o.date, includeQuestions: !o['no-questions'], includeToc: !o['no-toc'] }
        : o.title !== undefined
          ? { title: o.title }
          : undefined,
  });
  const file = await exportFile(ctx, request);
  for (const w of file.warnings) io.err(`warning: ${w}`);
  const bytes = file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : Buffer.from(file.data, 'utf8');
  if (!o.out) {
    if (file.encoding === 'base64') fail(`${format}${o.split ? ' --split' : ''} makes a binary file: give --out FILE (suggested: ${file.suggestedName})`);
    process.stdout.write(bytes);
    return 0;
  }
  writeFileSync(o.out, bytes);
  emit({ out: o.out, format, bytes: bytes.length, mime: file.mime, warnings: file.warnings }, () => `wrote ${o.out} (${bytes.length} bytes)`);
  return 0;
}

export async function importQdpxCommand(ctx: ServiceContext, path: string | undefined, emit: Emit, io: Io, json: boolean): Promise<number> {
  if (!path) fail('import-qdpx needs a .qdpx file');
  if (statSync(path).size > MAX_IMPORT_BYTES) fail(`${path} is larger than ${MAX_IMPORT_BYTES >> 20} MB`);
  const result = await importQdpx(ctx, readFileSync(path));
  if (!json) for (const w of result.warnings) io.err(`warning: ${w}`);
  emit(result, () => `imported ${result.documents} documents, ${result.themes} themes, ${result.annotations} highlights from ${path}`);
  return 0;
}
