// The durability channels of the contract: library health, the backups list, restore, and
// importing a whole-library archive. Both replace the database behind the same handlers.
import type { Handlers } from '../../../shared/contract';
import { PizhuError } from '../../../shared/errors';
import { importLibraryArchive } from './archive';
import type { FileGrants } from '../fileGrants';
import type { LibraryControl } from './control';
import { libraryHealth } from './health';
import { findBackup, listBackups } from './list';
import { restoreBackup } from './restore';

type BackupChannels = 'library.health' | 'backups.list' | 'backups.restore' | 'library.importArchive';

function previousBackup<T>(value: T | null): T {
  // An open library always exists, so it is always backed up before being replaced.
  if (!value) throw new PizhuError('internal', 'The current library was not backed up.');
  return value;
}

export function backupHandlers(control: LibraryControl, grants: FileGrants): Pick<Handlers, BackupChannels> {
  return {
    'library.health': () => libraryHealth(control),
    'backups.list': () => listBackups(control.libraryDir),
    'backups.restore': async ({ name }) => {
      if (!findBackup(control.libraryDir, name)) throw new PizhuError('not_found', `There is no backup named ${name}.`);
      const { restored, backupOfPrevious } = await restoreBackup(control, name);
      return { restored, backupOfPrevious: previousBackup(backupOfPrevious) };
    },
    'library.importArchive': async (input) => {
      // A chosen file is read from disk by path (any size); otherwise the bytes came in the request.
      const archive = 'from' in input ? grants.take(input.from, 'read') : Buffer.from(input.data, 'base64');
      const result = await importLibraryArchive(control, archive);
      const { documents, themes, annotations, memos } = result;
      return { documents, themes, annotations, memos, backupOfPrevious: previousBackup(result.backupOfPrevious) };
    },
  };
}
