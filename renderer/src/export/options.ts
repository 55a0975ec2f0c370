// What the export dialog offers per format, the choices it remembers between sessions, and the
// export.file / export.preview inputs they make.
import type { InputOf } from '../../../shared/contract';
import type { ExportFormat } from '../../../shared/domain';
import type { Key } from '../i18n';

export interface FormatInfo {
  id: ExportFormat;
  label: Key;
  hint: Key;
  ext: string;
  group: 'notes' | 'exchange';
  /** Which options the format takes. */
  by?: boolean;
  themes?: boolean;
  word?: boolean;
  handout?: boolean;
  split?: boolean;
  /** What the file holds, for formats without a page preview. */
  holds?: Key;
}

export const FORMATS: FormatInfo[] = [
  { id: 'md', label: 'xpFmtMd', hint: 'xpFmtMdHint', ext: '.md', group: 'notes', by: true, themes: true, split: true, holds: 'xpSelectedExcerpts' },
  { id: 'docx', label: 'xpFmtDocx', hint: 'xpFmtDocxHint', ext: '.docx', group: 'notes', by: true, themes: true, word: true },
  { id: 'handout', label: 'xpFmtHandout', hint: 'xpFmtHandoutHint', ext: '.docx', group: 'notes', themes: true, word: true, handout: true },
  { id: 'qdpx', label: 'xpFmtQdpx', hint: 'xpFmtQdpxHint', ext: '.qdpx', group: 'exchange', holds: 'xpWholeLibrary' },
  { id: 'qdc', label: 'xpFmtQdc', hint: 'xpFmtQdcHint', ext: '.qdc', group: 'exchange', holds: 'xpCodebookOnly' },
  { id: 'jsonld', label: 'xpFmtJsonld', hint: 'xpFmtJsonldHint', ext: '.jsonld', group: 'exchange', themes: true, holds: 'xpSelectedExcerpts' },
  { id: 'csv', label: 'xpFmtCsv', hint: 'xpFmtCsvHint', ext: '.csv', group: 'exchange', themes: true, holds: 'xpSelectedExcerpts' },
];

export function formatInfo(id: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.id === id) ?? FORMATS[0];
}

export interface ExportChoices {
  format: ExportFormat;
  by: 'theme' | 'document';
  /** null: every theme. */
  themeIds: string[] | null;
  style: 'official' | 'plain';
  colorHighlights: boolean;
  splitByDocument: boolean;
  title: string;
  unit: string;
  /** yyyy-mm-dd, or '' for today. */
  date: string;
  includeQuestions: boolean;
  includeToc: boolean;
}

export const DEFAULT_CHOICES: ExportChoices = {
  format: 'md',
  by: 'theme',
  themeIds: null,
  style: 'official',
  colorHighlights: false,
  splitByDocument: false,
  title: '',
  unit: '',
  date: '',
  includeQuestions: true,
  includeToc: true,
};

const STORAGE_KEY = 'pizhu.exportChoices';

/** The last choices, except the theme selection and the date, which belong to one export. */
export function loadChoices(): ExportChoices {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ExportChoices>;
    const format = FORMATS.some((f) => f.id === saved.format) ? saved.format! : DEFAULT_CHOICES.format;
    return { ...DEFAULT_CHOICES, ...saved, format, themeIds: null, date: '' };
  } catch {
    return DEFAULT_CHOICES;
  }
}

export function storeChoices(c: ExportChoices): void {
  const { themeIds: _themes, date: _date, ...kept } = c;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
}

export function fileRequest(c: ExportChoices): InputOf<'export.file'> {
  const f = formatInfo(c.format);
  return {
    format: c.format,
    by: f.by ? c.by : undefined,
    themeIds: f.themes && c.themeIds ? c.themeIds : undefined,
    splitByDocument: f.split ? c.splitByDocument : undefined,
    style: f.word ? c.style : undefined,
    colorHighlights: f.word ? c.colorHighlights : undefined,
    handout: f.handout
      ? {
          title: c.title.trim() || undefined,
          unit: c.unit.trim() || undefined,
          date: c.date || undefined,
          includeQuestions: c.includeQuestions,
          includeToc: c.includeToc,
        }
      : undefined,
  };
}

/** The preview input for a Word format, null for the others. */
export function previewRequest(c: ExportChoices, all = false): InputOf<'export.preview'> | null {
  if (c.format !== 'docx' && c.format !== 'handout') return null;
  const { splitByDocument: _split, ...rest } = fileRequest(c);
  return { ...rest, format: c.format, all };
}
