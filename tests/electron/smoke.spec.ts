// Launches the real desktop app and checks the library shows the bundled documents.
// Needs the Electron binary and an Electron-ABI better-sqlite3 (both made by `npm start`).
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesktopApp, launchDesktopApp, skipWithoutElectron } from './desktopApp';

test('the desktop window shows the library with documents', async () => {
  skipWithoutElectron();
  buildDesktopApp();

  const userData = mkdtempSync(join(tmpdir(), 'pizhu-electron-'));
  const app = await launchDesktopApp(userData);
  try {
    const win = await app.firstWindow();
    await expect(win.getByTestId('doc-item').first()).toBeVisible({ timeout: 30_000 });
    expect(await win.getByTestId('doc-item').count()).toBeGreaterThan(0);
    // The bridge is there and Node is not.
    expect(await win.evaluate(() => typeof (window as unknown as { pizhu?: unknown }).pizhu)).toBe('object');
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
