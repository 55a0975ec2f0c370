// Long work and long lists in the real UI: an export of 20,000 excerpts runs as a backend job with a
// progress bar, count, elapsed time and Cancel, and shows in the top bar's tasks indicator when the
// dialog is closed; the annotations browser over 20,000 highlights and a library of 10,000 documents
// keep only the rows in view in the DOM, and move by keyboard (End, Home, PageDown, Enter) with the
// cursor kept in view.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DocumentSummary, JobInfo, Theme } from '../../shared/domain';
import { generateCorpus, insertCorpus } from '../../bench/searchCorpus';
import { expect, setScheme, shotsDir, test, openApp, reloadApp } from './fixtures';

const HIGHLIGHTS = 20_000;
const DOCUMENTS = 10_000;

test.describe.configure({ timeout: 120_000 });

/**
 * Lets the page follow a job until it reports progress, then holds the job's answers until released: a
 * large export takes only seconds, and the test needs it on screen, running, while it looks and cancels.
 */
async function holdJobAfterProgress(page: Page): Promise<{ release(): Promise<void> }> {
  let open!: () => void;
  const held = new Promise<void>((r) => (open = r));
  let progressed = false;
  await page.route('**/api/jobs.get', async (route) => {
    if (progressed) await held;
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: JobInfo };
    if (body.value?.state === 'running' && body.value.done > 0) progressed = true;
    await route.fulfill({ response, json: body });
  });
  // Released, the route lets every answer through (it stays: unrouting would race the answers it holds).
  return {
    async release() {
      open();
    },
  };
}

test('an export of 20,000 excerpts runs as a job: progress, count, elapsed time, cancel, the tasks indicator; the browser stays windowed', async ({ page, app }) => {
  const h = app.lib.handlers;
  const docs = h['documents.list']({}) as DocumentSummary[];
  const texts = docs.map((d) => (h['documents.get']({ id: d.id }) as { text: string }).text);
  const themes = ['产业', '创新', '人才', '制度', '开放'].map((name) => (h['themes.create']({ name }) as Theme).id);
  app.lib.ctx.db.transaction(() => {
    for (let i = 0; i < HIGHLIGHTS; i++) {
      const d = i % docs.length;
      const start = (i * 37) % (texts[d].length - 40);
      h['annotations.create']({ documentId: docs[d].id, start, end: start + 12 + (i % 20), themeIds: [themes[i % themes.length]] });
    }
  })();
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();

  // Word handout of every excerpt: the bar fills with a count in excerpts; Cancel stops it, nothing is saved.
  await page.getByTestId('export-md').click();
  await page.locator('[data-testid="export-format"][data-format="handout"]').check();
  let hold = await holdJobAfterProgress(page);
  await page.getByTestId('export-confirm').click();
  const progress = page.getByTestId('export-progress').getByTestId('job-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByTestId('job-count')).toContainText(`/ ${HIGHLIGHTS.toLocaleString('zh-CN')} 条摘录`, { timeout: 20_000 });
  await expect(progress.getByTestId('job-elapsed')).toContainText(/已用 \d+:\d\d/);
  const bar = progress.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuemax', String(HIGHLIGHTS));
  // Excerpts are counted as they are written.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000, intervals: [50] }).toBeGreaterThan(0);
  await page.screenshot({ path: join(shotsDir, 'export-job-light-zh-CN.png') });
  await progress.getByTestId('job-cancel').click();
  await hold.release();
  await expect(page.getByTestId('export-progress')).toBeHidden();
  await expect(page.getByTestId('toast').filter({ hasText: '已取消' })).toBeVisible();
  expect(downloads).toEqual([]);
  await page.keyboard.press('Escape');

  // Again in English and dark: close the dialog while it runs; the tasks indicator carries on, then the file saves.
  await setScheme(page, 'dark', 'en');
  await page.getByTestId('export-md').click();
  hold = await holdJobAfterProgress(page);
  await page.getByTestId('export-confirm').click();
  await expect(page.getByTestId('export-progress').getByTestId('job-count')).toContainText(/Preparing|excerpts/);
  await page.screenshot({ path: join(shotsDir, 'export-job-dark-en.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();
  const indicator = page.getByTestId('tasks-indicator');
  await expect(indicator).toBeVisible();
  await expect(indicator).toContainText('1 task(s) running');
  await indicator.click();
  const popover = page.getByTestId('tasks-popover');
  await expect(popover.getByTestId('job-progress')).toContainText('Export Word handout');
  await expect(popover.getByTestId('job-count')).toContainText(/\/ 20,000 excerpts/, { timeout: 20_000 });
  await page.screenshot({ path: join(shotsDir, 'tasks-indicator-dark-en.png') });
  await hold.release();
  await expect(indicator).toBeHidden({ timeout: 60_000 });
  await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(1);
  expect(downloads[0]).toMatch(/\.docx$/);

  // The annotations browser over all 20,000: only the rows in view are in the DOM; End reaches the last one.
  await setScheme(page, 'light', 'zh-CN');
  await page.getByTestId('tab-browse').click();
  const panel = page.getByTestId('browse-panel');
  await panel.getByTestId('browse-scope-library').click();
  await expect(panel.getByTestId('browse-total')).toContainText(HIGHLIGHTS.toLocaleString('zh-CN'));
  expect(await panel.getByTestId('browse-item').count()).toBeLessThan(40);
  const list = panel.getByTestId('browse-list');
  await list.focus();
  await page.keyboard.press('End');
  await expect(list).toHaveAttribute('aria-activedescendant', `ann-row-${HIGHLIGHTS - 1}`);
  const last = panel.locator(`#ann-row-${HIGHLIGHTS - 1}`);
  await expect(last).toHaveAttribute('data-annotation-id', /.+/);
  await expect(last).toBeInViewport();
  expect(await panel.getByTestId('browse-item').count()).toBeLessThan(40);
  await page.keyboard.press('PageUp');
  const afterPageUp = Number((await list.getAttribute('aria-activedescendant'))!.replace('ann-row-', ''));
  expect(afterPageUp).toBeLessThan(HIGHLIGHTS - 3);
  await expect(panel.locator(`#ann-row-${afterPageUp}`)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(list).toHaveAttribute('aria-activedescendant', 'ann-row-0');
  await expect(panel.locator('#ann-row-0')).toBeInViewport();
  await page.screenshot({ path: join(shotsDir, 'browse-20000-light-zh-CN.png') });
});

test('a library of 10,000 documents: only the rows in view are in the DOM; End, Home, PageDown, Enter; the open document scrolls into view', async ({ page, app }) => {
  const { ctx } = app.lib;
  insertCorpus(ctx.db, ctx.userId, generateCorpus(DOCUMENTS, 240, 7), ctx.newId);
  const docs = app.lib.handlers['documents.list']({}) as DocumentSummary[];
  const total = docs.length;

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  const list = page.getByTestId('library-list');
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await expect(list).toHaveAttribute('data-windowed', 'true');
  await expect(page.locator('.library-total')).toHaveText(total.toLocaleString('zh-CN'));
  expect(await page.getByTestId('doc-item').count()).toBeLessThan(60);
  await page.screenshot({ path: join(shotsDir, 'library-10000-light-zh-CN.png') });

  // End: the last document, scrolled to, still a handful of rows in the DOM; Enter opens it.
  await list.focus();
  await page.keyboard.press('End');
  const lastDoc = docs[docs.length - 1];
  const lastRow = page.locator(`[data-testid="doc-item"][data-document-id="${lastDoc.id}"]`);
  await expect(lastRow).toHaveClass(/cursor/);
  await expect(lastRow).toBeInViewport();
  expect(await page.getByTestId('doc-item').count()).toBeLessThan(60);
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader-header h1')).toHaveText(lastDoc.title);
  await expect(lastRow).toHaveClass(/active/);

  // Home and PageDown move by the page; the cursor stays in view.
  await page.keyboard.press('Home');
  await expect(list).toHaveAttribute('aria-activedescendant', 'lib-row-0');
  await expect(page.locator('#lib-row-0')).toBeInViewport();
  await page.keyboard.press('PageDown');
  const down = Number((await list.getAttribute('aria-activedescendant'))!.replace('lib-row-', ''));
  expect(down).toBeGreaterThan(5);
  await expect(page.locator(`#lib-row-${down}`)).toBeInViewport();

  // A reload reopens the last document and scrolls the list to it.
  await reloadApp(page);
  await expect(page.locator('.reader-header h1')).toHaveText(lastDoc.title);
  await expect(page.locator('.doc-item.active')).toBeInViewport();
  await setScheme(page, 'dark', 'en');
  await page.screenshot({ path: join(shotsDir, 'library-10000-dark-en.png') });
});

test('rebuild the search index from the search panel: a job with its progress, then the search asks again', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  await page.getByTestId('search-input').fill('新质生产力');
  const total = page.getByTestId('search-total');
  await expect(total).toBeVisible();
  const before = await total.textContent();
  await page.getByTestId('search-reindex').click();
  // The job shows in the panel (and in the top bar) until it is done, then a toast gives the count.
  await expect(page.getByTestId('search-reindexing').getByTestId('job-progress')).toBeVisible();
  await expect(page.getByTestId('tasks-indicator')).toBeVisible();
  await page.screenshot({ path: join(shotsDir, 'reindex-job-light-zh-CN.png') });
  await expect(page.getByTestId('toast').filter({ hasText: '搜索索引已重建：17 篇文本' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('search-reindexing')).toBeHidden();
  await expect(page.getByTestId('tasks-indicator')).toBeHidden();
  await expect(total).toHaveText(before!);
});
