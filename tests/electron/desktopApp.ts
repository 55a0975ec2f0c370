// What the Electron specs share: finding the Electron binary and the Electron build of better-sqlite3 (both made
// by `npm start`), skipping with the reason when either is missing, building the app, and launching it.
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Call inside a test or describe: skips, saying why, where the desktop app cannot run (no binary here). */
export function skipWithoutElectron(): void {
  test.skip(!bin, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD on this machine); run npm start on a desktop to exercise the shell');
  test.skip(!existsSync(binding), `No Electron build of better-sqlite3 at ${binding}; run npm start once to build it`);
  test.setTimeout(180_000);
}

/** The renderer and the shell bundles, as `npm start` builds them. */
export function buildDesktopApp(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
}

/** The app with its profile (and so its library) in `userData`. */
export function launchDesktopApp(userData: string): Promise<ElectronApplication> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PIZHU_SQLITE_BINDING: binding, PIZHU_USER_DATA: userData };
  delete env.ELECTRON_RUN_AS_NODE;
  return electron.launch({ args: ['.'], cwd: root, env, executablePath: bin! });
}
