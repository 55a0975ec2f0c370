import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import type { FileParser } from '../import/parseFile';

/** What every service needs: the open database, the acting user, and a clock (injectable for tests). */
export interface ServiceContext {
  db: Db;
  userId: string;
  userName: string;
  libraryDir: string;
  now(): string;
  newId(): string;
  /** How imported files are parsed: in the import worker thread in the app, in process when absent. */
  parseFile?: FileParser;
}

export function systemClock(): string {
  return new Date().toISOString();
}

export const newId = (): string => randomUUID();
