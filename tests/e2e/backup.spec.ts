// The library-safety dialog through the real backend: health, Restore with its confirmation (the
// window reloads what it shows), importing a whole-library archive, Back up now and exporting the
// whole library (jobs), and screenshots in both themes and languages.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { createBackup, exportLibraryArchive } from '../../electron/core/backup';
import { migrations } from '../../electron/core/db/migrations';
import type { DocumentSummary, Theme } from '../../shared/domain';
import { installDesktopBridge } from './desktopBridge';
import { expect, shotsDir, test, openApp, reloadApp } from './fixtures';

type Handlers = Record<string, (input: unknown) => unknown>;

async function openSafety(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+B');
  await expect(page.getByTestId('safety-dialog')).toBeVisible();
  await expect(page.getByTestId('safety-health')).toHaveAttribute('data-integrity', 'ok');
}

test('health, restore a backup after a confirmation: the window shows the restored library', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item')).toHaveCount(17);

  // Reachable from the top bar, labelled, and by keyboard; focus returns where it was.
  const button = page.getByTestId('safety-open');
  await expect(button).toHaveAttribute('aria-label', '文库安全与备份');
  await openSafety(page);
  await expect(page.getByTestId('safety-schema')).toHaveText(String(migrations.length));
  await expect(page.getByTestId('safety-last-backup')).toHaveText('尚无备份');
  await expect(page.getByTestId('safety-backup-now')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('safety-dialog')).toBeHidden();

  // A backup, then changes made elsewhere (the command line, say): a document deleted, a theme added.
  createBackup(app.libraryDir, 'manual', { db: app.lib.ctx.db });
  const docs = h['documents.list']({}) as DocumentSummary[];
  h['documents.delete']({ id: docs[0].id });
  h['themes.create']({ name: '备份之后' });
  await reloadApp(page);
  await expect(page.getByTestId('doc-item')).toHaveCount(16);

  await button.click();
  await expect(page.getByTestId('safety-last-backup')).toContainText('刚刚');
  await expect(page.getByTestId('safety-backup')).toHaveCount(1);
  await page.getByTestId('safety-restore').first().click();
  await expect(page.getByTestId('safety-restore-confirm')).toContainText('当前文库会先备份');
  await expect(page.getByTestId('safety-restore-go')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: '已恢复' })).toBeVisible();
  // The window reloaded its documents without a page reload; the replaced state is a backup of its own.
  await expect(page.getByTestId('doc-item')).toHaveCount(17);
  await expect(page.getByTestId('safety-backup')).toHaveCount(2);
  await expect(page.getByTestId('safety-backup').first()).toContainText('恢复之前');
  expect((h['themes.list']({}) as Theme[]).map((t) => t.name)).not.toContain('备份之后');
  await expect(page.getByTestId('reader-text')).toBeVisible();
  // The same window goes on working on the restored library.
  const search = (await h['search.query']({ query: '新质生产力' })) as { total: number };
  expect(search.total).toBeGreaterThan(0);
});

test('import a .pizhu archive over a changed library, after a confirmation', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  h['themes.create']({ name: '随库迁移', color: '#4c78a8' });
  const archive = await exportLibraryArchive(app.libraryDir, { db: app.lib.ctx.db });
  const path = join(test.info().outputDir, archive.suggestedName);
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(path, archive.bytes);

  // The library changes; importing the archive brings back exactly what was exported.
  const docs = h['documents.list']({}) as DocumentSummary[];
  h['documents.delete']({ id: docs[1].id });
  h['documents.delete']({ id: docs[2].id });
  const theme = (h['themes.list']({}) as Theme[])[0];
  h['themes.delete']({ id: theme.id, mode: 'untag' });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item')).toHaveCount(15);

  await openSafety(page);
  await page.getByTestId('safety-import-file').setInputFiles(path);
  await expect(page.getByTestId('safety-import-confirm')).toContainText(archive.suggestedName);
  await page.getByTestId('safety-import-go').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已导入文库：17 篇文本、1 个主题' })).toBeVisible();
  await expect(page.getByTestId('doc-item')).toHaveCount(17);
  expect((h['themes.list']({}) as Theme[]).map((t) => t.name)).toEqual(['随库迁移']);
  await expect(page.getByTestId('safety-backup').first()).toContainText('导入之前');
});

test('back up now and export the whole library run as jobs: a new backup, a .pizhu download', async ({ page, app }) => {
  (app.lib.handlers as unknown as Handlers)['themes.create']({ name: '随库迁移' });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item')).toHaveCount(17);
  await openSafety(page);
  await page.getByTestId('safety-backup-now').click();
  await expect(page.getByTestId('safety-backup')).toHaveCount(1);
  await expect(page.getByTestId('safety-backup').first()).toContainText('手动');
  await expect(page.getByTestId('toast').filter({ hasText: '已备份' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('safety-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^pizhu-library-\d{4}-\d{2}-\d{2}\.pizhu$/);
  const path = join(test.info().outputDir, file.suggestedFilename());
  await file.saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  expect(manifest).toMatchObject({ format: 'pizhu-library', schemaVersion: migrations.length, counts: { documents: 17, themes: 1 } });
});

test('in the app, the archive is written to the file chosen in the save dialog and read from the one chosen to import', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  h['themes.create']({ name: '随库迁移', color: '#4c78a8' });
  mkdirSync(test.info().outputDir, { recursive: true });
  const target = join(test.info().outputDir, 'chosen.pizhu');
  const chosen: string[] = [];
  await installDesktopBridge(page, app, {
    choose: (purpose) => {
      chosen.push(purpose);
      return target;
    },
  });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) requests.push(`${r.url().split('/api/')[1]} ${r.postData() ?? ''}`);
  });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item')).toHaveCount(17);
  await openSafety(page);

  // Export: the backend writes the archive to the chosen file; no archive bytes cross to the window.
  await page.getByTestId('safety-export').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'chosen.pizhu' })).toBeVisible();
  const zip = await JSZip.loadAsync(readFileSync(target));
  expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toMatchObject({ format: 'pizhu-library', counts: { documents: 17, themes: 1 } });
  const start = requests.find((r) => r.startsWith('jobs.start'))!;
  expect(JSON.parse(start.slice('jobs.start '.length))).toEqual({ kind: 'libraryExport', to: expect.stringMatching(/^[\w-]{16,64}$/) });
  expect(start).not.toContain(target);

  // The library changes; importing the chosen file (read by the backend, by token) brings it back.
  const docs = h['documents.list']({}) as DocumentSummary[];
  h['documents.delete']({ id: docs[0].id });
  await page.getByTestId('safety-import').click();
  await expect(page.getByTestId('safety-import-confirm')).toContainText('chosen.pizhu');
  await page.getByTestId('safety-import-go').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已导入文库：17 篇文本、1 个主题' })).toBeVisible();
  await expect(page.getByTestId('doc-item')).toHaveCount(17);
  expect(chosen).toEqual(['saveLibraryArchive', 'openLibraryArchive']);
  expect(requests.filter((r) => r.startsWith('library.importArchive')).map((r) => Object.keys(JSON.parse(r.slice('library.importArchive '.length))))).toEqual([['from']]);
});

test('library safety dialog: screenshots in light and dark, Chinese and English', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const day = 86_400_000;
  const now = Date.now();
  const reasons = ['daily', 'daily', 'migration', 'daily', 'manual', 'before-restore'] as const;
  reasons.forEach((reason, i) => createBackup(app.libraryDir, reason, { db: app.lib.ctx.db, now: new Date(now - (reasons.length - i) * day * 0.9 - 3_600_000) }));
  for (const [lang, theme] of [
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    h['preferences.set']({ lang, theme });
    await openApp(page, app.server.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByTestId('doc-item').first()).toBeVisible();
    await openSafety(page);
    await expect(page.getByTestId('safety-backup')).toHaveCount(reasons.length);
    await page.getByTestId('safety-restore').nth(1).click();
    await expect(page.getByTestId('safety-restore-confirm')).toBeVisible();
    await page.screenshot({ path: join(shotsDir, `safety-${theme}-${lang}.png`) });
  }
});
