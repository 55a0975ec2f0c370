// The Electron shell: one sandboxed window, the backend behind one IPC loop, nothing else.
// Paths are computed from app.getAppPath()/__dirname (this file is bundled to CJS; no import.meta).
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join, normalize, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../../shared/contract';
import { serializeError, type Result } from '../../shared/errors';
import { IPC_PREFIX } from '../../shared/transport';
import { CONTENT_SECURITY_POLICY as CSP, contentTypeFor } from '../../shared/webPolicy';
import { dispatch } from '../core/dispatch';
import { openLibrary, type Library } from '../core/library';

// The UI is served from a privileged custom scheme rather than file:// so that 'self' is a real
// origin and response headers (CSP) apply; file:// responses never pass through webRequest.
const SCHEME = 'pizhu';
const HOST = 'app';
const APP_ORIGIN = `${SCHEME}://${HOST}`;
const START_URL = `${APP_ORIGIN}/index.html`;

const isDev = !app.isPackaged;
const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = join(__dirname, '..', 'preload', 'index.cjs');
const seedsDir = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds');


protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

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

function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function checkSender(e: IpcMainInvokeEvent): void {
  if (!isOwnPage(e.senderFrame?.url)) throw new Error(`Rejected IPC from ${e.senderFrame?.url ?? 'unknown frame'}`);
}

function serveRenderer(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^[/\\]+/, '');
    const file = join(rendererDir, rel);
    const back = relative(rendererDir, file);
    if (url.host !== HOST || back.startsWith('..') || isAbsolute(back)) return new Response('Forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    if (!res.ok) return new Response('Not found', { status: 404 });
    return new Response(res.body, {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
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
};

function registerIpc(library: Library): void {
  // ONE loop: every channel in the contract, validated and serialised by dispatch.
  for (const ch of channels) {
    ipcMain.handle(IPC_PREFIX + ch, (e, input: unknown) => {
      checkSender(e);
      return dispatch(library.handlers, ch, input);
    });
  }
  ipcMain.handle(IPC_PREFIX + 'saveFile', async (e, suggestedName: unknown, content: unknown): Promise<Result<string | null>> => {
    try {
      checkSender(e);
      const isBytes = content instanceof Uint8Array;
      if (typeof suggestedName !== 'string' || (typeof content !== 'string' && !isBytes)) throw new Error('saveFile expects (name: string, content: string | Uint8Array)');
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
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

async function openExternalAfterConfirm(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
  const opts = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: parsed.toString(),
  };
  const r = mainWindow ? await dialog.showMessageBox(mainWindow, opts) : await dialog.showMessageBox(opts);
  if (r.response === 0) await shell.openExternal(parsed.toString());
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Pizhu',
          click: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Pizhu',
              message: `Pizhu (批注) ${app.getVersion()}`,
              detail: 'A desktop workbench for close reading of Chinese texts.',
            });
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Pizhu',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (e, url) => {
    e.preventDefault();
    void openExternalAfterConfirm(url);
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterConfirm(url);
    return { action: 'deny' };
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(START_URL);
  return win;
}

async function start(): Promise<void> {
  lib = openLibrary({ libraryDir: join(app.getPath('userData'), 'library'), seedsDir, warmSearch: true });
  hardenSession();
  serveRenderer();
  registerIpc(lib);
  buildMenu();
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  lib?.close();
  lib = null;
});
