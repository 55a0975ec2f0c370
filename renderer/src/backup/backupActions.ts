// What the library-safety dialog does: read health and backups, back up now and export the whole
// library as jobs (progress, cancel), restore a backup or import an archive — after which the
// window reloads its documents, themes and highlights, and forgets undo steps that referred to
// the replaced library.
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { guard, loadInitial, reportError } from '../actions';
import type { FileChoice } from '../../../shared/transport';
import { api, chooseFile, isDesktop, saveExportFile } from '../api';
import { tNow } from '../i18n';
import { isCancelled, runJob, type RunJobOptions } from '../jobs/runJob';
import { bytesToBase64 } from '../lib/base64';
import { fill } from '../search/format';
import { useStore } from '../store';
import { useSafety, type SafetyWork } from './safetyStore';
import { formatBytes, formatTime } from './format';

const safety = () => useSafety.getState();

/** Runs one operation at a time, marking the dialog busy while it runs. */
async function busy<T>(work: SafetyWork, fn: () => Promise<T>): Promise<T | undefined> {
  if (safety().work) return undefined;
  safety().patch({ work });
  try {
    return await fn();
  } catch (err) {
    if (!isCancelled(err)) reportError(err);
    return undefined;
  } finally {
    safety().patch({ work: null, job: null });
  }
}

export async function refreshSafety(): Promise<void> {
  await guard(async () => {
    const [health, backups] = await Promise.all([api['library.health']({}), api['backups.list']({})]);
    safety().patch({ health, backups });
  });
}

export function checkNow(): Promise<void> {
  return busy('check', refreshSafety).then(() => undefined);
}

/** Options for runJob that show the job's progress in the dialog, with Cancel. */
function shownInDialog(label: string): RunJobOptions {
  const controller = new AbortController();
  const since = Date.now();
  const cancel = () => controller.abort();
  safety().patch({ job: { info: null, since, cancel } });
  return { label, signal: controller.signal, onProgress: (info) => safety().patch({ job: { info, since, cancel } }) };
}

export function backUpNow(): Promise<void> {
  return busy('backup', async () => {
    const result = await runJob({ kind: 'backup' }, shownInDialog(tNow('jobKindBackup')));
    useStore.getState().pushToast('info', fill(tNow('bkBackedUp'), { size: formatBytes(result.backup.bytes) }));
    await refreshSafety();
  }).then(() => undefined);
}

/**
 * In the app the file is chosen first and the backend writes the archive to it as it is made (any
 * size, no copy through the window); in browser mode the archive comes back and is downloaded.
 */
export function exportLibrary(): Promise<void> {
  return busy('export', async () => {
    let saved: string | null;
    if (isDesktop) {
      const target = await chooseFile('saveLibraryArchive');
      if (!target) return;
      const result = await runJob({ kind: 'libraryExport', to: target.token }, shownInDialog(tNow('bkExporting')));
      saved = result.saved?.name ?? target.name;
    } else {
      const result = await runJob({ kind: 'libraryExport' }, shownInDialog(tNow('bkExporting')));
      saved = result.file && (await saveExportFile(result.file));
    }
    if (saved) useStore.getState().pushToast('info', fill(tNow('bkExported'), { name: saved }));
  }).then(() => undefined);
}

/** The window's copy of the library, read again after the database was replaced. */
export async function reloadLibraryData(): Promise<void> {
  const s = useStore.getState();
  // Undo steps name highlights and themes of the library that was replaced.
  useStore.setState({ past: [], future: [] });
  if (s.searchOpen) s.closeSearch();
  if (s.analysisOpen) s.closeAnalysis();
  s.setDoc(null);
  await loadInitial();
}

export function restoreBackup(name: string, createdAt: string): Promise<boolean> {
  return busy('restore', async () => {
    await api['backups.restore']({ name });
    await reloadLibraryData();
    await refreshSafety();
    useStore.getState().pushToast('info', fill(tNow('bkRestored'), { time: formatTime(createdAt, useStore.getState().lang) }));
    return true;
  }).then((ok) => ok === true);
}

/** An archive to import: picked in the page (browser mode), or chosen in the app's dialog and read by the backend. */
export type ArchiveSource = { kind: 'file'; file: File } | { kind: 'chosen'; choice: FileChoice };

export const archiveName = (source: ArchiveSource): string => (source.kind === 'file' ? source.file.name : source.choice.name);

/** Files picked in the page go inside the request (base64); larger ones through the app's dialog or the command line. */
export function tooLargeToImport(file: File): boolean {
  return file.size > MAX_IMPORT_BYTES;
}

/** The archive to import: the app's open dialog, or else the page's file picker (`pickInPage`). */
export async function chooseArchive(pickInPage: () => void): Promise<ArchiveSource | null> {
  if (!isDesktop) {
    pickInPage();
    return null;
  }
  try {
    const choice = await chooseFile('openLibraryArchive');
    return choice && { kind: 'chosen', choice };
  } catch (err) {
    reportError(err);
    return null;
  }
}

export function importLibrary(source: ArchiveSource): Promise<boolean> {
  return busy('import', async () => {
    let input: { data: string } | { from: string };
    if (source.kind === 'chosen') input = { from: source.choice.token };
    else {
      if (tooLargeToImport(source.file)) throw new Error(fill(tNow('bkTooLarge'), { mb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) }));
      input = { data: bytesToBase64(new Uint8Array(await source.file.arrayBuffer())) };
    }
    const result = await api['library.importArchive'](input);
    await reloadLibraryData();
    await refreshSafety();
    useStore.getState().pushToast('info', fill(tNow('bkImported'), { docs: result.documents, themes: result.themes, notes: result.annotations }));
    return true;
  }).then((ok) => ok === true);
}
