// Electron's security checklist, in one place: what every window and every web contents may do (almost nothing).
import { app, BrowserWindow, dialog, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY as CSP } from '../../shared/webPolicy';

export const SCHEME = 'pizhu';
export const APP_ORIGIN = `${SCHEME}://app`;

/** URL schemes a page of ours may load: our own files, inline images and blobs, and the devtools. */
const ALLOWED_REQUEST = /^(pizhu|data|blob|devtools):/i;

export function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * IPC is answered only for our own page's top frame in one of our windows: a frame from anywhere else (there
 * should be none) cannot reach the library.
 */
export function assertTrustedSender(e: IpcMainInvokeEvent): void {
  const frame = e.senderFrame;
  const trusted = frame !== null && frame.parent === null && isOwnPage(frame.url) && BrowserWindow.fromWebContents(e.sender) !== null;
  if (!trusted) throw new Error(`Rejected IPC from ${frame?.url ?? 'an unknown frame'}`);
}

/** http(s) links open in the system browser after the user says so; any other scheme is ignored. */
export async function openExternalAfterConfirm(url: string, lang: 'zh-CN' | 'en'): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
  const zh = lang === 'zh-CN';
  const opts = {
    type: 'question' as const,
    buttons: zh ? ['在浏览器中打开', '取消'] : ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: zh ? '在网页浏览器中打开这个链接？' : 'Open this link in your web browser?',
    detail: parsed.toString(),
  };
  const parent = BrowserWindow.getFocusedWindow();
  const r = parent ? await dialog.showMessageBox(parent, opts) : await dialog.showMessageBox(opts);
  if (r.response === 0) await shell.openExternal(parsed.toString());
}

/** Guards for every web contents the app ever creates (windows, devtools, anything a page might open). */
function guardContents(contents: WebContents, lang: () => 'zh-CN' | 'en'): void {
  // A page never navigates away: links leave through the confirmation, everything else is dropped.
  contents.on('will-frame-navigate', (e) => {
    // The developer tools (development only) navigate their own frames.
    if (/^devtools:/i.test(e.url)) return;
    e.preventDefault();
    if (e.isMainFrame) void openExternalAfterConfirm(e.url, lang());
  });
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => {
    if (!isOwnPage(e.url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterConfirm(url, lang());
    return { action: 'deny' };
  });
}

/** Before app ready: every renderer sandboxed, whatever a window asks for. */
export function enableSandboxEverywhere(): void {
  app.enableSandbox();
}

/** After app ready: the session denies every permission and every request that is not ours, and sends our CSP. */
export function hardenSession(lang: () => 'zh-CN' | 'en'): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler(null);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !ALLOWED_REQUEST.test(details.url) }));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  app.on('web-contents-created', (_e, contents) => guardContents(contents, lang));
}
