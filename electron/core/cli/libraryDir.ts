import { homedir } from 'node:os';
import { join } from 'node:path';

/** The library the CLI and browser mode use by default; the desktop app keeps its own under Electron's userData. */
export function defaultLibraryDir(): string {
  if (process.env.PIZHU_LIBRARY) return process.env.PIZHU_LIBRARY;
  const base =
    process.env.XDG_DATA_HOME ||
    (process.platform === 'darwin' ? join(homedir(), 'Library', 'Application Support') : process.platform === 'win32' ? process.env.APPDATA || homedir() : join(homedir(), '.local', 'share'));
  return join(base, 'Pizhu', 'library');
}
