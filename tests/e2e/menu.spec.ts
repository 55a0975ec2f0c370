// Application-menu commands in the real renderer against the real backend. Browser mode has no menu, so the
// page gets a stand-in for the preload bridge (window.pizhu): its calls go over the loopback transport, and the
// test sends menu commands through it as the desktop shell does.
import { MENU_ACCELERATORS } from '../../shared/menu';
import { READER_FONT_SIZE } from '../../shared/preferences';
import { API_PREFIX } from '../../shared/transport';
import { installDesktopBridge } from './desktopBridge';
import { expect, test, openApp } from './fixtures';

test('Edit › Rebuild search index opens the search panel and rebuilds the index as a job; anything else sent is ignored', async ({ page, app }) => {
  const { sendMenuCommand: send } = await installDesktopBridge(page, app);
  const started: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(API_PREFIX + 'jobs.start')) started.push(r.postData() ?? '');
  });

  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await send({ command: 'rebuildSearchIndex; rm -rf /' });
  await send({ command: 'reindex' });
  await expect(page.getByTestId('search-panel')).toHaveCount(0);

  await send({ command: 'rebuildSearchIndex' });
  await expect(page.getByTestId('search-panel')).toBeVisible();
  const documents = (app.lib.handlers['documents.list']({}) as unknown[]).length;
  await expect(page.getByTestId('toast').filter({ hasText: `搜索索引已重建：${documents} 篇文本` })).toBeVisible();
  expect(started.map((body) => JSON.parse(body))).toEqual([{ kind: 'reindex' }]);
  // The rebuilt index answers.
  await page.getByTestId('search-input').fill('新质生产力');
  await expect(page.getByTestId('search-results')).toContainText('新质生产力');
});

// On macOS a key the page does not mark handled goes on to the menu's key equivalents, so a menu shortcut the page
// acts on without preventDefault would run twice. Every accelerator in the menu is checked here; the table is typed
// by MENU_ACCELERATORS, so a new menu shortcut does not compile until it has a check.
type Check = { shows?: string; closeWith?: string; fontChange?: number };
const menuKeys: Record<keyof typeof MENU_ACCELERATORS, Check> = {
  import: { shows: 'import-dialog', closeWith: 'Escape' },
  export: { shows: 'export-dialog', closeWith: 'Escape' },
  librarySafety: { shows: 'safety-dialog', closeWith: 'Escape' },
  settings: { shows: 'settings-dialog', closeWith: 'Escape' },
  undo: {},
  redo: {},
  find: { shows: 'find-bar', closeWith: 'Escape' },
  search: { shows: 'search-panel', closeWith: 'Escape' },
  editText: { shows: 'revision-editor', closeWith: 'Escape' },
  versions: { shows: 'versions-view', closeWith: 'Control+Shift+H' },
  fontBigger: { fontChange: 1 },
  fontSmaller: { fontChange: -1 },
  fontReset: { fontChange: 0 },
  shortcuts: { shows: 'shortcuts-help', closeWith: 'Escape' },
};

const asPlaywrightKey = (accelerator: string) => accelerator.replace('CmdOrCtrl', 'Control');

test('every menu shortcut is acted on once by the page and marked handled, so the macOS menu does not run it again', async ({ page, app }) => {
  await openApp(page, app.server.url);
  await expect(page.getByTestId('reader-text')).toBeVisible();
  // Read after the event has been dispatched to every listener, whichever registered last.
  await page.evaluate(() => {
    const w = window as unknown as { lastKey?: { key: string; handled: boolean } };
    window.addEventListener('keydown', (e) => setTimeout(() => (w.lastKey = { key: e.key, handled: e.defaultPrevented })));
  });
  const lastKey = () => page.evaluate(() => (window as unknown as { lastKey?: { key: string; handled: boolean } }).lastKey);
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--reader-font-size')));

  for (const [name, accelerator] of Object.entries(MENU_ACCELERATORS) as [keyof typeof MENU_ACCELERATORS, string][]) {
    const check = menuKeys[name];
    const before = await fontSize();
    await page.evaluate(() => delete (window as unknown as { lastKey?: unknown }).lastKey);
    await page.keyboard.press(asPlaywrightKey(accelerator));
    await expect.poll(lastKey, { message: `${name} (${accelerator})` }).toMatchObject({ handled: true });
    if (check.shows) {
      await expect(page.getByTestId(check.shows), name).toBeVisible();
      await page.keyboard.press(check.closeWith!);
      await expect(page.getByTestId(check.shows), name).toBeHidden();
    }
    if (check.fontChange !== undefined) {
      if (check.fontChange === 0) await expect.poll(fontSize, name).toBe(READER_FONT_SIZE.default);
      else await expect.poll(fontSize, name).toBe(before + check.fontChange);
    }
  }

  // A "?" typed in a field is text, left unhandled, and opens nothing.
  await page.keyboard.press('Control+Shift+F');
  await page.evaluate(() => delete (window as unknown as { lastKey?: unknown }).lastKey);
  await page.getByTestId('search-input').press('?');
  await expect(page.getByTestId('search-input')).toHaveValue('?');
  await expect.poll(lastKey).toMatchObject({ key: '?', handled: false });
  await expect(page.getByTestId('shortcuts-help')).toBeHidden();
});
