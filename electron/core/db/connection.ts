import Database from 'better-sqlite3';
import { PizhuError } from '../../../shared/errors';
import { migrations } from './migrations';

export type Db = Database.Database;

/** Electron needs its own build of the native module; the shell passes its path here. */
function nativeBinding(): string | undefined {
  return process.env.PIZHU_SQLITE_BINDING || undefined;
}

/** A plain connection (no pragmas beyond the lock wait, no migrations): backups, checks and restores use it. */
export function openConnection(file: string, opts: { fileMustExist?: boolean } = {}): Db {
  const db = new Database(file, { nativeBinding: nativeBinding(), fileMustExist: opts.fileMustExist ?? false });
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface OpenHooks {
  /** Runs once the connection is set up, before any migration; throws to refuse the file (e.g. it is damaged). */
  verify?(db: Db): void;
  /** Runs once before pending migrations (not for a newer library, which is refused first). */
  beforeMigrate?(db: Db, from: number, to: number): void;
}

export function openDatabase(file: string, hooks: OpenHooks = {}): Db {
  const db = openConnection(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    hooks.verify?.(db);
    migrate(db, hooks.beforeMigrate);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs pending migrations, each in its own transaction; refuses a library from a newer Pizhu. */
export function migrate(db: Db, beforeMigrate?: OpenHooks['beforeMigrate']): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new PizhuError(
      'unsupported',
      `This library was written by a newer Pizhu (schema ${current}, this build knows ${migrations.length}). Please update Pizhu.`,
      { schemaVersion: current, supported: migrations.length },
    );
  }
  if (current < migrations.length) beforeMigrate?.(db, current, migrations.length);
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
