// The desktop shell itself: the application menu reaching the page, navigation, new windows, remote requests and
// permissions refused, and the window placed where it was. Needs the Electron binary and an Electron-ABI
// better-sqlite3 (both made by `npm start`); skips itself otherwise.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesktopApp, launchDesktopApp as launch, skipWithoutElectron } from './desktopApp';

test.describe('desktop shell', () => {
  skipWithoutElectron();
  test.beforeAll(buildDesktopApp);

  test('menu commands reach the page; navigation, windows, remote requests and permissions are refused', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'pizhu-shell-'));
    const app = await launch(userData);
    try {
      const win = await app.firstWindow();
      await expect(win.getByTestId('doc-item').first()).toBeVisible({ timeout: 30_000 });
      // Confirmations are answered "Cancel" and counted, so no native dialog waits on screen.
      await app.evaluate(({ dialog }) => {
        const g = globalThis as unknown as { confirmations: string[] };
        g.confirmations = [];
        dialog.showMessageBox = (async (...args: unknown[]) => {
          const opts = args[args.length - 1] as { detail?: string };
          g.confirmations.push(opts.detail ?? '');
          return { response: 1, checkboxChecked: false };
        }) as typeof dialog.showMessageBox;
      });

      // File ▸ Import… opens the import dialog; View ▸ Appearance ▸ Dark and Language ▸ English apply and persist.
      const click = (id: string) => app.evaluate(({ Menu }, itemId) => Menu.getApplicationMenu()!.getMenuItemById(itemId)!.click(), id);
      await click('import');
      await expect(win.getByTestId('import-dialog')).toBeVisible();
      await win.keyboard.press('Escape');
      await click('theme:dark');
      await expect(win.locator('html')).toHaveAttribute('data-theme', 'dark');
      await click('lang:en');
      await expect(win.getByTestId('import-open')).toContainText('Import');
      // The menu is rebuilt in English.
      await expect.poll(() => app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((i) => i.label))).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']));
      await click('settings');
      await expect(win.getByTestId('settings-dialog')).toBeVisible();
      await expect(win.getByTestId('settings-theme-dark')).toBeChecked();
      await win.keyboard.press('Escape');

      // The page cannot go anywhere or open anything; a web link only asks, and is cancelled here.
      const start = win.url();
      await win.evaluate(() => {
        location.href = 'https://example.com/navigated';
      });
      await win.evaluate(() => window.open('https://example.com/popup'));
      await win.evaluate(() => window.open('file:///etc/passwd'));
      await win.waitForTimeout(1000);
      expect(win.url()).toBe(start);
      expect(app.windows()).toHaveLength(1);
      const asked = await app.evaluate(() => (globalThis as unknown as { confirmations: string[] }).confirmations);
      expect(asked).toEqual(['https://example.com/navigated', 'https://example.com/popup']);
      expect(await win.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))).toBe('blocked');
      expect(await win.evaluate(() => Notification.requestPermission())).toBe('denied');
      expect(await win.evaluate(() => navigator.mediaDevices?.getUserMedia({ audio: true }).then(() => 'granted', () => 'denied') ?? 'denied')).toBe('denied');
      // No Node, one bridge with four functions.
      expect(await win.evaluate(() => Object.keys((window as unknown as { pizhu: object }).pizhu).sort())).toEqual(['chooseFile', 'invoke', 'onMenuCommand', 'saveFile']);
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });

  test('the window opens where and as large as it was closed', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'pizhu-shell-'));
    try {
      const first = await launch(userData);
      await first.firstWindow();
      await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].setBounds({ x: 60, y: 50, width: 1000, height: 700 }));
      await first.close();
      const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as { bounds: { width: number; height: number } };
      expect(saved.bounds).toMatchObject({ width: 1000, height: 700 });

      const second = await launch(userData);
      await second.firstWindow();
      const bounds = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds());
      expect(bounds).toMatchObject({ width: 1000, height: 700 });
      await second.close();
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
