// Backups, restore, integrity at open, and the whole-library archive, on real SQLite files.
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  closedLibrary,
  createBackup,
  exportLibraryArchive,
  importLibraryArchive,
  listBackups,
  restoreBackup,
  type LibraryCorruptDetails,
} from '../../electron/core/backup';
import { backupsDir, databaseFile } from '../../electron/core/backup/layout';
import { openLibraryOrRecover, type RecoveryPrompt } from '../../electron/core/backup/recover';
import { main } from '../../electron/core/cli/main';
import { migrations } from '../../electron/core/db/migrations';
import { openLibrary, type Library } from '../../electron/core/library';
import { projectRoot } from '../../electron/core/paths';
import { generateCorpus, insertCorpus } from '../../bench/searchCorpus';
import { tableNames, tableRows } from '../../electron/core/repos/libraryCounts';
import { PizhuError } from '../../shared/errors';
import { api, type Call } from './api';
import { closeAndForget, open, SEED_DOCUMENT_COUNT, tempDir } from './helpers';

const DAY = 86_400_000;

/** Themes, highlights with notes, a deleted highlight, memos, a theme memo: something of everything. */
async function fill(call: Call): Promise<{ annotationIds: string[] }> {
  const docs = await call('documents.list', {});
  const parent = await call('themes.create', { name: '科技创新', color: '#4c78a8' });
  const child = await call('themes.create', { name: '颠覆性技术', parentId: parent.id });
  await call('themes.setMemo', { id: parent.id, memoJson: null, memoText: '主题备忘' });
  const ids: string[] = [];
  for (const [i, d] of docs.slice(0, 4).entries()) {
    const a = await call('annotations.create', { documentId: d.id, start: 10 + i, end: 20 + i, themeIds: i % 2 ? [parent.id, child.id] : [parent.id] });
    await call('annotations.updateNote', { id: a.id, noteJson: null, noteText: `笔记 ${i}` });
    ids.push(a.id);
  }
  await call('annotations.delete', { id: ids[3] });
  await call('memos.save', { scope: 'project', noteJson: null, noteText: '项目备忘' });
  await call('memos.save', { scope: 'document', documentId: docs[0].id, noteJson: null, noteText: '文本备忘' });
  return { annotationIds: ids };
}

function everyRow(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tableNames(db).map((t) => [t, tableRows(db, t)]));
  } finally {
    db.close();
  }
}

async function rejection(p: Promise<unknown>): Promise<PizhuError> {
  try {
    await p;
  } catch (err) {
    return err as PizhuError;
  }
  throw new Error('expected a rejection');
}

/** Overwrites pages in the middle of the file with noise, as a failing disk might. */
function damage(file: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(file).size / pageSize);
  const fd = openSync(file, 'r+');
  for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 4; p++) {
    writeSync(fd, Buffer.from(Array.from({ length: pageSize }, (_, i) => (i * 131 + p * 7) % 251)), 0, pageSize, p * pageSize);
  }
  closeSync(fd);
}

describe('backups', () => {
  it('snapshots the library into backups/, named by time and reason, listed newest first', () => {
    const lib = open();
    const dir = lib.ctx.libraryDir;
    const first = createBackup(dir, 'manual', { db: lib.ctx.db, now: new Date('2026-03-01T08:00:00Z') });
    // Without a connection: what a worker thread does with only the folder's path.
    const second = createBackup(dir, 'manual', { now: new Date('2026-03-01T08:00:00Z') });
    expect(first.name).toBe('pizhu-2026-03-01T080000Z-manual.sqlite');
    expect(second.name).toBe('pizhu-2026-03-01T080000Z-manual-2.sqlite');
    expect(first).toMatchObject({ reason: 'manual', schemaVersion: migrations.length, createdAt: '2026-03-01T08:00:00.000Z' });
    expect(first.bytes).toBe(statSync(join(backupsDir(dir), first.name)).size);
    expect(listBackups(dir).map((b) => b.name)).toEqual([second.name, first.name]);
    const copy = new Database(join(backupsDir(dir), first.name), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(SEED_DOCUMENT_COUNT);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('takes one backup at the first start of each day, in the background, none for a new library', async () => {
    const dir = tempDir();
    const openAt = async (iso: string) => {
      const lib = open({ libraryDir: dir, now: () => iso });
      await lib.whenIdle();
      closeAndForget(lib);
      return lib;
    };
    expect((await openAt('2026-03-01T09:00:00Z')).dailyBackupJob).toBeNull();
    expect(listBackups(dir)).toEqual([]);
    // The open returns while the job runs in its own thread; the backup appears when it ends.
    const due = open({ libraryDir: dir, now: () => '2026-03-01T10:00:00Z' });
    expect(due.dailyBackupJob).toMatchObject({ kind: 'backup', state: 'running' });
    expect(listBackups(dir)).toEqual([]);
    await due.whenIdle();
    expect(await api(due)('jobs.get', { id: due.dailyBackupJob!.id })).toMatchObject({ state: 'done', result: { backup: { reason: 'daily' } } });
    closeAndForget(due);
    expect((await openAt('2026-03-01T11:00:00Z')).dailyBackupJob).toBeNull();
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily']);
    await openAt('2026-03-03T10:00:00Z');
    expect(listBackups(dir).map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-03-03', '2026-03-01']);
    // Switched off (benchmarks, tests): nothing started.
    const off = open({ libraryDir: dir, now: () => '2026-03-04T10:00:00Z', dailyBackup: false });
    expect(off.dailyBackupJob).toBeNull();
    await off.whenIdle();
    expect(listBackups(dir)).toHaveLength(2);
  });

  it('keeps backups for the set number of days, and always the newest three', () => {
    const lib = open();
    const dir = lib.ctx.libraryDir;
    const start = Date.parse('2026-01-01T12:00:00Z');
    for (let d = 0; d < 20; d++) createBackup(dir, 'daily', { db: lib.ctx.db, now: new Date(start + d * DAY) });
    // Day 19's backup keeps days 5–19 (14 days back).
    expect(listBackups(dir).map((b) => b.createdAt.slice(0, 10)).at(-1)).toBe('2026-01-06');
    expect(listBackups(dir)).toHaveLength(15);
    lib.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('backups.keepDays', '2')").run();
    createBackup(dir, 'manual', { db: lib.ctx.db, now: new Date(start + 40 * DAY) });
    expect(listBackups(dir).map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-02-10', '2026-01-20', '2026-01-19']);
    // A snapshot cut short by a crash long ago is cleaned up; one being written now is not listed.
    writeFileSync(join(backupsDir(dir), 'pizhu-2026-02-11T000000Z-manual.sqlite.partial-1'), 'x');
    expect(listBackups(dir)).toHaveLength(3);
  });
});

describe('the daily backup in the background', () => {
  // 2,000 generated documents (8 million characters, a 50 MB file): its snapshot takes long enough to act during it.
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pizhu-daily-'));
    const lib = openLibrary({ libraryDir: dir, seedsDir: null, now: () => '2026-03-01T08:00:00.000Z', dailyBackup: false });
    insertCorpus(lib.ctx.db, lib.ctx.userId, generateCorpus(2000, 4000, 3), lib.ctx.newId);
    await lib.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const backupFiles = () => (existsSync(backupsDir(dir)) ? readdirSync(backupsDir(dir)).sort() : []);
  const partials = () => backupFiles().filter((f) => f.includes('.partial'));

  /** Waits until the day's backup is writing its snapshot. */
  async function untilWriting(lib: Library): Promise<void> {
    const id = lib.dailyBackupJob!.id;
    while (!partials().length) {
      expect(lib.handlers['jobs.get']({ id })).toMatchObject({ state: 'running' });
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  it('lets writes through while it takes its snapshot, and the snapshot is whole', async () => {
    const lib = open({ libraryDir: dir, seedsDir: null, now: () => '2026-03-02T08:00:00.000Z' });
    const call = api(lib);
    const id = lib.dailyBackupJob!.id;
    await untilWriting(lib);
    // Each write is a BEGIN IMMEDIATE transaction: had the snapshot held the write lock, it would
    // wait for its end, and the partial file would be renamed or gone by then.
    const partial = join(backupsDir(dir), partials()[0]);
    for (let i = 0; i < 5; i++) await call('themes.create', { name: `备份时写下 ${i}` });
    expect(existsSync(partial)).toBe(true);
    await lib.whenIdle();
    const done = await call('jobs.get', { id });
    expect(done).toMatchObject({ state: 'done', result: { kind: 'backup', backup: { reason: 'daily', createdAt: '2026-03-02T08:00:00.000Z' } } });
    expect((await call('themes.list', {})).map((t) => t.name).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `备份时写下 ${i}`));
    const copy = new Database(join(backupsDir(dir), (done.result as { backup: { name: string } }).backup.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2000);
    copy.close();
    expect(partials()).toEqual([]);
  });

  it('closing the library ends it and leaves no partial file; the next open takes it', async () => {
    const before = backupFiles();
    const lib = openLibrary({ libraryDir: dir, seedsDir: null, now: () => '2026-03-05T08:00:00.000Z' });
    await untilWriting(lib);
    await lib.close();
    await lib.whenIdle();
    expect(lib.handlers['jobs.get']({ id: lib.dailyBackupJob!.id })).toMatchObject({ state: 'cancelled', result: null, error: { message: 'The library was closed.' } });
    expect(backupFiles()).toEqual(before);

    const again = open({ libraryDir: dir, seedsDir: null, now: () => '2026-03-05T09:00:00.000Z' });
    await again.whenIdle();
    expect(listBackups(dir)[0]).toMatchObject({ reason: 'daily', createdAt: '2026-03-05T09:00:00.000Z' });
  });

  it('a process that exits while it runs (the shell quits) leaves no partial file', () => {
    const before = backupFiles();
    // The library closed without waiting, then the process exits while the snapshot is being written.
    const script = join(tempDir(), 'quitWhileBackingUp.mjs');
    writeFileSync(script, `
      import { existsSync, readdirSync } from 'node:fs';
      import { openLibrary } from ${JSON.stringify(join(projectRoot, 'electron/core/library.ts'))};
      const dir = ${JSON.stringify(dir)};
      const lib = openLibrary({ libraryDir: dir, seedsDir: null, now: () => '2026-03-08T08:00:00.000Z' });
      const writing = () => existsSync(dir + '/backups') && readdirSync(dir + '/backups').some((f) => f.includes('.partial'));
      while (!writing()) {
        const job = lib.handlers['jobs.get']({ id: lib.dailyBackupJob.id });
        if (job.state !== 'running') throw new Error(JSON.stringify(job));
        await new Promise((r) => setTimeout(r, 1));
      }
      lib.close();
      process.stdout.write('writing');
      process.exit(0);
    `);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
    expect(child.stdout, child.stderr).toBe('writing');
    expect(backupFiles()).toEqual(before);
  });

  it('a backup that cannot be taken only warns: the library opens and works', async () => {
    const small = tempDir();
    closeAndForget(open({ libraryDir: small }));
    writeFileSync(backupsDir(small), 'not a folder');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const lib = open({ libraryDir: small });
      await lib.whenIdle();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^pizhu: the daily backup failed: /));
      expect((await api(lib)('themes.create', { name: '照常' })).name).toBe('照常');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('restore', () => {
  it('restores a backup behind the same handlers: data back, the replaced state backed up first, search and writes working', async () => {
    const lib = open({ warmSearch: true });
    const call = api(lib);
    const handlers = lib.handlers;
    const docs = await call('documents.list', {});
    const kept = await call('annotations.create', { documentId: docs[0].id, start: 0, end: 5, themeIds: [] });
    const backup = createBackup(lib.ctx.libraryDir, 'manual', { db: lib.ctx.db });
    const later = await call('annotations.create', { documentId: docs[1].id, start: 0, end: 5, themeIds: [] });
    await call('documents.delete', { id: docs[2].id });

    const result = await call('backups.restore', { name: backup.name });
    expect(result.restored.name).toBe(backup.name);
    expect(result.backupOfPrevious.reason).toBe('before-restore');
    expect(lib.handlers).toBe(handlers);
    const ids = (await call('annotations.list', {})).map((a) => a.id);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(later.id);
    expect(await call('documents.list', {})).toHaveLength(SEED_DOCUMENT_COUNT);
    const found = await call('search.query', { query: '新质生产力' });
    expect(found.total).toBeGreaterThan(0);
    const after = await call('annotations.create', { documentId: docs[1].id, start: 3, end: 9, themeIds: [] });
    expect((await call('annotations.list', {})).map((a) => a.id)).toContain(after.id);
    expect((await call('library.health', {})).integrity).toBe('ok');

    // The state that was replaced is in the before-restore backup, nothing lost.
    const previous = new Database(join(backupsDir(lib.ctx.libraryDir), result.backupOfPrevious.name), { readonly: true });
    expect(previous.prepare('SELECT count(*) FROM annotations WHERE id = ?').pluck().get(later.id)).toBe(1);
    previous.close();
    expect((await call('backups.list', {})).map((b) => b.reason)).toEqual(['before-restore', 'manual']);
  });

  it('refuses a file that is not a library, a damaged one, and one from a newer Pizhu, and changes nothing', async () => {
    const lib = open();
    const call = api(lib);
    const dir = lib.ctx.libraryDir;
    await call('themes.create', { name: '留下' });
    const good = createBackup(dir, 'manual', { db: lib.ctx.db, now: new Date('2026-01-01T00:00:00Z') });
    const put = (name: string, bytes: Buffer) => writeFileSync(join(backupsDir(dir), name), bytes);
    const notLibrary = join(tempDir(), 'notes.sqlite');
    writeFileSync(notLibrary, Buffer.from('这不是数据库'.repeat(100)));
    const damaged = readFileSync(join(backupsDir(dir), good.name));
    put('pizhu-2026-01-03T000000Z-manual.sqlite', damaged);
    damage(join(backupsDir(dir), 'pizhu-2026-01-03T000000Z-manual.sqlite'));
    const newer = readFileSync(join(backupsDir(dir), good.name));
    newer.writeUInt32BE(migrations.length + 1, 60);
    put('pizhu-2026-01-04T000000Z-manual.sqlite', newer);

    const notSqlite = await rejection(restoreBackup(lib.control, notLibrary));
    expect(notSqlite).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/notes.sqlite is not a Pizhu library/) });
    const expectations: [string, string, RegExp][] = [
      ['pizhu-2026-01-03T000000Z-manual.sqlite', 'invalid_input', /damaged/],
      ['pizhu-2026-01-04T000000Z-manual.sqlite', 'unsupported', /newer Pizhu/],
      ['pizhu-2026-01-05T000000Z-manual.sqlite', 'not_found', /no backup/],
    ];
    for (const [name, code, message] of expectations) {
      const err = await rejection(call('backups.restore', { name }));
      expect(err.code, name).toBe(code);
      expect(err.message).toMatch(message);
    }
    expect((await call('themes.list', {})).map((t) => t.name)).toEqual(['留下']);
    expect(listBackups(dir).filter((b) => b.reason === 'before-restore')).toEqual([]);
    expect(existsSync(databaseFile(dir) + '.incoming')).toBe(false);
  });
});

describe('integrity at open', () => {
  it('refuses a damaged library, names the backups, and restoring the newest brings it back', async () => {
    const dir = tempDir();
    const lib = open({ libraryDir: dir });
    const call = api(lib);
    const { annotationIds } = await fill(call);
    const backup = createBackup(dir, 'manual', { db: lib.ctx.db });
    closeAndForget(lib);
    damage(databaseFile(dir));

    let err: PizhuError | undefined;
    try {
      openLibrary({ libraryDir: dir, seedsDir: null });
    } catch (e) {
      err = e as PizhuError;
    }
    expect(err?.code).toBe('corrupt');
    const details = err?.details as LibraryCorruptDetails;
    expect(details.backups[0].name).toBe(backup.name);
    expect(details.problems.length).toBeGreaterThan(0);
    expect(err?.message).toMatch(/damaged.*newest is pizhu-/);

    // The command line says exactly what to run.
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await main(['--library', dir, 'list'], io)).toBe(1);
    expect(out.join('\n')).toContain(`restore ${backup.name}`);

    const restored = await restoreBackup(closedLibrary(dir), backup.name);
    expect(restored.backupOfPrevious?.reason).toBe('before-restore');
    const back = open({ libraryDir: dir, seedsDir: null });
    expect((await api(back)('annotations.list', {})).map((a) => a.id).sort()).toEqual(annotationIds.slice(0, 3).sort());
    expect(back.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('recovery at start-up (the desktop shell)', () => {
  it('asks which backup to restore, asks again when that one is damaged too, then opens the restored library', async () => {
    const dir = tempDir();
    const lib = open({ libraryDir: dir });
    await api(lib)('themes.create', { name: '要找回的' });
    const good = createBackup(dir, 'manual', { db: lib.ctx.db, now: new Date('2026-01-01T00:00:00Z') });
    const bad = createBackup(dir, 'manual', { db: lib.ctx.db, now: new Date('2026-01-02T00:00:00Z') });
    closeAndForget(lib);
    damage(join(backupsDir(dir), bad.name));
    damage(databaseFile(dir));

    const prompts: RecoveryPrompt[] = [];
    const recovered = await openLibraryOrRecover({ libraryDir: dir, seedsDir: null }, async (prompt) => {
      prompts.push(prompt);
      return prompt.failedRestore ? prompt.details.backups.find((b) => b.name === good.name)!.name : prompt.details.backups[0].name;
    });
    try {
      expect(prompts.map((p) => p.failedRestore?.name ?? null)).toEqual([null, bad.name]);
      expect(prompts[0].details.backups[0].name).toBe(bad.name);
      expect(prompts[1].failedRestore?.message).toMatch(/damaged/);
      expect((await api(recovered)('themes.list', {})).map((t) => t.name)).toEqual(['要找回的']);
    } finally {
      recovered.close();
    }
    // Giving up leaves the error as it was.
    damage(databaseFile(dir));
    await expect(openLibraryOrRecover({ libraryDir: dir, seedsDir: null }, async () => null)).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('whole-library archive', () => {
  it('exports one .pizhu file and imports it into a fresh library, every table equal row by row', async () => {
    const lib = open();
    await fill(api(lib));
    const progress: number[] = [];
    const archive = await exportLibraryArchive(lib.ctx.libraryDir, { db: lib.ctx.db, onProgress: (done) => progress.push(done) });
    expect(archive.suggestedName).toMatch(/^pizhu-library-\d{4}-\d{2}-\d{2}\.pizhu$/);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(archive.manifest).toMatchObject({ format: 'pizhu-library', formatVersion: 1, schemaVersion: migrations.length, counts: { documents: SEED_DOCUMENT_COUNT, themes: 2, annotations: 3, memos: 2 } });

    const target = tempDir();
    const imported = await importLibraryArchive(closedLibrary(target), archive.bytes);
    expect(imported).toMatchObject({ documents: SEED_DOCUMENT_COUNT, themes: 2, annotations: 3, memos: 2, backupOfPrevious: null });
    const source = everyRow(databaseFile(lib.ctx.libraryDir));
    const copy = everyRow(databaseFile(target));
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    for (const table of Object.keys(source)) expect(copy[table], table).toEqual(source[table]);
    expect(Object.values(source).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(100);
  });

  it('replaces an open library through library.importArchive, backing it up first', async () => {
    const from = open();
    await fill(api(from));
    const archive = await exportLibraryArchive(from.ctx.libraryDir, { db: from.ctx.db });
    const into = open({ seedsDir: null });
    const call = api(into);
    await call('themes.create', { name: '旧的' });
    const result = await call('library.importArchive', { data: archive.bytes.toString('base64') });
    expect(result).toMatchObject({ documents: SEED_DOCUMENT_COUNT, themes: 2, annotations: 3, memos: 2 });
    expect(result.backupOfPrevious.reason).toBe('before-import');
    expect((await call('themes.list', {})).map((t) => t.name).sort()).toEqual(['科技创新', '颠覆性技术']);
    expect(await call('documents.list', {})).toHaveLength(SEED_DOCUMENT_COUNT);
    expect((await call('memos.get', { scope: 'project' }))?.noteText).toBe('项目备忘');
  });

  it('refuses an archive that was tampered with, is from a newer Pizhu, or is not one, and changes nothing', async () => {
    const lib = open();
    const archive = await exportLibraryArchive(lib.ctx.libraryDir, { db: lib.ctx.db });
    const target = open({ seedsDir: null });
    await api(target)('themes.create', { name: '留下' });
    const rezip = async (edit: (zip: JSZip, manifest: Record<string, unknown>) => Promise<void> | void) => {
      const zip = await JSZip.loadAsync(archive.bytes);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      await edit(zip, manifest);
      zip.file('manifest.json', JSON.stringify(manifest));
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    const withoutManifest = await JSZip.loadAsync(archive.bytes);
    withoutManifest.remove('manifest.json');
    const databaseBytes = archive.manifest.entries['pizhu.sqlite'].bytes;
    const cases: [string, Buffer, string, RegExp][] = [
      ['not a zip', Buffer.from('批注'.repeat(50)), 'invalid_input', /not a zip/],
      ['no manifest', await withoutManifest.generateAsync({ type: 'nodebuffer' }), 'invalid_input', /no manifest/],
      ['checksum', await rezip((_, m) => { (m.entries as Record<string, { sha256: string }>)['pizhu.sqlite'].sha256 = '0'.repeat(64); }), 'invalid_input', /checksum/],
      ['database swapped', await rezip((zip) => void zip.file('pizhu.sqlite', Buffer.alloc(databaseBytes, 1))), 'invalid_input', /checksum/],
      ['database longer', await rezip((zip) => void zip.file('pizhu.sqlite', Buffer.alloc(databaseBytes + 10))), 'invalid_input', /larger than its manifest/],
      ['newer schema', await rezip((_, m) => { m.schemaVersion = migrations.length + 1; }), 'unsupported', /newer Pizhu.*Update Pizhu/],
      ['newer format', await rezip((_, m) => { m.formatVersion = 2; }), 'unsupported', /newer Pizhu/],
      ['row counts', await rezip((_, m) => { (m.tables as Record<string, number>).documents = 1; }), 'invalid_input', /documents holds/],
    ];
    for (const [what, bytes, code, message] of cases) {
      const err = await rejection(api(target)('library.importArchive', { data: bytes.toString('base64') }));
      expect(err.code, what).toBe(code);
      expect(err.message, what).toMatch(message);
    }
    expect((await api(target)('themes.list', {})).map((t) => t.name)).toEqual(['留下']);
    expect(listBackups(target.ctx.libraryDir)).toEqual([]);
    expect(readdirSync(target.ctx.libraryDir).filter((f) => f.includes('incoming'))).toEqual([]);
  });
});

describe('command line', () => {
  it('backs up, lists, restores, exports and imports a library', async () => {
    const dir = tempDir();
    const files = tempDir();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const run = async (...args: string[]) => {
      out.length = 0;
      const code = await main(['--library', dir, ...args], io);
      return { code, text: out.join('\n') };
    };
    expect((await run('backup')).text).toMatch(/no library/);
    expect((await run('list')).code).toBe(0);
    const made = await run('backup', '--json');
    const info = JSON.parse(made.text) as { name: string; path: string };
    expect(existsSync(info.path)).toBe(true);
    expect((await run('backup', '--out', join(files, 'copy.sqlite'))).code).toBe(0);
    expect(JSON.parse((await run('backups', '--json')).text)).toHaveLength(1);
    expect((await run('themes', 'add', '之后')).code).toBe(0);
    expect((await run('restore', join(files, 'copy.sqlite'))).text).toMatch(/restored copy.sqlite/);
    expect((await run('themes', 'list')).text).toBe('(no themes)');
    expect((await run('restore', info.name)).code).toBe(0);
    expect((await run('export-library', '--out', join(files, 'lib.pizhu'))).text).toMatch(/17 documents/);
    const other = tempDir();
    out.length = 0;
    expect(await main(['--library', other, 'import-library', join(files, 'lib.pizhu')], io)).toBe(0);
    expect(out.join('\n')).toMatch(/imported 17 documents/);
    expect((await run('restore', join(files, 'missing.sqlite'))).code).toBe(1);
  });
});
