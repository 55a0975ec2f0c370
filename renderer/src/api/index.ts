// The only module that touches window.pizhu or the HTTP transport.
import { channels, type Api, type Channel } from '../../../shared/contract';
import { unwrap, type Result } from '../../../shared/errors';
import type { ExportFile } from '../../../shared/domain';
import { API_PREFIX, TOKEN_HEADER, type FileChoice, type FilePurpose, type PreloadBridge } from '../../../shared/transport';
import { parseMenuCommand, type MenuCommand } from '../../../shared/menu';
import { base64ToBytes } from '../lib/base64';

declare global {
  interface Window {
    pizhu?: PreloadBridge;
  }
}

const TOKEN_KEY = 'pizhu.token';

/** In browser mode the one-time token arrives in the URL; keep it for reloads, hide it from the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpInvoke(token: string) {
  return async (ch: Channel, input: unknown): Promise<Result<unknown>> => {
    const res = await fetch(API_PREFIX + ch, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  };
}

const bridge = window.pizhu;
const invoke = bridge ? bridge.invoke.bind(bridge) : httpInvoke(browserToken());

export const api = Object.fromEntries(
  channels.map((ch) => [ch, async (input: unknown) => unwrap(await invoke(ch, input))]),
) as Api;

export const isDesktop = Boolean(bridge);

/**
 * A file chosen in the app's native dialog, as a token the backend accepts for it (the page never sees
 * its path); null when the user cancels. Desktop only: browser mode picks files in the page.
 */
export async function chooseFile(purpose: FilePurpose): Promise<FileChoice | null> {
  if (!bridge) throw new Error('Native file dialogs exist only in the desktop app.');
  return unwrap(await bridge.chooseFile(purpose));
}

/** Application-menu commands (desktop only; browser mode has no menu). Anything that is not a command is dropped. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  if (!bridge) return () => {};
  return bridge.onMenuCommand((raw) => {
    const command = parseMenuCommand(raw);
    if (command) listener(command);
  });
}

/** A browser download of the data, for browser mode. */
function download(suggestedName: string, data: Uint8Array | string, mime: string): string {
  const part = typeof data === 'string' ? data : new Uint8Array(data);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([part], { type: mime }));
  a.download = suggestedName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return suggestedName;
}

/**
 * Saves text or bytes (a PNG, an SVG, a .docx) through the native save dialog in the app, as a browser
 * download otherwise. Returns the path or name, null if cancelled.
 */
export async function saveFile(suggestedName: string, data: Uint8Array | string, mime: string): Promise<string | null> {
  if (bridge) return unwrap(await bridge.saveFile(suggestedName, data));
  return download(suggestedName, data, mime);
}

export function saveTextFile(suggestedName: string, content: string, mime = 'text/markdown;charset=utf-8'): Promise<string | null> {
  return saveFile(suggestedName, content, mime);
}

/** Saves an export from the backend (text or base64 bytes). */
export function saveExportFile(file: ExportFile): Promise<string | null> {
  const data = file.encoding === 'base64' ? base64ToBytes(file.data) : file.data;
  return saveFile(file.suggestedName, data, file.encoding === 'utf-8' && !/charset/.test(file.mime) ? `${file.mime};charset=utf-8` : file.mime);
}
