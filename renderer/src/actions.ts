// Async operations: api calls, store refreshes, undo entries, error toasts.
import type { Annotation, Theme, ThemeChange, ThemeDeleteMode } from '../../shared/domain';
import { api } from './api';
import { tNow, type Key } from './i18n';
import { useStore } from './store';
import { rememberDocument } from './settings/preferences';

const st = () => useStore.getState();

export function reportError(err: unknown): void {
  const msg = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string } | null)?.code;
  st().pushToast('error', tNow('error') + (code ? `[${code}] ` : '') + msg);
  console.error(err);
}

/** Runs fn, turning failures into a toast. */
export async function guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    reportError(err);
    return undefined;
  }
}

export async function refreshDocs(): Promise<void> {
  st().setDocs(await api['documents.list']({}));
}
/** Only these documents' rows: after a highlight changes, not the whole library (10,000 summaries is 4 MB). */
export async function refreshDocsById(ids: readonly string[]): Promise<void> {
  st().updateDocs(ids, await api['documents.summaries']({ ids: [...ids] }));
}
export async function refreshThemes(): Promise<void> {
  st().setThemes(await api['themes.list']({}));
}
export async function refreshAnnotations(): Promise<void> {
  const doc = st().doc;
  if (!doc) return;
  const list = await api['annotations.list']({ documentId: doc.id });
  if (st().doc?.id === doc.id) st().setAnnotations(list.filter((a) => !a.deletedAt));
}
export async function refreshAll(): Promise<void> {
  await Promise.all([refreshDocs(), refreshThemes(), refreshAnnotations()]);
}
/** After one highlight changed: its document's row (its count), the themes' counts and the open document's highlights. */
async function refreshAfterHighlight(documentId: string): Promise<void> {
  await Promise.all([refreshDocsById([documentId]), refreshThemes(), refreshAnnotations()]);
}

export async function loadInitial(): Promise<void> {
  await guard(async () => {
    await Promise.all([refreshDocs(), refreshThemes()]);
  });
  // Open on something to read: the last document read, else the first in the library.
  const docs = st().docs;
  const last = localStorage.getItem(LAST_DOC_KEY) ?? st().recentDocumentIds[0];
  const target = docs.find((d) => d.id === last) ?? docs[0];
  if (target && !st().doc) await openDocument(target.id);
}

const LAST_DOC_KEY = 'pizhu.lastDocument';

export async function openDocument(id: string): Promise<void> {
  if (st().doc?.id === id) return;
  st().setDocLoading(true);
  await guard(async () => {
    const doc = await api['documents.get']({ id });
    st().setDoc(doc);
    localStorage.setItem(LAST_DOC_KEY, id);
    rememberDocument(id);
    await refreshAnnotations();
  });
  st().setDocLoading(false);
}

/** Puts an action on the undo stack; the action itself has already run. */
export function record(labelKey: Key, undo: () => Promise<unknown>, redo: () => Promise<unknown>, refresh?: () => Promise<void>): void {
  st().pushUndo({
    label: labelKey,
    undo: async () => {
      await undo();
    },
    redo: async () => {
      await redo();
    },
    refresh,
  });
}

/** Undo and redo are one move in opposite directions: take an entry off one stack, run it, put it on the other. */
async function replay(direction: 'undo' | 'redo'): Promise<void> {
  const back = direction === 'undo';
  const e = back ? st().popUndo() : st().popRedo();
  if (!e) {
    st().pushToast('info', tNow(back ? 'nothingToUndo' : 'nothingToRedo'));
    return;
  }
  try {
    await (back ? e.undo() : e.redo());
    if (back) st().pushRedo(e);
    else st().pushPast(e);
    st().pushToast('info', tNow(back ? 'undone' : 'redone') + tNow(e.label as Key));
  } catch (err) {
    reportError(err);
  }
  await guard(e.refresh ?? refreshAll);
}

export const undo = (): Promise<void> => replay('undo');
export const redo = (): Promise<void> => replay('redo');

// ---- annotations ----

export async function createAnnotation(start: number, end: number, themeIds: string[]): Promise<Annotation | undefined> {
  const doc = st().doc;
  if (!doc) return undefined;
  const created = await guard(() => api['annotations.create']({ documentId: doc.id, start, end, themeIds }));
  if (!created) return undefined;
  st().upsertAnnotation(created);
  st().setActive(created.id);
  st().setSideTab('annotation');
  const refresh = () => refreshAfterHighlight(created.documentId);
  record(
    'lblCreateAnnotation',
    () => api['annotations.delete']({ id: created.id }),
    () => api['annotations.restore']({ id: created.id }),
    refresh,
  );
  await guard(refresh);
  return created;
}

export async function deleteAnnotation(id: string): Promise<void> {
  const deleted = await guard(() => api['annotations.delete']({ id }));
  if (!deleted) return;
  if (st().activeId === id) st().setActive(null);
  const refresh = () => refreshAfterHighlight(deleted.documentId);
  record(
    'lblDeleteAnnotation',
    () => api['annotations.restore']({ id }),
    () => api['annotations.delete']({ id }),
    refresh,
  );
  await guard(refresh);
}

export async function addThemeToAnnotation(id: string, themeId: string): Promise<void> {
  const a = await guard(() => api['annotations.addTheme']({ id, themeId }));
  if (!a) return;
  st().upsertAnnotation(a);
  record(
    'lblAddTheme',
    () => api['annotations.removeTheme']({ id, themeId }),
    () => api['annotations.addTheme']({ id, themeId }),
  );
  await guard(refreshThemes);
}

export async function removeThemeFromAnnotation(id: string, themeId: string): Promise<void> {
  const a = await guard(() => api['annotations.removeTheme']({ id, themeId }));
  if (!a) return;
  st().upsertAnnotation(a);
  record(
    'lblRemoveTheme',
    () => api['annotations.addTheme']({ id, themeId }),
    () => api['annotations.removeTheme']({ id, themeId }),
  );
  await guard(refreshThemes);
}

export async function saveNote(id: string, noteJson: string | null, noteText: string): Promise<boolean> {
  const a = await guard(() => api['annotations.updateNote']({ id, noteJson, noteText }));
  if (!a) return false;
  if (st().annotations.some((x) => x.id === id)) st().upsertAnnotation(a);
  return true;
}

// ---- themes ----

export async function createTheme(name: string, color?: string, parentId?: string | null): Promise<Theme | undefined> {
  const t = await guard(() => api['themes.create']({ name, color, parentId }));
  if (!t) return undefined;
  record(
    'lblCreateTheme',
    () => api['themes.delete']({ id: t.id }),
    () => api['themes.restore']({ id: t.id }),
  );
  await guard(refreshThemes);
  return t;
}

/** Deletes a theme and its sub-themes; undo hands the returned change back so every highlight comes back as it was. */
export async function deleteTheme(id: string, mode: ThemeDeleteMode = 'untag'): Promise<boolean> {
  const first = await guard(() => api['themes.delete']({ id, mode }));
  if (!first) return false;
  let change: ThemeChange = first;
  record(
    'lblDeleteTheme',
    () => api['themes.restore']({ id, change }),
    async () => {
      change = await api['themes.delete']({ id, mode });
    },
  );
  await guard(refreshAll);
  return true;
}

export async function updateTheme(
  theme: Theme,
  patch: { name?: string; color?: string; description?: string },
): Promise<void> {
  const old = { name: theme.name, color: theme.color, description: theme.description };
  const before: typeof patch = {};
  for (const k of Object.keys(patch) as (keyof typeof patch)[]) before[k] = old[k];
  const t = await guard(() => api['themes.update']({ id: theme.id, ...patch }));
  if (!t) return;
  record(
    'lblUpdateTheme',
    () => api['themes.update']({ id: theme.id, ...before }),
    () => api['themes.update']({ id: theme.id, ...patch }),
  );
  await guard(refreshThemes);
}

export async function addExampleThemes(): Promise<void> {
  await guard(() => api['themes.addExamples']({}));
  await guard(refreshThemes);
}
