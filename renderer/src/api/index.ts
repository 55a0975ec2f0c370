// The only module that touches window.pizhu or the HTTP transport.
import { channels, type Api, type Channel } from '../../../shared/contract';
import { unwrap, type Result } from '../../../shared/errors';
import { API_PREFIX, TOKEN_HEADER, type PreloadBridge } from '../../../shared/transport';

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

/** Saves text through the native dialog in the app, as a browser download otherwise. Returns the path or name, null if cancelled. */
export async function saveTextFile(suggestedName: string, content: string): Promise<string | null> {
  if (bridge) return unwrap(await bridge.saveFile(suggestedName, content));
  const blob = new Blob([content], { type: 'text/markdown;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = suggestedName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return suggestedName;
}
