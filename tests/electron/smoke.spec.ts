// Launches the real desktop app and checks the library shows the bundled documents.
// Needs the Electron binary and an Electron-ABI better-sqlite3 (both made by `npm start`).
import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

function electronBinary(): string | null {
  try {
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const version = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const binding = join(root, '.native', `electron-${version}`, 'better_sqlite3.node');

test('the desktop window shows the library with documents', async () => {
  test.skip(!bin, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD on this machine); run npm start on a desktop to exercise the shell');
  test.skip(!existsSync(binding), `No Electron build of better-sqlite3 at ${binding}; run npm start once to build it`);
  test.setTimeout(180_000);

  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });

  const userData = mkdtempSync(join(tmpdir(), 'pizhu-electron-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PIZHU_SQLITE_BINDING: binding, PIZHU_USER_DATA: userData };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({ args: ['.'], cwd: root, env, executablePath: bin! });
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
