// Long work as jobs, through the real channels on a real library: each job runs in a worker thread of
// its own with its own connection, reports progress, can be cancelled, and leaves the app's thread free.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { DocumentSummary, ExportFile, JobInfo, Theme } from '../../shared/domain';
import { openLibrary, type Library } from '../../electron/core/library';
import { bundledSeedsDir } from '../../electron/core/paths';
import { listBackups } from '../../electron/core/backup';
import { generateCorpus, insertCorpus } from '../../bench/searchCorpus';
import { noteJsonFromPlainText } from '../../electron/core/services/annotations';
import { exportFile } from '../../electron/core/services/export';
import { countExcerpts } from '../../electron/core/export/progress';
import { api, type Call } from './api';
import { loopTurnsWhile, open, SEED_DOCUMENT_COUNT } from './helpers';

const NOW = '2026-03-01T08:00:00.000Z';
const EXCERPTS = 5000;

/** The seeds with `count` highlights over four themes, a third of them with a note (built once, read by every job). */
function libraryWithHighlights(count: number): { lib: Library; call: Call; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-jobs-'));
  const lib = openLibrary({ libraryDir: dir, seedsDir: bundledSeedsDir, now: () => NOW, userName: 'jobs' });
  const h = lib.handlers;
  const docs = h['documents.list']({}) as DocumentSummary[];
  const texts = docs.map((d) => (h['documents.get']({ id: d.id }) as { text: string }).text);
  const themes = ['产业', '创新', '人才', '制度'].map((name) => (h['themes.create']({ name }) as Theme).id);
  lib.ctx.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const d = i % docs.length;
      const start = (i * 37) % (texts[d].length - 40);
      const a = h['annotations.create']({ documentId: docs[d].id, start, end: start + 20, themeIds: [themes[i % themes.length]] }) as { id: string };
      if (i % 3 === 0) h['annotations.updateNote']({ id: a.id, noteJson: noteJsonFromPlainText(`笔记 ${i}`), noteText: `笔记 ${i}` });
    }
  })();
  return { lib, call: api(lib), dir };
}

/** Polls jobs.get until the job ends; every JobInfo seen, in order. */
async function follow(call: Call, first: JobInfo, everyMs = 5): Promise<JobInfo[]> {
  const seen = [first];
  let info = first;
  while (info.state === 'running') {
    await new Promise((r) => setTimeout(r, everyMs));
    info = await call('jobs.get', { id: first.id });
    seen.push(info);
  }
  return seen;
}

async function docxPart(file: ExportFile, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(file.data, 'base64'));
  return zip.file(part)!.async('string');
}

describe('jobs', () => {
  let shared: ReturnType<typeof libraryWithHighlights>;
  beforeAll(() => {
    shared = libraryWithHighlights(EXCERPTS);
  });
  afterAll(() => {
    shared.lib.close();
    rmSync(shared.dir, { recursive: true, force: true });
  });

  it('an export job reports rising progress in excerpts and ends with the bytes export.file gives', async () => {
    const { call } = shared;
    for (const input of [{ format: 'md' }, { format: 'csv', documentIds: [] }] as InputOf<'export.file'>[]) {
      const seen = await follow(call, await call('jobs.start', { kind: 'export', input }));
      const last = seen.at(-1)!;
      expect(last.state).toBe('done');
      expect(last.error).toBeNull();
      expect(last.unit).toBe('excerpts');
      expect(last).toMatchObject({ done: EXCERPTS, total: EXCERPTS });
      const direct = await call('export.file', input);
      expect(last.result).toEqual({ kind: 'export', file: direct });
      // Progress only rises.
      const done = seen.map((s) => s.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      // The writer counts every excerpt as it writes it (what the job passes on, at most every 50 ms).
      const reports: number[] = [];
      await exportFile(shared.lib.ctx, input, countExcerpts((n, total) => total === EXCERPTS && reports.push(n)));
      expect(reports).toEqual(Array.from({ length: EXCERPTS + 1 }, (_, i) => i));
    }

    // Word: the same document body (the package's own timestamps differ by the second).
    const seen = await follow(call, await call('jobs.start', { kind: 'export', input: { format: 'docx', colorHighlights: true } }));
    const last = seen.at(-1)!;
    expect(last.state).toBe('done');
    expect(seen.filter((s) => s.state === 'running' && s.done > 0 && s.done < s.total).length).toBeGreaterThan(0);
    const job = (last.result as { file: ExportFile }).file;
    const direct = await call('export.file', { format: 'docx', colorHighlights: true });
    expect(job.suggestedName).toBe(direct.suggestedName);
    expect(await docxPart(job, 'word/document.xml')).toBe(await docxPart(direct, 'word/document.xml'));
  });

  it('keeps the app thread free: it keeps turning while a 5,000-excerpt Word export runs as a job', async () => {
    const { call } = shared;
    const input: InputOf<'export.file'> = { format: 'handout', colorHighlights: true };
    const { value: seen, turns } = await loopTurnsWhile(async () => follow(call, await call('jobs.start', { kind: 'export', input })));
    expect(seen.at(-1)!.state).toBe('done');
    // The job's whole run (a thread started, 5,000 excerpts loaded and written): hundreds of turns at least.
    expect(turns).toBeGreaterThan(100);
  });

  it('cancel ends the thread: the job is cancelled, without a result, nothing left behind, and the kind is free again', async () => {
    const { lib, call } = shared;
    const before = readdirSync(lib.ctx.libraryDir).sort();
    const started = await call('jobs.start', { kind: 'export', input: { format: 'docx' } });
    // One export at a time.
    await expect(call('jobs.start', { kind: 'export', input: { format: 'md' } })).rejects.toMatchObject({ code: 'conflict' });
    let info = started;
    while (info.state === 'running' && info.done === 0) {
      await new Promise((r) => setTimeout(r, 2));
      info = await call('jobs.get', { id: started.id });
    }
    expect(info.state).toBe('running');
    const cancelled = await call('jobs.cancel', { id: started.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', result: null, error: { code: 'cancelled' } });
    // It stays cancelled: a late message from the ended thread changes nothing.
    await new Promise((r) => setTimeout(r, 300));
    expect(await call('jobs.get', { id: started.id })).toMatchObject({ state: 'cancelled', result: null });
    expect(readdirSync(lib.ctx.libraryDir).sort()).toEqual(before);
    const again = await follow(call, await call('jobs.start', { kind: 'export', input: { format: 'csv' } }));
    expect(again.at(-1)!.state).toBe('done');
    // Cancelling an ended job returns it as it ended.
    expect(await call('jobs.cancel', { id: again[0].id })).toMatchObject({ state: 'done' });
  });

  it('a failing job comes back typed; an unknown job is not_found', async () => {
    const lib = open({ now: () => NOW });
    const call = api(lib);
    // The codebook alone, with no themes: the writer refuses.
    const seen = await follow(call, await call('jobs.start', { kind: 'export', input: { format: 'qdc' } }));
    expect(seen.at(-1)).toMatchObject({ state: 'failed', result: null, error: { code: 'invalid_input', message: expect.stringContaining('codebook is empty') } });
    await expect(call('jobs.get', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('jobs.start', { kind: 'export', input: { format: 'pdf' } } as never)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('a reindex job rebuilds the index on its own connection, counting documents', async () => {
    const lib = open({ now: () => NOW });
    const call = api(lib);
    const before = await call('search.query', { query: '新质生产力' });
    const seen = await follow(call, await call('jobs.start', { kind: 'reindex' }));
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', unit: 'documents', done: SEED_DOCUMENT_COUNT, total: SEED_DOCUMENT_COUNT });
    expect(last.result).toMatchObject({ kind: 'reindex', documents: SEED_DOCUMENT_COUNT });
    const after = await call('search.query', { query: '新质生产力' });
    expect(after.total).toBe(before.total);
    expect(after.total).toBeGreaterThan(0);
  });

  it('a backup job writes a listed snapshot; cancelled mid-write, it leaves no file behind', async () => {
    const lib = open({ now: () => NOW });
    const call = api(lib);
    // Big enough (8 million characters) that the snapshot takes a while.
    insertCorpus(lib.ctx.db, lib.ctx.userId, generateCorpus(2000, 4000, 3), lib.ctx.newId);
    const backups = join(lib.ctx.libraryDir, 'backups');
    const seen = await follow(call, await call('jobs.start', { kind: 'backup' }));
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', result: { kind: 'backup', backup: { reason: 'manual' } } });
    const made = (last.result as { backup: { name: string } }).backup.name;
    expect(listBackups(lib.ctx.libraryDir).map((b) => b.name)).toContain(made);

    // Cancel as soon as the partial snapshot is on disk: the thread ends and the file goes with it.
    const before = readdirSync(backups).sort();
    const started = await call('jobs.start', { kind: 'backup' });
    let info = started;
    while (info.state === 'running' && !readdirSync(backups).some((f) => f.includes('.partial'))) {
      await new Promise((r) => setTimeout(r, 1));
      info = await call('jobs.get', { id: started.id });
    }
    expect(info.state).toBe('running');
    expect(await call('jobs.cancel', { id: started.id })).toMatchObject({ state: 'cancelled' });
    expect(readdirSync(backups).sort()).toEqual(before);
  });

  it('a backup job is named for its reason; the day\'s backup and Back up now run side by side', async () => {
    const lib = open({ now: () => NOW });
    const call = api(lib);
    const daily = await call('jobs.start', { kind: 'backup', reason: 'daily' });
    // What the renderer sends (no reason) is a manual backup, and it need not wait for the daily one.
    const manual = await call('jobs.start', { kind: 'backup' });
    await expect(call('jobs.start', { kind: 'backup', reason: 'daily' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(call('jobs.start', { kind: 'backup', reason: 'migration' } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    const [d, m] = await Promise.all([follow(call, daily), follow(call, manual)]);
    expect(d.at(-1)).toMatchObject({ state: 'done', result: { backup: { name: 'pizhu-2026-03-01T080000Z-daily.sqlite', reason: 'daily', createdAt: NOW } } });
    expect(m.at(-1)).toMatchObject({ state: 'done', result: { backup: { name: 'pizhu-2026-03-01T080000Z-manual.sqlite', reason: 'manual' } } });
    expect(listBackups(lib.ctx.libraryDir).map((b) => b.reason).sort()).toEqual(['daily', 'manual']);
  });

  it('a library export job returns the .pizhu archive with its progress in steps of 100', async () => {
    const { call } = shared;
    const seen = await follow(call, await call('jobs.start', { kind: 'libraryExport' }));
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', unit: 'steps', done: 100, total: 100 });
    const file = (last.result as { kind: 'libraryExport'; file: ExportFile }).file;
    expect(file.suggestedName).toMatch(/\.pizhu$/);
    const zip = await JSZip.loadAsync(Buffer.from(file.data, 'base64'));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { counts: { annotations: number } };
    expect(manifest.counts.annotations).toBe(EXCERPTS);
  });

  it('a restore while an export job runs ends the job first, then swaps the file; the restored library works', async () => {
    const { call } = shared;
    const backup = await follow(call, await call('jobs.start', { kind: 'backup' }));
    const name = (backup.at(-1)!.result as { kind: 'backup'; backup: { name: string } }).backup.name;
    let info = await call('jobs.start', { kind: 'export', input: { format: 'docx' } });
    while (info.state === 'running' && info.done === 0) {
      await new Promise((r) => setTimeout(r, 2));
      info = await call('jobs.get', { id: info.id });
    }
    expect(info.state).toBe('running');
    await call('backups.restore', { name });
    expect(await call('jobs.get', { id: info.id })).toMatchObject({ state: 'cancelled', result: null });
    expect(await call('documents.list', {})).toHaveLength(SEED_DOCUMENT_COUNT);
    expect((await call('annotations.query', { limit: 1 })).total).toBe(EXCERPTS);
  });
});
