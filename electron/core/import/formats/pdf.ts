// PDF with a text layer, read by pdf.js (legacy build for Node) on this thread: no worker, no system
// fonts, no network, no scripting; only pdf.js's own CMap and font-metric files are read from disk.
// Text items become positioned lines; pdf-layout.ts turns them into paragraphs. Scanned, encrypted,
// huge or slow files are refused with a clear message.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PizhuError } from '../../../../shared/errors';
import { joinsTight } from './join';
import { layoutPdf, type PdfLine, type PdfPage } from './pdf-layout';
import { unifyRadicals } from './radicals';
import type { ImportFormat } from './types';

export const PDF_LIMITS = {
  maxPages: 2000,
  timeoutMs: 60_000,
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The fields of pdf.js's TextItem read here. */
export interface PositionedText {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

let pdfjs: Promise<PdfJs> | null = null;

// Module names in variables: pdf.js stays outside the Electron bundle and loads only when a PDF is imported.
const PDFJS_MODULE = 'pdfjs-dist/legacy/build/pdf.mjs';
const PDFJS_WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** Loads pdf.js once, with its worker code on this thread (pdf.js looks for `globalThis.pdfjsWorker`). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // On import pdf.js warns that canvas polyfills are missing; they are only needed for rendering.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).startsWith('Warning: Cannot ')) warn(...args);
    };
    try {
      const [lib, worker] = await Promise.all([import(PDFJS_MODULE) as Promise<PdfJs>, import(PDFJS_WORKER_MODULE)]);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return lib;
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}

/**
 * pdf.js's data folders (with trailing slashes, as it requires). The CMaps decode CJK text in fonts
 * that are not embedded (e.g. STSong-Light with UniGB-UCS2-H, as iText writes Chinese PDFs).
 * Bundled to CJS the __filename branch runs; from source, import.meta.url.
 */
function pdfjsDataUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const root = dirname(createRequire(here).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first 1 KB.
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
}

/**
 * Groups a page's text items, in content order, into lines: same baseline, moving rightwards.
 * Rotated and vertical text (watermarks, vertical writing) is left out and counted in `skipped`.
 */
export function linesOf(items: PositionedText[], skipped = { chars: 0 }): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | null = null;
  for (const item of items) {
    const text = unifyRadicals(item.str);
    const [a, b, , d, x, y] = item.transform;
    const size = Math.hypot(b, d) || item.height || Math.abs(a);
    if (!text.trim() || Math.abs(b) > 0.01 * size) {
      if (text.trim()) skipped.chars += text.trim().length;
      if (item.hasEOL && line) line = null;
      continue;
    }
    const sameLine = line && Math.abs(line.y - y) < 0.5 * Math.max(size, line.size) && x > line.right - size; // CJK punctuation pairs are set half-width, so items may overlap
    if (line && sameLine) {
      const gap = x - line.right;
      const spaced = /\s$/.test(line.text) || /^\s/.test(text);
      if (!spaced && gap > 0.25 * size && !joinsTight(line.text, text)) line.text += ' ';
      line.text += text;
      line.right = Math.max(line.right, x + item.width);
      line.size = Math.max(line.size, size);
    } else {
      line = { text, x, right: x + item.width, y, size };
      lines.push(line);
    }
    if (item.hasEOL) line = null;
  }
  for (const l of lines) {
    const lead = l.text.length - l.text.trimStart().length;
    l.text = l.text.trim();
    if (lead) l.x += (lead * (l.right - l.x)) / Math.max(1, l.text.length + lead);
  }
  return lines.filter((l) => l.text);
}

/** The Info dictionary's title, unless it is a tool's file name ("Microsoft Word - 材料.docx") or a placeholder. */
export function documentTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const t = raw.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '').trim();
  if (!t || /\.(?:docx?|wps|pdf|txt|html?|xlsx?|pptx?)$/i.test(t) || /^(?:untitled|无标题|無標題|title|about:blank)$/i.test(t)) return undefined;
  return t;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
      reject(new PizhuError('invalid_input', `Reading this PDF took longer than ${limit}, so it was stopped: nothing was imported.`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function loadError(e: unknown): PizhuError {
  if (e instanceof PizhuError) return e;
  const name = (e as { name?: string })?.name;
  if (name === 'PasswordException')
    return new PizhuError('unsupported', 'This PDF is password-protected (encrypted); save an unprotected copy and import that. Nothing was imported.');
  return new PizhuError('invalid_input', `This PDF is damaged or not a PDF (${(e as Error)?.message ?? String(e)}): nothing was imported.`);
}

export const pdf: ImportFormat = {
  id: 'pdf',
  extensions: ['.pdf'],
  async parse(bytes) {
    if (bytes.length === 0) throw new PizhuError('invalid_input', 'The file is empty: nothing was imported.');
    if (!isPdf(bytes)) throw new PizhuError('invalid_input', 'This file is not a PDF (no %PDF header): nothing was imported.');
    const lib = await loadPdfJs();
    const task = lib.getDocument({
      // A plain Uint8Array copy: pdf.js refuses Node Buffers and may detach what it is given.
      data: new Uint8Array(bytes),
      ...pdfjsDataUrls(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    const read = async (): Promise<{ pages: PdfPage[]; emptyPages: number; rotatedChars: number; title?: string }> => {
      const doc = await task.promise;
      if (doc.numPages > PDF_LIMITS.maxPages)
        throw new PizhuError('unsupported', `This PDF has ${doc.numPages} pages; the limit is ${PDF_LIMITS.maxPages}. Split it and import the parts. Nothing was imported.`);
      const pages: PdfPage[] = [];
      let emptyPages = 0;
      const rotated = { chars: 0 };
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const lines = linesOf(content.items.filter((it) => 'str' in it) as PositionedText[], rotated);
        if (!lines.length) emptyPages++;
        pages.push({ height: page.view[3] - page.view[1], lines: lines.map((l) => ({ ...l, y: l.y - page.view[1] })) });
      }
      const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
      return { pages, emptyPages, rotatedChars: rotated.chars, title: documentTitle(info?.Title) };
    };
    let result: Awaited<ReturnType<typeof read>>;
    try {
      result = await withTimeout(read(), PDF_LIMITS.timeoutMs, () => void task.destroy());
    } catch (e) {
      throw loadError(e);
    } finally {
      void task.destroy();
    }
    const { pages, emptyPages, rotatedChars, title } = result;
    if (emptyPages === pages.length && rotatedChars)
      throw new PizhuError('unsupported', 'All text in this PDF is set vertically or rotated, which cannot be read yet: nothing was imported.');
    if (emptyPages === pages.length)
      throw new PizhuError('unsupported', 'This PDF has no text layer — it is a scanned image, and OCR is not supported. Nothing was imported.');
    const warnings: string[] = [];
    if (rotatedChars) warnings.push(`${rotatedChars} characters of rotated or vertical text (such as watermarks) were left out.`);
    if (emptyPages) warnings.push(`${emptyPages} of ${pages.length} pages have no text layer (scanned images); their content could not be imported.`);
    const layout = layoutPdf(pages);
    return { text: layout.text, format: 'pdf', encoding: null, confidence: null, meta: title ? { title } : {}, marks: layout.marks, warnings };
  },
};
