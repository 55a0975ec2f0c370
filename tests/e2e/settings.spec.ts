// Settings: language, theme (light / dark / system) and reading text size, saved in the library and in place
// before the first frame after a reload; recent documents; the keyboard way in and out.
import { join } from 'node:path';
import type { DocumentSummary, Preferences } from '../../shared/domain';
import { expect, shotsDir, test, openApp, reloadApp } from './fixtures';

const prefsOf = (app: { lib: { handlers: unknown } }) => (app.lib.handlers as { 'preferences.get': (i: object) => Preferences })['preferences.get']({});
const readerSize = (page: import('@playwright/test').Page) => page.locator('.reader-article').evaluate((el) => getComputedStyle(el).fontSize);

test('settings apply at once, persist in the library and are in place before the first frame', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  // What the page looks like the moment React first puts something on screen.
  await page.addInitScript(() => {
    const w = window as unknown as { firstFrame?: { theme?: string; lang: string; size: string } };
    new MutationObserver((_m, obs) => {
      const root = document.getElementById('root');
      if (!root || root.childElementCount === 0) return;
      w.firstFrame = { theme: document.documentElement.dataset.theme, lang: document.documentElement.lang, size: document.documentElement.style.getPropertyValue('--reader-font-size') };
      obs.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('reader-text')).toBeVisible();
  expect(await readerSize(page)).toBe('18px');

  // Open from the top bar; focus lands on the current language.
  await page.getByTestId('settings-open').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('settings-lang-zh')).toBeFocused();
  await expect(page.getByTestId('settings-theme-system')).toBeChecked();
  await page.screenshot({ path: join(shotsDir, 'settings-light-zh.png') });

  // Language, theme and size change the page at once.
  await page.getByTestId('settings-lang-en').check();
  await expect(dialog.locator('h2')).toHaveText('Settings');
  await expect(page.getByTestId('import-open')).toContainText('Import');
  await page.getByTestId('settings-theme-dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('settings-font-bigger').click();
  await page.getByTestId('settings-font-bigger').click();
  await page.getByTestId('settings-font-bigger').click();
  await expect(page.getByTestId('settings-font-value')).toHaveText('21 px');
  expect(await readerSize(page)).toBe('21px');
  await expect(page.getByTestId('settings-preview')).toHaveCSS('font-size', '21px');
  await page.screenshot({ path: join(shotsDir, 'settings-dark-en.png') });

  // Saved in the library (not the browser).
  await expect.poll(() => prefsOf(app)).toMatchObject({ lang: 'en', theme: 'dark', readerFontSize: 21 });

  // Tab stays inside the dialog (it is modal), forwards and backwards.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i < 8 ? 'Tab' : 'Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="settings-dialog"]') !== null)).toBe(true);
  }

  // Esc closes and gives the focus back to the settings button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('settings-open')).toBeFocused();

  // After a reload the first frame is already English, dark and 21 px: nothing flashes.
  await page.evaluate(() => localStorage.clear());
  await reloadApp(page);
  await expect(page.getByTestId('reader-text')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { firstFrame?: unknown }).firstFrame)).toEqual({ theme: 'dark', lang: 'en', size: '21px' });
  expect(await readerSize(page)).toBe('21px');
  await page.screenshot({ path: join(shotsDir, 'reader-dark-en-21px.png') });

  // Ctrl+, opens settings; Ctrl+Alt+0 resets the size, Ctrl+Alt+- makes it smaller, from anywhere.
  await page.keyboard.press('Control+,');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Control+Alt+0');
  await expect(page.getByTestId('settings-font-value')).toHaveText('18 px');
  await page.keyboard.press('Control+Alt+-');
  await expect(page.getByTestId('settings-font-value')).toHaveText('17 px');
  await page.keyboard.press('Control+,');
  await expect(dialog).toBeHidden();
  await expect.poll(() => prefsOf(app).readerFontSize).toBe(17);

  // Follow the system: the page takes the system's scheme and follows it when it changes.
  await page.keyboard.press('Control+,');
  await page.getByTestId('settings-theme-system').check();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(shotsDir, 'settings-system-dark-en.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => prefsOf(app).theme).toBe('system');
  await page.getByTestId('settings-lang-zh').check();
  await page.screenshot({ path: join(shotsDir, 'settings-system-light-zh.png') });
});

test('recent documents: most recent first, listed in settings, reopened from there, cleared', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.server.url);
  const docs = page.getByTestId('doc-item');
  await expect(docs).toHaveCount(17);
  await expect(page.locator('.doc-item.active')).toHaveCount(1);
  const first = await page.locator('.doc-item.active').getAttribute('data-document-id');
  const ids = (await docs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.documentId!))).filter((id) => id !== first).slice(0, 3);
  for (const id of ids) {
    await page.locator(`[data-testid="doc-item"][data-document-id="${id}"]`).click();
    await expect(page.locator('.doc-item.active')).toHaveAttribute('data-document-id', id);
  }
  // Most recent first; the document opened on start-up is last.
  const expected = [ids[2], ids[1], ids[0], first];
  await expect.poll(() => prefsOf(app).recentDocumentIds).toEqual(expected);
  const titleOf = new Map((app.lib.handlers['documents.list']({}) as DocumentSummary[]).map((d) => [d.id, d.title]));

  await page.getByTestId('settings-open').click();
  const list = page.getByTestId('settings-recent').locator('li');
  await expect(list).toHaveCount(4);
  for (const [i, id] of expected.entries()) await expect(list.nth(i).locator('.set-recent-title')).toHaveText(titleOf.get(id!)!);
  await page.screenshot({ path: join(shotsDir, 'settings-recent.png') });

  // A click reopens the document and closes the dialog.
  await list.nth(2).getByRole('button').click();
  await expect(page.getByTestId('settings-dialog')).toBeHidden();
  await expect(page.locator('.doc-item.active')).toHaveAttribute('data-document-id', ids[0]);
  await expect.poll(() => prefsOf(app).recentDocumentIds).toEqual([ids[0], ids[2], ids[1], first]);

  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-clear-recent').click();
  await expect(page.getByTestId('settings-dialog')).toContainText(/还没有打开过文本|No document opened yet/);
  await expect.poll(() => prefsOf(app).recentDocumentIds).toEqual([]);
});
