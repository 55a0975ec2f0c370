// Files chosen in the app's dialogs reach the backend as one-use tokens, never as paths from the page:
// the whole-library archive is written to the chosen file and read back from one, and a token that is
// unknown, used twice, expired or for the other direction is refused with nothing written or changed.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, JobInfo, Theme } from '../../shared/domain';
import { FileGrants } from '../../electron/core/fileGrants';
import { api, type Call } from './api';
import { open, SEED_DOCUMENT_COUNT, tempDir } from './helpers';

async function finished(call: Call, first: JobInfo): Promise<JobInfo> {
  let info = first;
  while (info.state === 'running') {
    await new Promise((r) => setTimeout(r, 10));
    info = await call('jobs.get', { id: first.id });
  }
  return info;
}

describe('File grants', () => {
  it('gives each path once, for what it was granted for, within its time', () => {
    let now = 1_000;
    const grants = new FileGrants(() => now);
    const write = grants.grant('/tmp/a.pizhu', 'write');
    expect(() => grants.take(write, 'read')).toThrow(/choose the file again/);
    // A refused token is spent too: a guess cannot be retried with the other mode.
    expect(() => grants.take(write, 'write')).toThrow(/choose the file again/);
    const read = grants.grant('/tmp/b.pizhu', 'read');
    expect(grants.take(read, 'read')).toBe('/tmp/b.pizhu');
    expect(() => grants.take(read, 'read')).toThrow(/choose the file again/);
    const late = grants.grant('/tmp/c.pizhu', 'read');
    now += 11 * 60_000;
    expect(() => grants.take(late, 'read')).toThrow(/choose the file again/);
    expect(() => grants.take('x'.repeat(24), 'read')).toThrow(/choose the file again/);
  });

  it('exports the library to the chosen file and imports it back from a chosen file; bad tokens change nothing', async () => {
    const lib = open();
    const call = api(lib);
    await call('themes.create', { name: '随库迁移' });
    const dir = tempDir();
    const target = join(dir, 'chosen.pizhu');

    // Refused before any job starts: a token nobody granted, and a read grant used to write.
    await expect(call('jobs.start', { kind: 'libraryExport', to: 'A'.repeat(24) })).rejects.toMatchObject({ code: 'invalid_input' });
    const readOnly = lib.grants.grant(target, 'read');
    await expect(call('jobs.start', { kind: 'libraryExport', to: readOnly })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(existsSync(target)).toBe(false);

    const token = lib.grants.grant(target, 'write');
    const done = await finished(call, await call('jobs.start', { kind: 'libraryExport', to: token }));
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ kind: 'libraryExport', file: null, saved: { name: 'chosen.pizhu' } });
    if (done.result?.kind !== 'libraryExport' || !done.result.saved) throw new Error('no saved archive');
    expect(done.result.saved.bytes).toBeGreaterThan(10_000);
    // Only the archive: its partial file is gone.
    expect(readdirSync(dir)).toEqual(['chosen.pizhu']);
    await expect(call('jobs.start', { kind: 'libraryExport', to: token })).rejects.toMatchObject({ code: 'invalid_input' });

    // A chosen file that is not an archive is refused, and the library is as it was.
    const junk = join(dir, 'junk.pizhu');
    writeFileSync(junk, 'not a zip');
    await expect(call('library.importArchive', { from: lib.grants.grant(junk, 'read') })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('documents.list', {})).toHaveLength(SEED_DOCUMENT_COUNT);

    // The library changes; the chosen archive brings back what was exported.
    const docs = (await call('documents.list', {})) as DocumentSummary[];
    await call('documents.delete', { id: docs[0].id });
    const imported = await call('library.importArchive', { from: lib.grants.grant(target, 'read') });
    expect(imported).toMatchObject({ documents: SEED_DOCUMENT_COUNT, themes: 1 });
    expect(((await call('themes.list', {})) as Theme[]).map((t) => t.name)).toEqual(['随库迁移']);
    expect(await call('documents.list', {})).toHaveLength(SEED_DOCUMENT_COUNT);
  });
});
