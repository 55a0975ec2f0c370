// Wire details shared by the HTTP test transport (server and renderer) and the preload bridge.
import type { Channel } from './contract';
import type { Result } from './errors';

export const TOKEN_HEADER = 'x-pizhu-token';
export const API_PREFIX = '/api/';
export const IPC_PREFIX = 'pizhu:';
/** Main → renderer: a command chosen in the application menu (see shared/menu.ts). */
export const MENU_CHANNEL = IPC_PREFIX + 'menu';

/** What preload exposes on window.pizhu (contextBridge), one generic entry point. */
export interface PreloadBridge {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  /** Opens a native save dialog and writes the file (text as UTF-8, or bytes); null when the user cancels. */
  saveFile(suggestedName: string, content: string | Uint8Array): Promise<Result<string | null>>;
  /**
   * Calls `listener` with each application-menu command (unchecked: the renderer parses it with
   * `parseMenuCommand`); returns the unsubscribe function. Browser mode has no menu and no bridge.
   */
  onMenuCommand(listener: (command: unknown) => void): () => void;
}
