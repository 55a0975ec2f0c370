// The day's backup at open, for `npm run bench`: how long openLibrary takes on a library whose daily
// backup is due, with the backup as a background job (ours) vs taken before the open returns (the
// old way), on the same generated library in the same process.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup, isDailyBackupDue } from '../electron/core/backup';
import { backupsDir, databaseFile } from '../electron/core/backup/layout';
import { openLibrary, type LibraryOptions } from '../electron/core/library';
import { generateCorpus, insertCorpus } from './searchCorpus';
import { median, type BenchRow } from './stats';

const DOCUMENTS = 2000;
const CHARS_PER_DOCUMENT = 4000;

export interface DailyBackupBenchDetail {
  documents: number;
  libraryMB: number;
  openMs: { background: number[]; synchronous: number[] };
  /** From the start of the open until the background backup was written. */
  backupDoneMs: number[];
}

export async function benchDailyBackup(runs = 3): Promise<{ rows: BenchRow[]; detail: DailyBackupBenchDetail }> {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-daily-'));
  const options: LibraryOptions = { libraryDir: dir, seedsDir: null, userName: 'bench' };
  try {
    // A library as it is used: documents and their search index (about half the file).
    const built = openLibrary({ ...options, dailyBackup: false });
    insertCorpus(built.ctx.db, built.ctx.userId, generateCorpus(DOCUMENTS, CHARS_PER_DOCUMENT, 5), built.ctx.newId);
    await built.search.reindex();
    await built.close();
    const libraryMB = statSync(databaseFile(dir)).size / 2 ** 20;
    // One open beforehand, so that neither way pays for a cold file cache.
    await openLibrary({ ...options, dailyBackup: false }).close();

    const background: number[] = [];
    const synchronous: number[] = [];
    const backupDoneMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      rmSync(backupsDir(dir), { recursive: true, force: true });
      let t = performance.now();
      const lib = openLibrary(options);
      background.push(performance.now() - t);
      if (!lib.dailyBackupJob) throw new Error('the daily backup was not started');
      await lib.whenIdle();
      backupDoneMs.push(performance.now() - t);
      await lib.close();

      rmSync(backupsDir(dir), { recursive: true, force: true });
      t = performance.now();
      const old = openLibrary({ ...options, dailyBackup: false });
      if (isDailyBackupDue(dir, new Date())) createBackup(dir, 'daily', { db: old.ctx.db });
      synchronous.push(performance.now() - t);
      await old.close();
    }
    console.log(`daily backup: open ${median(background).toFixed(0)} ms, the backup written in the background ${median(backupDoneMs).toFixed(0)} ms after the open began`);
    return {
      rows: [
        {
          name: `open a library with the daily backup due (${DOCUMENTS.toLocaleString('en')} documents, ${libraryMB.toFixed(0)} MB)`,
          unit: 'ms',
          ours: median(background),
          baseline: median(synchronous),
          baselineName: 'backup taken before the open returns',
          goal: null,
        },
      ],
      detail: { documents: DOCUMENTS, libraryMB, openMs: { background, synchronous }, backupDoneMs },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
