// Preferences through the real contract (dispatch) on a real library file: defaults, merging, validation,
// the recent-documents rules, and what survives closing and reopening the library.
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, Preferences } from '../../shared/domain';
import { DEFAULT_PREFERENCES, MAX_RECENT_DOCUMENTS } from '../../shared/preferences';
import { dispatch } from '../../electron/core/dispatch';
import { setSetting } from '../../electron/core/repos/settings';
import { closeAndForget, open } from './helpers';

type Lib = ReturnType<typeof open>;

async function call<T>(lib: Lib, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(lib.handlers, channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const docs = (lib: Lib) => lib.handlers['documents.list']({}) as DocumentSummary[];

describe('preferences', () => {
  it('starts with the defaults and merges what is set, field by field', async () => {
    const lib = open();
    expect(await call<Preferences>(lib, 'preferences.get', {})).toEqual(DEFAULT_PREFERENCES);
    const afterLang = await call<Preferences>(lib, 'preferences.set', { lang: 'en' });
    expect(afterLang).toEqual({ ...DEFAULT_PREFERENCES, lang: 'en' });
    const afterTheme = await call<Preferences>(lib, 'preferences.set', { theme: 'dark', readerFontSize: 22 });
    expect(afterTheme).toEqual({ ...DEFAULT_PREFERENCES, lang: 'en', theme: 'dark', readerFontSize: 22 });
    expect(await call<Preferences>(lib, 'preferences.get', {})).toEqual(afterTheme);
  });

  it('rejects values outside the contract and changes nothing', async () => {
    const lib = open();
    await call(lib, 'preferences.set', { lang: 'en', readerFontSize: 20 });
    const bad: unknown[] = [
      { lang: 'fr' },
      { theme: 'sepia' },
      { readerFontSize: 11 },
      { readerFontSize: 33 },
      { readerFontSize: 18.5 },
      { readerFontSize: Number.NaN },
      { readerFontSize: '20' },
      { recentDocumentIds: ['not-a-uuid'] },
      { recentDocumentIds: Array.from({ length: 51 }, () => crypto.randomUUID()) },
      'en',
      [],
    ];
    for (const input of bad) {
      const r = await dispatch(lib.handlers, 'preferences.set', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    expect(await call<Preferences>(lib, 'preferences.get', {})).toEqual({ ...DEFAULT_PREFERENCES, lang: 'en', readerFontSize: 20 });
  });

  it('keeps recent documents most recent first, once each, existing only, at most ten', async () => {
    const lib = open();
    const ids = docs(lib).map((d) => d.id);
    expect(ids.length).toBeGreaterThan(MAX_RECENT_DOCUMENTS + 2);
    const missing = crypto.randomUUID();
    const set = await call<Preferences>(lib, 'preferences.set', { recentDocumentIds: [ids[3], missing, ids[1], ids[3], ...ids.slice(4)] });
    expect(set.recentDocumentIds[0]).toBe(ids[3]);
    expect(set.recentDocumentIds[1]).toBe(ids[1]);
    expect(set.recentDocumentIds).not.toContain(missing);
    expect(new Set(set.recentDocumentIds).size).toBe(set.recentDocumentIds.length);
    expect(set.recentDocumentIds).toHaveLength(MAX_RECENT_DOCUMENTS);

    // A deleted document leaves the list (and comes back when restored).
    await call(lib, 'documents.delete', { id: ids[1] });
    expect((await call<Preferences>(lib, 'preferences.get', {})).recentDocumentIds).not.toContain(ids[1]);
    await call(lib, 'documents.restore', { id: ids[1] });
    expect((await call<Preferences>(lib, 'preferences.get', {})).recentDocumentIds[1]).toBe(ids[1]);
  });

  it('survives closing and reopening the library', async () => {
    const first = open();
    const dir = first.ctx.libraryDir;
    const id = docs(first)[0].id;
    await call(first, 'preferences.set', { lang: 'en', theme: 'light', readerFontSize: 24, recentDocumentIds: [id] });
    closeAndForget(first);
    const again = open({ libraryDir: dir });
    expect(await call<Preferences>(again, 'preferences.get', {})).toEqual({ lang: 'en', theme: 'light', readerFontSize: 24, recentDocumentIds: [id] });
  });

  it('reads a damaged stored value field by field', async () => {
    const lib = open();
    setSetting(lib.ctx.db, 'preferences', '{"lang":"en","theme":42,"readerFontSize":999,"recentDocumentIds":"x"}');
    expect(await call<Preferences>(lib, 'preferences.get', {})).toEqual({ ...DEFAULT_PREFERENCES, lang: 'en' });
    setSetting(lib.ctx.db, 'preferences', 'not json');
    expect(await call<Preferences>(lib, 'preferences.get', {})).toEqual(DEFAULT_PREFERENCES);
    // And a set over it writes a clean value.
    expect(await call<Preferences>(lib, 'preferences.set', { theme: 'dark' })).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark' });
  });
});
