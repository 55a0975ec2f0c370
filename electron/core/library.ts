// Opens a library folder: the SQLite file, the acting user, the first-run seed import, and the handler map.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/connection';
import { createHandlers } from './handlers';
import type { Handlers } from '../../shared/contract';
import { findUserByName, insertUser } from './repos/users';
import { getSetting, setSetting } from './repos/settings';
import { newId, systemClock, type ServiceContext } from './services/context';
import type { ImportFileResult } from '../../shared/domain';
import { importTextFileSync } from './services/imports';
import { createSearchService, type SearchMode, type SearchService } from './services/search';

export const DATABASE_FILE = 'pizhu.sqlite';
const SEEDED_KEY = 'seeds.imported';

export interface LibraryOptions {
  libraryDir: string;
  /** Folder of bundled documents imported once, on first open; null for none. */
  seedsDir: string | null;
  userName?: string;
  now?: () => string;
  /** Search in a worker thread (default; the app) or in process (the CLI: one query, then exit). */
  search?: SearchMode;
  /** Start the search worker and load its texts now, so the first search is fast (long-lived apps). */
  warmSearch?: boolean;
}

export interface Library {
  ctx: ServiceContext;
  handlers: Handlers;
  search: SearchService;
  seedResults: ImportFileResult[];
  close(): void;
}

function defaultUserName(): string {
  if (process.env.PIZHU_AUTHOR) return process.env.PIZHU_AUTHOR;
  try {
    return userInfo().username || 'reader';
  } catch {
    return 'reader';
  }
}

function ensureUser(db: Db, name: string, now: string): string {
  const existing = findUserByName(db, name);
  if (existing) return existing;
  const id = newId();
  insertUser(db, id, name, now);
  return id;
}

export function seedFiles(seedsDir: string): string[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((f) => join(seedsDir, f));
}

export function openLibrary(opts: LibraryOptions): Library {
  mkdirSync(opts.libraryDir, { recursive: true });
  const db = openDatabase(join(opts.libraryDir, DATABASE_FILE));
  const now = opts.now ?? systemClock;
  const userName = opts.userName ?? defaultUserName();
  const userId = ensureUser(db, userName, now());
  const ctx: ServiceContext = { db, userId, userName, libraryDir: opts.libraryDir, now, newId };
  let seedResults: ImportFileResult[] = [];
  if (opts.seedsDir && !getSetting(db, SEEDED_KEY)) {
    seedResults = seedFiles(opts.seedsDir).map((file) => importTextFileSync(ctx, file));
    setSetting(db, SEEDED_KEY, now());
  }
  const search = createSearchService(ctx, { mode: opts.search });
  if (opts.warmSearch) void search.warm();
  const close = () => {
    search.close();
    db.close();
  };
  return { ctx, handlers: createHandlers(ctx, search), search, seedResults, close };
}
