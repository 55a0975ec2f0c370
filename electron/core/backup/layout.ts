// Where a library keeps its database and its backups.
import { join } from 'node:path';

export const DATABASE_FILE = 'pizhu.sqlite';
export const BACKUPS_DIR = 'backups';

export const databaseFile = (libraryDir: string): string => join(libraryDir, DATABASE_FILE);
export const backupsDir = (libraryDir: string): string => join(libraryDir, BACKUPS_DIR);
