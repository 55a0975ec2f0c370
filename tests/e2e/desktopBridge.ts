// A stand-in for the desktop shell's preload bridge (window.pizhu) in browser mode: its calls go over
// the loopback transport, the test sends application-menu commands through it, and its file dialog
// answers with a file the test names, granted by the real backend as the shell would grant it.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import type { FileChoice, FilePurpose } from '../../shared/transport';
import { API_PREFIX, TOKEN_HEADER } from '../../shared/transport';
import type { Library } from '../../electron/core/library';
import type { RunningServer } from '../../electron/core/server/http';

export interface DesktopBridgeOptions {
  /** The file the user "chooses" for a purpose: a path, or null for a cancelled dialog. */
  choose?: (purpose: FilePurpose) => string | null;
}

export async function installDesktopBridge(page: Page, app: { lib: Library; server: RunningServer }, options: DesktopBridgeOptions = {}): Promise<{ sendMenuCommand(command: unknown): Promise<void> }> {
  await page.exposeFunction('pizhuTestChooseFile', async (purpose: FilePurpose): Promise<FileChoice | null> => {
    const path = options.choose?.(purpose) ?? null;
    if (!path) return null;
    const write = purpose === 'saveLibraryArchive';
    return { token: app.lib.grants.grant(path, write ? 'write' : 'read'), name: basename(path), size: write ? null : statSync(path).size };
  });
  await page.addInitScript(
    ({ token, prefix, header }) => {
      const w = window as unknown as { pizhu: unknown; sendMenuCommand: (c: unknown) => void; pizhuTestChooseFile: (p: string) => Promise<unknown> };
      const listeners: ((c: unknown) => void)[] = [];
      w.sendMenuCommand = (c) => listeners.forEach((l) => l(c));
      w.pizhu = {
        invoke: async (channel: string, input: unknown) =>
          (await fetch(prefix + channel, { method: 'POST', headers: { 'content-type': 'application/json', [header]: token }, body: JSON.stringify(input ?? {}) })).json(),
        saveFile: async () => ({ ok: true, value: null }),
        chooseFile: async (purpose: string) => ({ ok: true, value: await w.pizhuTestChooseFile(purpose) }),
        onMenuCommand: (listener: (c: unknown) => void) => {
          listeners.push(listener);
          return () => listeners.splice(listeners.indexOf(listener), 1);
        },
      };
    },
    { token: app.server.token, prefix: API_PREFIX, header: TOKEN_HEADER },
  );
  return {
    sendMenuCommand: (command) => page.evaluate((c) => (window as unknown as { sendMenuCommand: (c: unknown) => void }).sendMenuCommand(c), command),
  };
}
