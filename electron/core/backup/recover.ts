// For the desktop shell: open the library, and when it is damaged, let the person choose a backup,
// restore it (the damaged file is kept among the backups first) and open that instead.
import { PizhuError } from '../../../shared/errors';
import { openLibrary, type Library, type LibraryOptions } from '../library';
import { closedLibrary } from './control';
import type { LibraryCorruptDetails } from './open';
import { restoreBackup } from './restore';

export interface RecoveryPrompt {
  /** What is damaged, and the backups to offer, newest first. */
  details: LibraryCorruptDetails;
  error: PizhuError;
  /** The previous choice, when restoring it failed (e.g. that backup is damaged too). */
  failedRestore?: { name: string; message: string };
}

/**
 * Opens the library. If it fails its integrity check, `choose` returns the name of a backup to
 * restore, or null to give up (the error is then thrown); it is asked again if the restore fails.
 */
export async function openLibraryOrRecover(opts: LibraryOptions, choose: (prompt: RecoveryPrompt) => Promise<string | null>): Promise<Library> {
  let failedRestore: RecoveryPrompt['failedRestore'];
  for (;;) {
    try {
      return openLibrary(opts);
    } catch (err) {
      if (!(err instanceof PizhuError) || err.code !== 'corrupt') throw err;
      const name = await choose({ details: err.details as LibraryCorruptDetails, error: err, failedRestore });
      if (!name) throw err;
      try {
        await restoreBackup(closedLibrary(opts.libraryDir), name);
        failedRestore = undefined;
      } catch (restoreError) {
        failedRestore = { name, message: (restoreError as Error).message };
      }
    }
  }
}
