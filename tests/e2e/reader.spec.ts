import { readFileSync } from 'node:fs';
import type { Request } from '@playwright/test';
import { join } from 'node:path';
import { API_PREFIX } from '../../shared/transport';
import { clickQuote, dragSelect, expect, paintedHighlights, shotsDir, test, openApp, reloadApp } from './fixtures';

const QUOTE = '因地制宜推动黑河新质生产力发展';
const THEME = '地方实践';

test('read, highlight by mouse drag, tag, note, reload, export Markdown', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.server.url);

  // Library: the five bundled files, imported on first run; two of them hold seven articles each.
  const docs = page.getByTestId('doc-item');
  await expect(docs).toHaveCount(17);
  await page.screenshot({ path: join(shotsDir, 'library.png') });

  // A theme of our own, from the themes panel.
  await page.getByTestId('tab-themes').click();
  await page.getByTestId('new-theme-name').fill(THEME);
  await page.getByTestId('create-theme').click();
  await expect(page.locator(`[data-testid="theme-row"][data-theme-name="${THEME}"]`)).toBeVisible();

  // Open the 黑河 article and drag across a passage.
  await docs.filter({ hasText: '黑河' }).click();
  await expect(page.getByTestId('reader-text')).toContainText(QUOTE);
  await dragSelect(page, QUOTE);
  const toolbar = page.getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  const asked: string[] = [];
  const listen = (r: Request) => {
    if (r.url().includes(API_PREFIX)) asked.push(r.url().split(API_PREFIX)[1]);
  };
  page.on('request', listen);
  await toolbar.locator(`[data-theme-name="${THEME}"]`).click();

  // The highlight is painted at once, on exactly the dragged text.
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain(QUOTE);
  // The library row counts it.
  const heiheRow = docs.filter({ hasText: '黑河' });
  await expect(heiheRow).toContainText(/1 处高亮|1 highlight/);

  // Undo removes it, redo brings it back, and the row's count follows.
  await page.getByTestId('reader-text').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).not.toContain(QUOTE);
  await expect(heiheRow).toContainText(/0 处高亮|0 highlights/);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain(QUOTE);
  await expect(heiheRow).toContainText(/1 处高亮|1 highlight/);
  // Each time only that document's row was asked for, never the whole library.
  page.off('request', listen);
  expect(asked.filter((c) => c === 'documents.summaries')).toHaveLength(3);
  expect(asked).not.toContain('documents.list');

  // Click the highlight to open it, then write a note with some bold text.
  await clickQuote(page, QUOTE);
  const panel = page.getByTestId('annotation-panel');
  await expect(panel.getByTestId('annotation-quote')).toHaveText(QUOTE);
  await expect(panel.getByTestId('theme-chip')).toContainText(THEME);
  const editor = panel.getByTestId('note-editor');
  await editor.click();
  await page.keyboard.type('黑河的做法：');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('先立后破');
  await page.keyboard.press('Control+b');
  await expect(panel.getByTestId('save-state')).toHaveText(/已保存|Saved/, { timeout: 5000 });
  await page.screenshot({ path: join(shotsDir, 'reader-note.png') });

  // The data is in SQLite, not only in the page.
  const stored = app.lib.handlers['annotations.list']({}) as { exact: string; noteText: string; noteJson: string | null }[];
  expect(stored).toHaveLength(1);
  expect(stored[0].exact).toBe(QUOTE);
  expect(stored[0].noteText).toContain('先立后破');
  expect(stored[0].noteJson).toContain('"format":1');

  // Reload: the highlight and the note are still there.
  await reloadApp(page);
  await docs.filter({ hasText: '黑河' }).click();
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain(QUOTE);
  await clickQuote(page, QUOTE);
  await expect(page.getByTestId('note-editor')).toContainText('黑河的做法：先立后破');
  await expect(page.getByTestId('note-editor').locator('strong, b, .pz-bold, [class*="bold"]').first()).toHaveText('先立后破');

  // Dark theme and English interface.
  await page.getByTestId('toggle-theme').click();
  await page.getByTestId('toggle-lang').click();
  await expect(page.getByTestId('export-md')).toHaveText(/Export/);
  await page.screenshot({ path: join(shotsDir, 'reader-dark-en.png') });
  await page.getByTestId('toggle-theme').click();
  await page.getByTestId('toggle-lang').click();

  // Export study notes to Markdown, grouped by theme, through the save path.
  await page.getByTestId('export-md').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const file = await (await download).path();
  const md = readFileSync(file, 'utf8');
  expect(md).toContain(`## ${THEME}`);
  expect(md).toContain(`> ${QUOTE}`);
  expect(md).toContain(`#${THEME}`);
  expect(md).toContain('黑河的做法：**先立后破**');
  expect(md).toMatch(/—— 《重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展》，黑河日报，2024-06-28，第 \d+ 段/);
});

test('the example codebook is offered, not forced, and 1–9 tag a keyboard selection', async ({ page, app }) => {
  await openApp(page, app.server.url);
  await page.getByTestId('tab-themes').click();
  await expect(page.getByTestId('theme-row')).toHaveCount(0);
  await page.getByTestId('add-examples').click();
  await expect(page.getByTestId('theme-row').first()).toBeVisible();
  const themeCount = await page.getByTestId('theme-row').count();
  expect(themeCount).toBeGreaterThan(3);

  await page.getByTestId('doc-item').filter({ hasText: '習近平' }).click();
  await dragSelect(page, '新質生產力有別于傳統生產力');
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('2');
  await expect.poll(() => (app.lib.handlers['annotations.list']({}) as { exact: string }[]).map((a) => a.exact)).toEqual(['新質生產力有別于傳統生產力']);
  const second = (app.lib.handlers['themes.list']({}) as { id: string; annotationCount: number }[])[1];
  expect(second.annotationCount).toBe(1);
  await page.screenshot({ path: join(shotsDir, 'examples.png') });
});
