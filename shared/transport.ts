// Wire details shared by the HTTP test transport (server and renderer) and the preload bridge.
import type { Channel } from './contract';
import type { Result } from './errors';

export const TOKEN_HEADER = 'x-pizhu-token';
export const API_PREFIX = '/api/';
export const IPC_PREFIX = 'pizhu:';
/** Main → renderer: a command chosen in the application menu (see shared/menu.ts). */
export const MENU_CHANNEL = IPC_PREFIX + 'menu';

/** Files the page may ask the user to choose; the backend gets a token for the choice, never a path from the page. */
export const FILE_PURPOSES = ['saveLibraryArchive', 'openLibraryArchive'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** A file the user chose in a native dialog: `token` stands for it in a request (see electron/core/fileGrants.ts). */
export interface FileChoice {
  token: string;
  /** The file's name, to show. */
  name: string;
  /** Its size in bytes, for a file to read. */
  size: number | null;
}

/** What preload exposes on window.pizhu (contextBridge), one generic entry point. */
export interface PreloadBridge {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  /** Opens a native save dialog and writes the file (text as UTF-8, or bytes); null when the user cancels. */
  saveFile(suggestedName: string, content: string | Uint8Array): Promise<Result<string | null>>;
  /** Opens a native open or save dialog for `purpose`; the chosen file as a token, or null when the user cancels. */
  chooseFile(purpose: FilePurpose): Promise<Result<FileChoice | null>>;
  /**
   * Calls `listener` with each application-menu command (unchecked: the renderer parses it with
   * `parseMenuCommand`); returns the unsubscribe function. Browser mode has no menu and no bridge.
   */
  onMenuCommand(listener: (command: unknown) => void): () => void;
}
