// Exports to Markdown, REFI-QDA, W3C Web Annotation and CSV in `npm run bench`: one theme's 70
// excerpts and 5,000 excerpts on the seeds, through the real export channel, and the .qdpx import of
// the 5,000 into an empty library. The baseline reads each highlight with its own queries and finds
// its code-point positions by rescanning the text, the obvious way to write an exporter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf } from '../shared/contract';
import type { DocumentSummary, ExportFile, Theme } from '../shared/domain';
import { utf16ToCodePoint } from '../shared/offsets';
import type { Db } from '../electron/core/db/connection';
import { openLibrary, type Library } from '../electron/core/library';
import { bundledSeedsDir } from '../electron/core/paths';
import { noteJsonFromPlainText } from '../electron/core/services/annotations';
import { median, type BenchRow } from './stats';

export const TOTAL = 5000;
export const ONE_THEME = 70;
const RUNS = 5;

/** The seeds with 5,000 highlights over 8 themes, 70 of them also under one small theme (shared with bench/export.ts). */
export function library(): { lib: Library; dir: string; smallTheme: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-exchange-'));
  const lib = openLibrary({ libraryDir: dir, seedsDir: bundledSeedsDir });
  const h = lib.handlers;
  const docs = h['documents.list']({}) as DocumentSummary[];
  const texts = docs.map((d) => (h['documents.get']({ id: d.id }) as { text: string }).text);
  const themes = Array.from({ length: 8 }, (_, i) => (h['themes.create']({ name: `主题 ${i + 1}` }) as Theme).id);
  const smallTheme = (h['themes.create']({ name: '专题' }) as Theme).id;
  lib.ctx.db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      const d = i % docs.length;
      const start = (i * 37) % (texts[d].length - 40);
      const themeIds = i < ONE_THEME ? [smallTheme, themes[i % themes.length]] : [themes[i % themes.length]];
      const a = h['annotations.create']({ documentId: docs[d].id, start, end: start + 20, themeIds }) as { id: string };
      if (i % 3 === 0) h['annotations.updateNote']({ id: a.id, noteJson: noteJsonFromPlainText(`笔记 ${i}`), noteText: `笔记 ${i}` });
    }
  })();
  return { lib, dir, smallTheme };
}

/** Per highlight: its row, its document, its themes, each by its own query; positions by rescanning the text. */
function naiveRows(db: Db, themeId?: string): string[] {
  const ids = (
    themeId
      ? db.prepare('SELECT annotation_id AS id FROM annotation_themes WHERE theme_id = ?').all(themeId)
      : db.prepare('SELECT id FROM annotations WHERE deleted_at IS NULL').all()
  ) as { id: string }[];
  return ids.map(({ id }) => {
    const a = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as { document_id: string; exact: string; start_offset: number; end_offset: number; note_text: string };
    const d = db.prepare('SELECT title, source, published_at, text FROM documents WHERE id = ?').get(a.document_id) as { title: string; text: string };
    const names = db.prepare('SELECT t.name FROM annotation_themes at JOIN themes t ON t.id = at.theme_id WHERE at.annotation_id = ?').all(id) as { name: string }[];
    return [a.exact, names.map((n) => n.name).join('; '), d.title, a.note_text, utf16ToCodePoint(d.text, a.start_offset), utf16ToCodePoint(d.text, a.end_offset)].join(',');
  });
}

function timeSync(f: () => unknown): number {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  await f(); // warm-up: the first run also compiles the writer
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function benchExchange(): Promise<BenchRow[]> {
  const { lib, dir, smallTheme } = library();
  const rows: BenchRow[] = [];
  const exportFile = (input: InputOf<'export.file'>) => lib.handlers['export.file'](input) as Promise<ExportFile>;
  const naiveSmall = timeSync(() => naiveRows(lib.ctx.db, smallTheme));
  const naiveAll = timeSync(() => naiveRows(lib.ctx.db));
  const baselineName = 'N+1 queries, offsets rescanned per highlight';
  for (const format of ['md', 'qdpx', 'jsonld', 'csv'] as const) {
    const small = await timeAsync(() => exportFile({ format, themeIds: [smallTheme] }));
    rows.push({ name: `export ${format}, one theme (${ONE_THEME} excerpts)`, unit: 'ms', ours: small, baseline: naiveSmall, baselineName, goal: null });
    const all = await timeAsync(() => exportFile({ format }));
    rows.push({ name: `export ${format}, ${TOTAL} excerpts`, unit: 'ms', ours: all, baseline: naiveAll, baselineName, goal: format === 'md' ? 200 : null });
  }
  rows.push({ name: 'export qdc (codebook, 9 themes)', unit: 'ms', ours: await timeAsync(() => exportFile({ format: 'qdc' })), baseline: null, baselineName: '—', goal: null });

  const project = (await exportFile({ format: 'qdpx' })).data;
  const imports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const target = openLibrary({ libraryDir: join(dir, `import-${i}`), seedsDir: null });
    const t = performance.now();
    await target.handlers['import.qdpx']({ data: project });
    imports.push(performance.now() - t);
    target.close();
  }
  rows.push({ name: `import qdpx (17 documents, ${TOTAL} highlights)`, unit: 'ms', ours: median(imports), baseline: null, baselineName: '—', goal: null });
  lib.close();
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
