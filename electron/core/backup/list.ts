// The backups folder as BackupInfo, newest first; files that are not backups (a snapshot still
// being written, anything a user put there) are left out.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/domain';
import { readSqliteHeader } from './header';
import { backupsDir } from './layout';
import { parseBackupName } from './names';

export function listBackups(libraryDir: string): BackupInfo[] {
  const dir = backupsDir(libraryDir);
  if (!existsSync(dir)) return [];
  const found: (BackupInfo & { sequence: number })[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    let header;
    try {
      header = readSqliteHeader(file);
    } catch {
      continue; // removed while listing
    }
    if (!header) continue;
    found.push({ name, createdAt: parsed.createdAt, reason: parsed.reason, bytes: statSync(file).size, schemaVersion: header.userVersion, sequence: parsed.sequence });
  }
  found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence);
  return found.map(({ sequence: _sequence, ...info }) => info);
}

/** A backup by its file name; null if there is none (or the name is not a backup's). */
export function findBackup(libraryDir: string, name: string): BackupInfo | null {
  return listBackups(libraryDir).find((b) => b.name === name) ?? null;
}
