// The import run: files go to the backend one at a time (so there is progress and a cancel
// that stops after the current file), results land in the store, the library refreshes.
import type { ImportFileResult, ImportOptions } from '../../shared/domain';
import { MAX_IMPORT_BYTES } from '../../shared/importLimits';
import { guard, openDocument, refreshDocs, reportError } from './actions';
import { api } from './api';
import { tNow } from './i18n';
import { bytesToBase64 } from './lib/base64';
import { isSupportedName, type Picked } from './lib/pickedFiles';
import { useStore, type ImportChoices, type ImportEncoding, type ImportRow } from './store';
import { failedImport } from '../../shared/importLimits';

const st = () => useStore.getState();

/** The File behind each row, kept out of the store; needed again to re-import with another encoding. */
const sources = new Map<number, File>();
let nextKey = 1;

function toOptions(c: ImportChoices): ImportOptions & { encoding?: ImportEncoding } {
  return {
    disabledRules: c.disabledRules.length > 0 ? c.disabledRules : undefined,
    encoding: c.encoding === 'auto' ? undefined : c.encoding,
    split: c.split,
  };
}

const failed = (file: string, error: string): ImportFileResult => failedImport(file, error);

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function refreshCollections(): Promise<void> {
  try {
    st().setCollections(await api['collections.list']({}));
  } catch {
    // The library still lists every document without collection names.
  }
}

export async function loadImportRules(): Promise<void> {
  if (st().importRules.length > 0) return;
  try {
    st().setImportRules(await api['import.rules']({}));
  } catch (err) {
    console.error(err);
  }
}

export function openImport(tab?: 'files' | 'paste'): void {
  if (tab) st().setImportTab(tab);
  st().setImportOpen(true);
  void loadImportRules();
}

/** Queues the picked files and runs the queue; files picked while a run is going join it. */
export function importPicked(picked: Picked): void {
  if (picked.files.length === 0 && picked.skipped === 0) return;
  openImport('files');
  const choices = st().importChoices;
  const rows: ImportRow[] = picked.files.map(({ file, path }) => {
    const key = nextKey++;
    const problem = file.size > MAX_IMPORT_BYTES ? 'tooLarge' : isSupportedName(file.name) ? null : 'unsupported';
    // A refused file is never read: only its name and size are looked at.
    if (!problem) sources.set(key, file);
    return { key, path, size: file.size, state: problem ? 'done' : 'queued', result: null, problem, choices, pasted: false };
  });
  const fresh = !st().importRunning;
  if (fresh) for (const r of st().importRows) if (!rows.some((x) => x.key === r.key)) sources.delete(r.key);
  st().addImportRows(rows, picked.skipped, fresh);
  void runQueue();
}

export function cancelImport(): void {
  if (st().importRunning) st().setImportCancelling(true);
}

async function send(key: number, choices: ImportChoices): Promise<ImportFileResult> {
  const file = sources.get(key);
  if (!file) return failed('', tNow('impUnreadable'));
  let data: string;
  try {
    data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  } catch {
    st().patchImportRow(key, { problem: 'unreadable' });
    return failed(file.name, tNow('impUnreadable'));
  }
  try {
    return await api['import.file']({ name: file.name, data, options: toOptions(choices) });
  } catch (err) {
    return failed(file.name, errorText(err));
  }
}

const LIBRARY_REFRESH_MS = 1000;

async function runQueue(): Promise<void> {
  if (st().importRunning) return;
  st().setImportRunning(true);
  st().setImportCancelling(false);
  let lastRefresh = performance.now();
  try {
    for (;;) {
      const row = st().importRows.find((r) => r.state === 'queued');
      if (!row) break;
      if (st().importCancelling) {
        for (const r of st().importRows) if (r.state === 'queued') st().patchImportRow(r.key, { state: 'cancelled' });
        break;
      }
      st().patchImportRow(row.key, { state: 'working' });
      const result = await send(row.key, row.choices);
      st().patchImportRow(row.key, { state: 'done', result });
      // New documents show up in the library while a long run goes on.
      if (result.status === 'imported' && performance.now() - lastRefresh > LIBRARY_REFRESH_MS) {
        lastRefresh = performance.now();
        await guard(refreshDocs);
      }
    }
  } catch (err) {
    reportError(err);
  } finally {
    st().setImportRunning(false);
    st().setImportCancelling(false);
    await guard(refreshDocs);
    await refreshCollections();
  }
}

/** Pasted text becomes a document of its own. */
export async function importPastedText(text: string, title: string): Promise<boolean> {
  const key = nextKey++;
  const choices = st().importChoices;
  const row: ImportRow = {
    key,
    path: title.trim() || tNow('impPasted'),
    size: new Blob([text]).size,
    state: 'working',
    result: null,
    problem: null,
    choices,
    pasted: true,
  };
  st().addImportRows([row], 0, !st().importRunning && st().importRows.every((r) => r.state !== 'queued'));
  let result: ImportFileResult;
  try {
    result = await api['import.text']({ text, title: title.trim() || undefined, options: toOptions(choices) });
  } catch (err) {
    result = failed(row.path, errorText(err));
  }
  st().patchImportRow(key, { state: 'done', result });
  await guard(refreshDocs);
  await refreshCollections();
  return result.status !== 'failed';
}

/**
 * Reads a file again with a forced encoding. The documents of the earlier reading go to the
 * (recoverable) trash first, so the new reading replaces them rather than counting as a duplicate;
 * if the new reading fails they come back.
 */
export async function reimportWithEncoding(key: number, encoding: ImportEncoding): Promise<void> {
  const row = st().importRows.find((r) => r.key === key);
  if (!row || !sources.has(key) || st().importRunning) return;
  const earlier = row.result?.status === 'imported' ? row.result.documents : [];
  const choices = { ...row.choices, encoding };
  st().patchImportRow(key, { state: 'working', choices });
  const removed: string[] = [];
  for (const d of earlier) if (await guard(() => api['documents.delete']({ id: d.id }))) removed.push(d.id);
  const result = await send(key, choices);
  if (result.status !== 'imported') for (const id of removed) await guard(() => api['documents.restore']({ id }));
  st().patchImportRow(key, { state: 'done', result });
  await guard(refreshDocs);
  await refreshCollections();
  const openId = st().doc?.id;
  if (result.status === 'imported' && openId && removed.includes(openId) && result.documents[0]) {
    st().setDoc(null);
    await openDocument(result.documents[0].id);
  }
}

export async function openImported(id: string): Promise<void> {
  st().setImportOpen(false);
  await openDocument(id);
}
