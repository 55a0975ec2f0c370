// Backups are kept for N days (settings key backups.keepDays, default 14); the newest few are kept
// whatever their age, so a library opened after a long pause still has something to go back to.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { getSetting } from '../repos/settings';
import { backupsDir } from './layout';
import { listBackups } from './list';

export const KEEP_DAYS_KEY = 'backups.keepDays';
export const DEFAULT_KEEP_DAYS = 14;
export const ALWAYS_KEEP = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A snapshot still unfinished after this long was cut short (the process died) and is removed. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export function keepDays(db: Db): number {
  let value: string | undefined;
  try {
    value = getSetting(db, KEEP_DAYS_KEY);
  } catch {
    return DEFAULT_KEEP_DAYS; // a library with no tables yet
  }
  const days = Number(value);
  return value !== undefined && Number.isInteger(days) && days >= 1 ? days : DEFAULT_KEEP_DAYS;
}

/** Removes backups older than `days` beyond the newest ALWAYS_KEEP, and abandoned partial snapshots; returns the removed. */
export function pruneBackups(libraryDir: string, days: number, now: Date): BackupInfo[] {
  const cutoff = now.getTime() - days * DAY_MS;
  const removed = listBackups(libraryDir)
    .slice(ALWAYS_KEEP)
    .filter((b) => Date.parse(b.createdAt) < cutoff);
  const dir = backupsDir(libraryDir);
  for (const b of removed) {
    rmSync(join(dir, b.name), { force: true });
    rmSync(join(dir, b.name + '-wal'), { force: true }); // beside a copy taken as is
  }
  for (const name of readdirSync(dir)) {
    if (!name.includes('.partial')) continue;
    const file = join(dir, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs > STALE_PARTIAL_MS) rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
  return removed;
}
