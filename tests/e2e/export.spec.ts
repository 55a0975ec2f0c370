// The export dialog through the real backend: a handout exported from the UI (a download in browser
// mode) and unzipped, the live preview, printing, and screenshots in both themes and languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Annotation, DocumentRecord, DocumentSummary, Theme } from '../../shared/domain';
import { expect, shotsDir, test, openApp } from './fixtures';
import { BOLD, ITALIC, list, note, paragraph, text } from '../unit/lexicalNote';

type Handlers = Record<string, (input: unknown) => unknown>;

const TITLE = '新质生产力专题摘编';
const UNIT = '理论学习中心组';
const QUESTION = '结合本地实际，谈谈如何因地制宜发展新质生产力？';

const NOTE = note(paragraph(text('要点：', BOLD), text('先立后破，'), text('因地制宜', ITALIC)), list('bullet', '<b>不是标记</b>'));

/** Two themes (one nested) with questions and a handful of highlights on the seeds. */
function seedExcerpts(h: Handlers): { quotes: string[] } {
  const docs = h['documents.list']({}) as DocumentSummary[];
  const local = h['themes.create']({ name: '因地制宜', color: '#f29e4c', description: '结合各地实际' }) as Theme;
  const tech = h['themes.create']({ name: '科技创新', color: '#4c8df2', parentId: local.id }) as Theme;
  const people = h['themes.create']({ name: '人才培养', color: '#59a14f' }) as Theme;
  h['themes.setQuestions']({ id: local.id, questions: QUESTION });
  const picks: [string, string, string][] = [
    ['2024-06-28', '因地制宜推动黑河新质生产力发展', local.id],
    ['2024-06-28', '新质生产力', tech.id],
    ['2023-09-11', '新質生產力', people.id],
  ];
  const quotes: string[] = [];
  for (const [date, probe, themeId] of picks) {
    const summary = docs.find((d) => d.publishedAt === date)!;
    const doc = h['documents.get']({ id: summary.id }) as DocumentRecord;
    const at = doc.text.indexOf(probe, quotes.length * 50);
    const end = Math.min(doc.text.indexOf('\n', at) > at ? doc.text.indexOf('\n', at) : at + 40, at + 40);
    const a = h['annotations.create']({ documentId: doc.id, start: at, end, themeIds: [themeId] }) as Annotation;
    h['annotations.updateNote']({ id: a.id, noteJson: NOTE, noteText: '要点：先立后破，因地制宜' });
    quotes.push(doc.text.slice(at, end));
  }
  return { quotes };
}

async function openExport(page: Page): Promise<void> {
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

test('export a handout from the dialog: preview, options, download, unzip', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const { quotes } = seedExcerpts(h);
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await openExport(page);

  await page.locator('[data-testid="export-format"][data-format="handout"]').check();
  await page.getByTestId('export-title').fill(TITLE);
  await page.getByTestId('export-unit').fill(UNIT);
  await page.getByTestId('export-date').fill('2026-11-21');
  await page.getByTestId('export-colors').check();

  // The live preview follows the options: cover, contents, and the first page with the official numbering.
  const preview = page.getByTestId('export-preview');
  await expect(preview.locator('.pz-cover .pz-title')).toHaveText(TITLE);
  await expect(preview.locator('.pz-cover .pz-subtitle')).toHaveText(UNIT);
  await expect(preview.locator('.pz-cover .pz-date')).toHaveText('2026年11月21日');
  await expect(preview.locator('.pz-body h1').first()).toHaveText('一、因地制宜');
  await expect(preview.locator('.pz-body h2').first()).toHaveText('（一）科技创新');
  await expect(preview.locator('.pz-body .pz-src').first()).toContainText('（摘自《');
  await expect(preview.locator('.pz-questionsLabel')).toHaveText('思考题');
  await expect(preview.locator('.pz-question')).toHaveText(`1．${QUESTION}`);
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: join(shotsDir, 'export-handout-light-zh.png') });

  // Leaving out a theme takes it out of the preview.
  await page.locator('[data-testid="export-theme"][data-theme-name="人才培养"]').uncheck();
  await expect(preview.locator('.pz-body h1')).toHaveCount(1);
  await expect(page.getByTestId('export-theme-count')).toHaveText('已选 2 / 3');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${TITLE}-${new Date().toISOString().slice(0, 10)}.docx`);
  const zip = await JSZip.loadAsync(readFileSync(await file.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(text).toContain(TITLE);
  expect(text).toContain(UNIT);
  expect(text).toContain('2026年11月21日');
  expect(text).toContain('一、因地制宜');
  expect(text).toContain('（一）科技创新');
  expect(text).not.toContain('人才培养');
  expect(text).toContain(quotes[0].replace(/\n[\s\S]*/, ''));
  expect(text).toMatch(/（摘自《[^》]+》，黑河日报，2024年6月28日）/);
  expect(text).toContain('思考题');
  expect(text).toContain(`1．${QUESTION}`);
  expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xml).toMatch(/<w:shd [^>]*w:fill="[0-9A-F]{6}"/);
  const footer = await zip.file('word/footer1.xml')!.async('string');
  expect(footer).toContain('PAGE');
});

test('study notes preview, print view, and the dialog in dark and English', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  seedExcerpts(h);
  // Printing is the browser's job; record the call and look at what would be printed.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await openExport(page);
  await page.locator('[data-testid="export-format"][data-format="docx"]').check();
  const preview = page.getByTestId('export-preview');
  await expect(preview.locator('.pz-body .pz-title')).toHaveText('学习笔记');
  await expect(preview.locator('.pz-quote').first()).toBeVisible();
  await expect(preview.locator('.pz-citation').first()).toContainText('——《');
  // The note keeps its marks, and markup typed into a note stays text.
  await expect(preview.locator('p.pz-note strong').first()).toHaveText('要点：');
  await expect(preview.locator('p.pz-note em').first()).toHaveText('因地制宜');
  await expect(preview.locator('.pz-list li').first()).toHaveText('<b>不是标记</b>');
  await expect(preview.locator('.pz-list li b')).toHaveCount(0);
  await page.getByTestId('export-by-document').check();
  await expect(preview.locator('.pz-body h1').first()).not.toHaveText('因地制宜');
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: join(shotsDir, 'export-notes-light-zh.png') });

  // Print / PDF of the handout: every page goes to the print-only view, on A4.
  await page.locator('[data-testid="export-format"][data-format="handout"]').check();
  await page.getByTestId('export-print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.locator('#pz-print-root .pzdoc.pz-print .pz-page')).toHaveCount(3);
  await page.emulateMedia({ media: 'print' });
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(await page.pdf({ preferCSSPageSize: true })) }).promise;
  expect(pdf.numPages).toBeGreaterThanOrEqual(3);
  // NFKC: the PDF's text layer names some CJK glyphs by their Kangxi radical code points (⼀ for 一).
  const pageText = async (n: number) => ((await (await pdf.getPage(n)).getTextContent()).items as { str: string }[]).map((i) => i.str).join('').normalize('NFKC');
  const [cover, contents, first] = [await pageText(1), await pageText(2), await pageText(3)];
  // A4; the cover and the contents carry no number, the first page of the body is — 1 —.
  expect((await pdf.getPage(1)).view.map(Math.round)).toEqual([0, 0, 595, 842]);
  expect(cover).toContain('专题摘编');
  expect(cover).not.toContain('—');
  expect(contents).toContain('一、因地制宜');
  expect(first).toContain('一、因地制宜');
  expect(first).toContain('— 1 —');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('#pz-print-root .pz-page')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  await page.getByTestId('toggle-theme').click();
  await page.getByTestId('toggle-lang').click();
  await openExport(page);
  await expect(page.getByTestId('export-dialog').locator('h2')).toHaveText('Export');
  await expect(preview.locator('.pz-cover .pz-title')).toHaveText('专题摘编');
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: join(shotsDir, 'export-handout-dark-en.png') });
  await page.locator('[data-testid="export-format"][data-format="docx"]').check();
  await page.getByTestId('export-style-plain').check();
  await expect(preview.locator('.pzdoc.pz-plain')).toBeVisible();
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: join(shotsDir, 'export-notes-dark-en.png') });
  await page.locator('[data-testid="export-format"][data-format="csv"]').check();
  await expect(page.getByTestId('export-preview')).toHaveCount(0);
  await page.screenshot({ path: join(shotsDir, 'export-csv-dark-en.png') });
});
