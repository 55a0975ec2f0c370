// The command line's durability commands: snapshots, restore, and the whole-library archive. They
// work on the library file directly, without opening the library, so that they also serve when it
// cannot be opened (a damaged file: restore a backup).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupInfo } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { closedLibrary, createBackup, importLibraryArchive, listBackups, restoreBackup, writeLibraryArchive, type LibraryCorruptDetails } from '../backup';
import { databaseFile } from '../backup/layout';

export const BACKUP_COMMANDS = ['backup', 'backups', 'restore', 'export-library', 'import-library'] as const;

export const BACKUP_HELP = `  backup [--out FILE]                   snapshot the library now into its backups folder (or FILE);
                                        one is also taken at the first start of each day and before
                                        every upgrade, kept 14 days (the newest 3 always)
  backups                               the backups, newest first
  restore NAME|FILE                     replace the library with a backup (a name from \`backups\`)
                                        or a library file; the current library is backed up first
  export-library --out FILE             the whole library (texts, originals, themes, highlights,
                                        notes, memos, settings) as one .pizhu file
  import-library FILE                   replace the library with a .pizhu file (checked first; the
                                        current library is backed up first)
`;

type Emit = (data: unknown, text: () => string) => void;

function formatBackup(b: BackupInfo): string {
  return `${b.name}  ${b.createdAt.replace('T', ' ').slice(0, 19)} UTC  ${b.reason}  ${(b.bytes / 1024 / 1024).toFixed(1)} MB  schema ${b.schemaVersion}`;
}

function requireLibrary(libraryDir: string): void {
  if (!existsSync(databaseFile(libraryDir))) throw new PizhuError('not_found', `There is no library in ${libraryDir}.`);
}

export async function backupCommand(libraryDir: string, command: (typeof BACKUP_COMMANDS)[number], args: string[], o: { out?: string }, emit: Emit): Promise<number> {
  switch (command) {
    case 'backup': {
      requireLibrary(libraryDir);
      const began = performance.now();
      const info = createBackup(libraryDir, 'manual', { out: o.out });
      const where = o.out ? resolve(o.out) : `${libraryDir}/backups/${info.name}`;
      emit({ ...info, path: where, elapsedMs: Math.round(performance.now() - began) }, () => `backed up to ${where} (${formatBackup(info)})`);
      return 0;
    }
    case 'backups': {
      const list = listBackups(libraryDir);
      emit(list, () => list.map(formatBackup).join('\n') || '(no backups)');
      return 0;
    }
    case 'restore': {
      const source = args[0] ?? fail('restore needs a backup name (see `pizhu backups`) or a library file');
      const { restored, backupOfPrevious } = await restoreBackup(closedLibrary(libraryDir), source);
      emit({ restored, backupOfPrevious }, () =>
        [`restored ${restored.name} into ${libraryDir}`, backupOfPrevious ? `the library as it was is in backups/${backupOfPrevious.name}` : ''].filter(Boolean).join('\n'),
      );
      return 0;
    }
    case 'export-library': {
      const out = o.out ?? fail('export-library needs --out FILE (e.g. library.pizhu)');
      requireLibrary(libraryDir);
      const manifest = await writeLibraryArchive(libraryDir, out);
      const c = manifest.counts;
      emit({ out: resolve(out), manifest }, () => `wrote ${resolve(out)}: ${c.documents} documents, ${c.themes} themes, ${c.annotations} highlights, ${c.memos} memos (schema ${manifest.schemaVersion})`);
      return 0;
    }
    case 'import-library': {
      const file = args[0] ?? fail('import-library needs a .pizhu FILE');
      if (!existsSync(file)) throw new PizhuError('not_found', `There is no file ${file}.`);
      const result = await importLibraryArchive(closedLibrary(libraryDir), file);
      const { manifest: _manifest, ...summary } = result;
      emit(summary, () =>
        [
          `imported ${result.documents} documents, ${result.themes} themes, ${result.annotations} highlights, ${result.memos} memos into ${libraryDir}`,
          result.backupOfPrevious ? `the library as it was is in backups/${result.backupOfPrevious.name}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return 0;
    }
  }
}

function fail(message: string): never {
  throw new PizhuError('invalid_input', message);
}

/** What to tell someone whose library failed its integrity check: the exact command that restores the newest backup. */
export function recoveryAdvice(err: PizhuError, libraryDir: string): string | null {
  if (err.code !== 'corrupt') return null;
  const details = err.details as LibraryCorruptDetails | undefined;
  const newest = details?.backups[0];
  const lines = [`pizhu: the library in ${libraryDir} is damaged and was not opened (nothing was written to it).`];
  for (const p of details?.problems.slice(0, 5) ?? []) lines.push(`  ${p}`);
  if (newest) {
    lines.push(`Restore the newest backup (${newest.createdAt.replace('T', ' ').slice(0, 16)} UTC, ${newest.reason}) with:`);
    lines.push(`  npx pizhu --library ${JSON.stringify(libraryDir)} restore ${newest.name}`);
    lines.push('The damaged file is kept in backups/ first. All backups: npx pizhu --library DIR backups');
  } else {
    lines.push('There is no backup in its backups folder. Restore a copy of the library file with: npx pizhu restore FILE');
  }
  return lines.join('\n');
}
