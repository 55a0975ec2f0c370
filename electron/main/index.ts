// The Electron shell: one sandboxed window, the backend behind one IPC loop, the application menu, nothing else.
// Paths are computed from app.getAppPath()/__dirname (this file is bundled to CJS; no import.meta).
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, normalize, relative } from 'node:path';
import { channels, type Channel } from '../../shared/contract';
import type { Preferences } from '../../shared/domain';
import { serializeError, type Result } from '../../shared/errors';
import { FILE_PURPOSES, IPC_PREFIX, type FileChoice, type FilePurpose } from '../../shared/transport';
import { archiveFileName } from '../core/backup/archive';
import { CONTENT_SECURITY_POLICY as CSP, contentTypeFor } from '../../shared/webPolicy';
import { dispatch } from '../core/dispatch';
import { openLibraryOrRecover, type RecoveryPrompt } from '../core/backup/recover';
import type { Library } from '../core/library';
import { getPreferences, recentDocuments } from '../core/services/preferences';
import { DEFAULT_PREFERENCES } from '../../shared/preferences';
import { installMenu } from './menu';
import { APP_ORIGIN, assertTrustedSender, enableSandboxEverywhere, hardenSession, SCHEME } from './security';
import { createMainWindow } from './window';

// The UI is served from a privileged custom scheme rather than file:// so that 'self' is a real
// origin and response headers (CSP) apply; file:// responses never pass through webRequest.
const START_URL = `${APP_ORIGIN}/index.html`;

const isDev = !app.isPackaged;
const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = join(__dirname, '..', 'preload', 'index.cjs');
const seedsDir = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds');

// Development only: an Electron-ABI SQLite build made by `npm start`. An installed app never loads native code
// from a path in the environment.
if (app.isPackaged) delete process.env.PIZHU_SQLITE_BINDING;

enableSandboxEverywhere();
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Tests (and anyone wanting a throwaway profile) can point the profile, and so the library, elsewhere.
if (process.env.PIZHU_USER_DATA) app.setPath('userData', process.env.PIZHU_USER_DATA);

let lib: Library | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Pizhu could not start', err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
  });
}

function preferences(): Preferences {
  try {
    return lib ? getPreferences(lib.ctx) : DEFAULT_PREFERENCES;
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

function serveRenderer(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^[/\\]+/, '');
    const file = join(rendererDir, rel);
    const back = relative(rendererDir, file);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN || back.startsWith('..') || isAbsolute(back)) return new Response('Forbidden', { status: 403 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' },
    });
  });
}

/** The menu shows the language, theme and recent documents, so it is rebuilt when these may have changed. */
const MENU_AFFECTED_BY: ReadonlySet<string> = new Set<Channel>([
  'preferences.set',
  'documents.delete',
  'documents.restore',
  'documents.updateMetadata',
  'backups.restore',
  'library.importArchive',
]);

function refreshMenu(): void {
  const prefs = preferences();
  nativeTheme.themeSource = prefs.theme;
  let recent: { id: string; title: string }[] = [];
  try {
    if (lib) recent = recentDocuments(lib.ctx).map((d) => ({ id: d.id, title: d.title }));
  } catch {
    // The menu still opens without its recent list.
  }
  installMenu({ prefs, recent, platform: process.platform, isDev });
}

/** Names for the save dialog's file type filter, by extension. */
const SAVE_FILTER_NAMES: Record<string, string> = {
  md: 'Markdown',
  docx: 'Word',
  zip: 'Zip',
  qdpx: 'REFI-QDA project',
  qdc: 'REFI-QDA codebook',
  jsonld: 'JSON-LD',
  json: 'JSON',
  csv: 'CSV',
  png: 'PNG',
  svg: 'SVG',
  pizhu: 'Pizhu library',
  sqlite: 'SQLite',
};

function registerIpc(library: Library): void {
  // ONE loop: every channel in the contract, validated and serialised by dispatch.
  for (const ch of channels) {
    ipcMain.handle(IPC_PREFIX + ch, async (e, input: unknown): Promise<Result<unknown>> => {
      try {
        assertTrustedSender(e);
      } catch (err) {
        return { ok: false, error: serializeError(err) };
      }
      const result = await dispatch(library.handlers, ch, input);
      if (result.ok && MENU_AFFECTED_BY.has(ch)) refreshMenu();
      return result;
    });
  }
  ipcMain.handle(IPC_PREFIX + 'saveFile', async (e, suggestedName: unknown, content: unknown): Promise<Result<string | null>> => {
    try {
      assertTrustedSender(e);
      const isBytes = content instanceof Uint8Array;
      if (typeof suggestedName !== 'string' || suggestedName.length > 1000 || (typeof content !== 'string' && !isBytes)) {
        throw new Error('saveFile expects (name: string, content: string | Uint8Array)');
      }
      const win = BrowserWindow.fromWebContents(e.sender);
      const name = suggestedName.replace(/[/\\]/g, '_');
      const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? 'md';
      const opts = {
        defaultPath: join(app.getPath('documents'), name),
        filters: [{ name: SAVE_FILTER_NAMES[ext] ?? ext.toUpperCase(), extensions: [ext] }],
      };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return { ok: true, value: null };
      if (isBytes) await writeFile(r.filePath, content);
      else await writeFile(r.filePath, content, 'utf8');
      return { ok: true, value: r.filePath };
    } catch (err) {
      return { ok: false, error: serializeError(err) };
    }
  });
  ipcMain.handle(IPC_PREFIX + 'chooseFile', async (e, purpose: unknown): Promise<Result<FileChoice | null>> => {
    try {
      assertTrustedSender(e);
      if (!FILE_PURPOSES.includes(purpose as FilePurpose)) throw new Error(`chooseFile expects one of ${FILE_PURPOSES.join(', ')}`);
      return { ok: true, value: await chooseFile(library, BrowserWindow.fromWebContents(e.sender), purpose as FilePurpose) };
    } catch (err) {
      return { ok: false, error: serializeError(err) };
    }
  });
}

/** The native dialog for each file purpose; the choice becomes a one-use token for the backend (electron/core/fileGrants.ts). */
async function chooseFile(library: Library, win: BrowserWindow | null, purpose: FilePurpose): Promise<FileChoice | null> {
  const filters = [{ name: SAVE_FILTER_NAMES.pizhu, extensions: ['pizhu'] }];
  if (purpose === 'saveLibraryArchive') {
    const opts = { defaultPath: join(app.getPath('documents'), archiveFileName(new Date())), filters };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    if (r.canceled || !r.filePath) return null;
    return { token: library.grants.grant(r.filePath, 'write'), name: basename(r.filePath), size: null };
  }
  const opts: Electron.OpenDialogOptions = { filters, properties: ['openFile'] };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  const path = r.filePaths[0];
  if (r.canceled || !path) return null;
  return { token: library.grants.grant(path, 'read'), name: basename(path), size: (await stat(path)).size };
}

/**
 * A damaged library at start-up: offer the newest backups (the damaged file is kept among the
 * backups before any restore), or quit with the command-line way to do it later.
 */
async function chooseBackupToRestore(prompt: RecoveryPrompt): Promise<string | null> {
  const zh = preferencesLangAtStart() === 'zh-CN';
  const offered = prompt.details.backups.slice(0, 3);
  const problem = prompt.details.problems[0] ?? '';
  const failed = prompt.failedRestore ? (zh ? `\n\n恢复 ${prompt.failedRestore.name} 失败：${prompt.failedRestore.message}` : `\n\nRestoring ${prompt.failedRestore.name} failed: ${prompt.failedRestore.message}`) : '';
  const r = await dialog.showMessageBox({
    type: 'error',
    title: 'Pizhu',
    message: zh ? '资料库文件已损坏' : 'The library file is damaged',
    detail:
      (zh
        ? `完整性检查未通过（${problem}）。可从备份恢复；损坏的文件会先保存在备份文件夹中。`
        : `The integrity check failed (${problem}). You can restore a backup; the damaged file is kept in the backups folder first.`) +
      `\n${prompt.details.libraryDir}` +
      failed,
    buttons: [...offered.map((b) => `${zh ? '恢复' : 'Restore'} ${b.createdAt.slice(0, 16).replace('T', ' ')} (${b.reason})`), zh ? '退出' : 'Quit'],
    defaultId: 0,
    cancelId: offered.length,
    noLink: true,
  });
  return offered[r.response]?.name ?? null;
}

/** The interface language before the library (which stores preferences) is open. */
function preferencesLangAtStart(): 'zh-CN' | 'en' {
  return app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('org.pizhu.app');
  lib = await openLibraryOrRecover({ libraryDir: join(app.getPath('userData'), 'library'), seedsDir, warmSearch: true, importWorker: true }, chooseBackupToRestore);
  hardenSession(() => preferences().lang);
  serveRenderer();
  registerIpc(lib);
  refreshMenu();
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

function openMainWindow(): void {
  const win = createMainWindow({
    url: START_URL,
    preload: preloadPath,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    dark: nativeTheme.shouldUseDarkColors,
    devTools: isDev,
  });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

/** At most this long for running jobs (an export, the day's backup) to end and remove their partial files at quit. */
const CLOSE_AT_QUIT_MS = 5000;

app.on('will-quit', (e) => {
  const closing = lib;
  if (!closing) return;
  lib = null;
  e.preventDefault();
  void Promise.race([closing.close(), new Promise((r) => setTimeout(r, CLOSE_AT_QUIT_MS))]).finally(() => app.quit());
});
