// Edit-mode drafts on a real library file (issue 7, never lose work): kept, read back exactly, one
// per document and user, told apart when a version was saved since they started, consumed by saving
// the version, set aside and brought back by discard/undo, and carried by the .pizhu archive.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closedLibrary, exportLibraryArchive, importLibraryArchive } from '../../electron/core/backup';
import { databaseFile } from '../../electron/core/backup/layout';
import { api, type Call } from './api';
import { closeAndForget, open, tempDir } from './helpers';

const TEXT = '因地制宜发畏新质生产力\n要防止一哄而上、泡沫化，也不要搞一种模式。\n科技创新是发展新质生产力的核心要素。';
const FIXED = TEXT.replace('发畏', '发展');

/** A clock that moves a second per reading, so created and modified times differ. */
function ticking(): () => string {
  let t = Date.parse('2026-05-01T08:00:00Z');
  return () => new Date((t += 1000)).toISOString();
}

async function oneDocument(call: Call): Promise<string> {
  const r = await call('import.text', { text: TEXT, title: '因地制宜' });
  return r.documents[0].id;
}

function draftRows(dir: string): { document_id: string; author: string; discarded_at: string | null }[] {
  const db = new Database(databaseFile(dir), { readonly: true });
  try {
    return db.prepare('SELECT document_id, author, discarded_at FROM document_drafts ORDER BY created_at').all() as never;
  } finally {
    db.close();
  }
}

describe('edit-mode drafts', () => {
  it('keeps the typed text exactly, one live draft per document, its first time kept and its last time moving', async () => {
    const lib = open({ seedsDir: null, now: ticking() });
    const call = api(lib);
    const id = await oneDocument(call);
    expect(await call('drafts.get', { documentId: id })).toBeNull();

    const typed = FIXED + '\n\n  新的一段，末尾有空格  ';
    const first = await call('drafts.save', { documentId: id, text: typed, baseVersion: 1 });
    expect(first).toMatchObject({ documentId: id, baseVersion: 1, currentVersion: 1, stale: false, length: typed.length, author: lib.ctx.userId });
    const again = await call('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });
    expect(again!.id).toBe(first!.id);
    expect(again!.createdAt).toBe(first!.createdAt);
    expect(again!.modifiedAt > first!.modifiedAt).toBe(true);

    const got = await call('drafts.get', { documentId: id });
    expect(got).toMatchObject({ id: first!.id, text: FIXED, stale: false, modifiedAt: again!.modifiedAt });
    // Windows line ends are stored as the canonical text has them.
    await call('drafts.save', { documentId: id, text: FIXED.replace(/\n/g, '\r\n'), baseVersion: 1 });
    expect((await call('drafts.get', { documentId: id }))!.text).toBe(FIXED);
    expect(draftRows(lib.ctx.libraryDir)).toHaveLength(1);

    // The database itself refuses a second live draft of the same document and user.
    expect(() =>
      lib.ctx.db
        .prepare(
          `INSERT INTO document_drafts (id, document_id, text, base_version, base_hash, author, created_at, modified_at)
           VALUES ('00000000-0000-4000-8000-000000000099', ?, 'x', 1, 'h', ?, 'now', 'now')`,
        )
        .run(id, lib.ctx.userId),
    ).toThrow(/UNIQUE/);

    // Another document's draft is its own.
    const other = (await call('import.text', { text: '第二篇文本。', title: '另一篇' })).documents[0].id;
    await call('drafts.save', { documentId: other, text: '第二篇文本，改过。', baseVersion: 1 });
    expect((await call('drafts.get', { documentId: id }))!.text).toBe(FIXED);
    expect((await call('drafts.get', { documentId: other }))!.text).toBe('第二篇文本，改过。');
  });

  it('typed back to the text it started from is no draft', async () => {
    const call = api(open({ seedsDir: null }));
    const id = await oneDocument(call);
    await call('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });
    expect(await call('drafts.save', { documentId: id, text: TEXT, baseVersion: 1 })).toBeNull();
    expect(await call('drafts.get', { documentId: id })).toBeNull();
  });

  it('is one per user: another user of the same library has drafts of their own', async () => {
    const dir = tempDir();
    const a = open({ libraryDir: dir, seedsDir: null, userName: '甲' });
    const id = await oneDocument(api(a));
    await api(a)('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });
    closeAndForget(a);

    const b = api(open({ libraryDir: dir, seedsDir: null, userName: '乙' }));
    expect(await b('drafts.get', { documentId: id })).toBeNull();
    await b('drafts.save', { documentId: id, text: TEXT + '乙的补充', baseVersion: 1 });
    expect((await b('drafts.get', { documentId: id }))!.text).toBe(TEXT + '乙的补充');
    expect(draftRows(dir)).toHaveLength(2);
  });

  it('says when the text changed since the draft started, and still gives the draft back', async () => {
    const lib = open({ seedsDir: null });
    const call = api(lib);
    const id = await oneDocument(call);
    const mine = TEXT.replace('一哄而上', '一哄而起');

    // Started on version 1 while another window saved version 2.
    await call('documents.revise', { id, text: FIXED, baseVersion: 1 });
    const late = await call('drafts.save', { documentId: id, text: mine, baseVersion: 1 });
    expect(late).toMatchObject({ baseVersion: 1, currentVersion: 2, stale: true });
    expect(await call('drafts.get', { documentId: id })).toMatchObject({ text: mine, stale: true });

    // Resumed on the current text (the draft is the user's text): based on version 2 now.
    expect(await call('drafts.save', { documentId: id, text: mine, baseVersion: 2 })).toMatchObject({ baseVersion: 2, currentVersion: 2, stale: false });

    // A version restored meanwhile (no edit-mode save, so the draft stays) makes it stale again.
    await call('versions.restore', { documentId: id, number: 1 });
    expect(await call('drafts.get', { documentId: id })).toMatchObject({ text: mine, baseVersion: 2, currentVersion: 3, stale: true });

    // A text changed without a version (as a library from before versions could have) is seen by its hash.
    await call('drafts.save', { documentId: id, text: mine, baseVersion: 3 });
    expect((await call('drafts.get', { documentId: id }))!.stale).toBe(false);
    lib.ctx.db.prepare("UPDATE documents SET text = text || '。' WHERE id = ?").run(id);
    expect(await call('drafts.get', { documentId: id })).toMatchObject({ baseVersion: 3, currentVersion: 3, stale: true });
  });

  it('is consumed by saving the version in edit mode, and kept when that save is refused', async () => {
    const lib = open({ seedsDir: null });
    const call = api(lib);
    const id = await oneDocument(call);
    await call('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });

    await call('documents.revise', { id, text: FIXED + '改', baseVersion: 1 }); // version 2
    expect(await call('drafts.get', { documentId: id })).toBeNull();
    expect(draftRows(lib.ctx.libraryDir)).toEqual([]);

    await call('drafts.save', { documentId: id, text: FIXED, baseVersion: 2 });
    await expect(call('documents.revise', { id, text: FIXED + '再改', baseVersion: 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect((await call('drafts.get', { documentId: id }))!.text).toBe(FIXED);
  });

  it('discards recoverably: undo brings the draft back, but never over a newer one', async () => {
    const lib = open({ seedsDir: null });
    const call = api(lib);
    const id = await oneDocument(call);
    expect(await call('drafts.discard', { documentId: id })).toBeNull();

    const saved = await call('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });
    const discarded = await call('drafts.discard', { documentId: id });
    expect(discarded).toEqual({ id: saved!.id });
    expect(await call('drafts.get', { documentId: id })).toBeNull();
    expect(await call('drafts.restore', { documentId: id, id: saved!.id })).toMatchObject({ id: saved!.id, length: FIXED.length });
    expect((await call('drafts.get', { documentId: id }))!.text).toBe(FIXED);
    // Restoring twice (undo, redo, undo) is harmless.
    expect(await call('drafts.restore', { documentId: id, id: saved!.id })).toMatchObject({ id: saved!.id });

    await call('drafts.discard', { documentId: id });
    await call('drafts.save', { documentId: id, text: TEXT + '新起的草稿', baseVersion: 1 });
    await expect(call('drafts.restore', { documentId: id, id: saved!.id })).rejects.toMatchObject({ code: 'conflict' });
    expect((await call('drafts.get', { documentId: id }))!.text).toBe(TEXT + '新起的草稿');

    // Only the latest discard is kept: the one before it is gone for good.
    await call('drafts.discard', { documentId: id });
    expect(draftRows(lib.ctx.libraryDir).map((r) => r.discarded_at !== null)).toEqual([true]);
    await expect(call('drafts.restore', { documentId: id, id: saved!.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses unknown documents and versions, hides the draft of a deleted document and gives it back with the document', async () => {
    const call = api(open({ seedsDir: null }));
    const id = await oneDocument(call);
    const nobody = '00000000-0000-4000-8000-000000000042';
    await expect(call('drafts.get', { documentId: nobody })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('drafts.save', { documentId: nobody, text: 'x', baseVersion: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('drafts.save', { documentId: id, text: 'x', baseVersion: 7 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('drafts.save', { documentId: id, text: 'x', baseVersion: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('drafts.restore', { documentId: id, id: nobody })).rejects.toMatchObject({ code: 'not_found' });

    await call('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });
    await call('documents.delete', { id });
    await expect(call('drafts.get', { documentId: id })).rejects.toMatchObject({ code: 'not_found' });
    await call('documents.restore', { id });
    expect((await call('drafts.get', { documentId: id }))!.text).toBe(FIXED);
  });

  it('rides along in the .pizhu library archive', async () => {
    const from = open({ seedsDir: null, userName: '研究者' });
    const id = await oneDocument(api(from));
    await api(from)('drafts.save', { documentId: id, text: FIXED, baseVersion: 1 });
    const archive = await exportLibraryArchive(from.ctx.libraryDir, { db: from.ctx.db });
    expect(archive.manifest.tables.document_drafts).toBe(1);

    const target = tempDir();
    await importLibraryArchive(closedLibrary(target), archive.bytes);
    const moved = api(open({ libraryDir: target, seedsDir: null, userName: '研究者' }));
    expect(await moved('drafts.get', { documentId: id })).toMatchObject({ text: FIXED, baseVersion: 1, stale: false });
  });
});
