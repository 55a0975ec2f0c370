// What restore and archive import need from a library: its open connection (to back it up first)
// and a way to put another database file in its place. An open library (library.ts) closes its
// connections, swaps the file and reopens them behind the same handlers; a closed one (the CLI,
// the shell's recovery prompt) only swaps the file and opens it once to migrate and check it.
import type { Db } from '../db/connection';
import type { IntegrityReport } from './integrity';
import { openLibraryDatabase } from './open';

export interface LibraryControl {
  readonly libraryDir: string;
  /** The open connection, or null when the library is not open (or cannot be: it is damaged). */
  db(): Db | null;
  /** The integrity check of the last open, or null when not open. */
  integrity(): IntegrityReport | null;
  /**
   * Closes every connection to the library file, runs `install` (which replaces the file), then
   * opens it again — migrating it when it is older — and restarts what depends on it (search).
   */
  replaceDatabase(install: () => void): Promise<void>;
}

export function closedLibrary(libraryDir: string): LibraryControl {
  return {
    libraryDir,
    db: () => null,
    integrity: () => null,
    async replaceDatabase(install) {
      install();
      openLibraryDatabase(libraryDir).db.close();
    },
  };
}
