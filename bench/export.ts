// Word exports in `npm run bench`: study notes and the handout for one theme's 70 excerpts and for all
// 5,000, through the real export channel, on the corpus bench/exchange.ts builds (a third of the notes
// made rich: bold, italic, a list and a link). The baseline is the obvious Word writer: each highlight
// read with its own queries, its paragraph found by splitting the whole text again, and every
// character its own run with freshly built properties.
import { rmSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { InputOf } from '../shared/contract';
import type { ExportFile } from '../shared/domain';
import type { Db } from '../electron/core/db/connection';
import { library, ONE_THEME, TOTAL } from './exchange';
import { median, type BenchRow } from './stats';
import { BOLD, ITALIC, link, list, note, paragraph, text } from '../tests/unit/lexicalNote';

const RUNS = 5;

const RICH_NOTE = note(
  paragraph(text('要点：', BOLD), text('先立后破，'), text('因地制宜', ITALIC), link('https://example.org/', '原文')),
  list('number', '改造提升传统产业', '培育壮大新兴产业'),
);

function naiveRun(text: string, eastAsia: string): TextRun {
  return new TextRun({ text, font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, hint: 'eastAsia' }, size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } });
}

/** Every highlight by its own queries, one run per character, nothing shared between runs. */
async function naiveDocx(db: Db, themeId?: string): Promise<Buffer> {
  const ids = (
    themeId
      ? db.prepare('SELECT annotation_id AS id FROM annotation_themes WHERE theme_id = ?').all(themeId)
      : db.prepare('SELECT id FROM annotations WHERE deleted_at IS NULL').all()
  ) as { id: string }[];
  const children: Paragraph[] = [];
  for (const { id } of ids) {
    const a = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as { document_id: string; exact: string; start_offset: number; note_text: string };
    const d = db.prepare('SELECT title, source, published_at, text FROM documents WHERE id = ?').get(a.document_id) as { title: string; source: string; published_at: string; text: string };
    const paragraph = d.text.slice(0, a.start_offset).split('\n').length;
    children.push(new Paragraph({ children: [...a.exact].map((ch) => naiveRun(ch, '仿宋_GB2312')) }));
    children.push(new Paragraph({ children: [...`——《${d.title}》，${d.source}，${d.published_at}，第 ${paragraph} 段`].map((ch) => naiveRun(ch, '楷体_GB2312')) }));
    if (a.note_text) children.push(new Paragraph({ children: [...a.note_text].map((ch) => naiveRun(ch, '楷体_GB2312')) }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function time(f: () => Promise<unknown>, runs = RUNS): Promise<number> {
  if (runs > 1) await f(); // warm-up: the first run also compiles the writer
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function benchWordExport(): Promise<BenchRow[]> {
  const { lib, dir, smallTheme } = library();
  const db = lib.ctx.db;
  const noted = db.prepare("SELECT id FROM annotations WHERE note_text <> ''").pluck().all() as string[];
  db.transaction(() => {
    for (const id of noted.filter((_, i) => i % 2 === 0)) lib.handlers['annotations.updateNote']({ id, noteJson: RICH_NOTE, noteText: '要点：先立后破，因地制宜原文' });
  })();
  const exportFile = (input: InputOf<'export.file'>) => lib.handlers['export.file'](input) as Promise<ExportFile>;
  const baselineName = 'N+1 queries, a run per character';
  const naiveSmall = await time(() => naiveDocx(db, smallTheme));
  // Half a minute a run: measured once.
  const naiveAll = await time(() => naiveDocx(db), 1);
  const rows: BenchRow[] = [];
  for (const format of ['docx', 'handout'] as const) {
    const label = format === 'docx' ? 'Word study notes' : 'Word handout';
    const small = await time(() => exportFile({ format, themeIds: [smallTheme], colorHighlights: true }));
    rows.push({ name: `${label}, one theme (${ONE_THEME} excerpts)`, unit: 'ms', ours: small, baseline: naiveSmall, baselineName, goal: format === 'docx' ? 150 : null });
    const all = await time(() => exportFile({ format, colorHighlights: true }));
    rows.push({ name: `${label}, ${TOTAL} excerpts`, unit: 'ms', ours: all, baseline: naiveAll, baselineName, goal: format === 'docx' ? 2000 : null });
  }
  const preview = await time(async () => lib.handlers['export.preview']({ format: 'handout' }));
  rows.push({ name: `Word handout first-page preview (${TOTAL} excerpts)`, unit: 'ms', ours: preview, baseline: null, baselineName: '—', goal: null });
  lib.close();
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
