import Database from 'better-sqlite3';
import { PizhuError } from '../../../shared/errors';
import { migrations } from './migrations';

export type Db = Database.Database;

/** Electron needs its own build of the native module; the shell passes its path here. */
function nativeBinding(): string | undefined {
  return process.env.PIZHU_SQLITE_BINDING || undefined;
}

export function openDatabase(file: string): Db {
  const db = new Database(file, { nativeBinding: nativeBinding() });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs pending migrations, each in its own transaction; refuses a library from a newer Pizhu. */
export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new PizhuError(
      'unsupported',
      `This library was written by a newer Pizhu (schema ${current}, this build knows ${migrations.length}). Please update Pizhu.`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v].sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/**
 * Runs `fn` in a write transaction taken at BEGIN (IMMEDIATE). The search worker writes the
 * index on its own connection: a deferred transaction that read first could not upgrade to a
 * write after the worker committed, and would fail with "database is locked" instead of waiting.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
