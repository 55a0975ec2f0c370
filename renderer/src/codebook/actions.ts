// Codebook and coding actions: each one calls the backend, puts its exact inverse on the undo stack, and
// refreshes what it changed. Errors become toasts (guard).
import type { Theme, ThemeChange } from '../../../shared/domain';
import { createAnnotation, createTheme, guard, record, refreshAll, refreshThemes } from '../actions';
import { api, saveTextFile } from '../api';
import { tNow } from '../i18n';
import { fill } from '../search/format';
import { useStore } from '../store';
import { positionOf, themesInTreeOrder, type MoveTarget } from './tree';

const st = () => useStore.getState();

export const THEME_PALETTE = ['#e4572e', '#f3a712', '#29bf12', '#00a5cf', '#7b5ea7', '#d81159', '#8f6b3a', '#4e8098', '#c9a66b'];

export function nextThemeColor(): string {
  return THEME_PALETTE[st().themes.length % THEME_PALETTE.length];
}

async function move(target: MoveTarget): Promise<void> {
  const themes = await api['themes.move']({ id: target.id, parentId: target.parentId, index: target.index });
  st().setThemes(themes);
}

export async function moveTheme(target: MoveTarget): Promise<boolean> {
  const before = positionOf(st().themes, target.id);
  if (!before) return false;
  const ok = await guard(async () => {
    await move(target);
    return true;
  });
  if (!ok) return false;
  record(
    'lblMoveTheme',
    () => move(before),
    () => move(target),
  );
  // Nesting under a collapsed theme would hide the moved row; open the new parent instead.
  if (target.parentId) st().toggleThemeCollapsed(target.parentId, false);
  return true;
}

export async function mergeTheme(sourceId: string, targetId: string): Promise<boolean> {
  const first = await guard(() => api['themes.merge']({ sourceId, targetId }));
  if (!first) return false;
  let change: ThemeChange = first;
  record(
    'lblMergeTheme',
    () => api['themes.restore']({ id: sourceId, change }),
    async () => {
      change = await api['themes.merge']({ sourceId, targetId });
    },
  );
  if (st().selectedThemeId === sourceId) st().selectTheme(targetId);
  await guard(refreshAll);
  return true;
}

/** Gives a theme keyboard slot 1–9 (or none); the theme that held the slot loses it, and undo gives it back. */
export async function pinTheme(theme: Theme, slot: number | null): Promise<void> {
  const previousSlot = theme.pinned;
  const previousHolder = slot === null ? undefined : st().themes.find((t) => t.pinned === slot && t.id !== theme.id);
  const set = async (id: string, s: number | null) => st().setThemes(await api['themes.setPinned']({ id, slot: s }));
  const ok = await guard(async () => {
    await set(theme.id, slot);
    return true;
  });
  if (!ok) return;
  record(
    'lblPinTheme',
    async () => {
      await set(theme.id, previousSlot);
      if (previousHolder && slot !== null) await set(previousHolder.id, slot);
    },
    () => set(theme.id, slot),
  );
}

export async function saveThemeMemo(id: string, memoJson: string | null, memoText: string): Promise<boolean> {
  const t = await guard(() => api['themes.setMemo']({ id, memoJson, memoText }));
  if (!t) return false;
  useStore.setState((s) => ({ themes: s.themes.map((x) => (x.id === id ? t : x)) }));
  return true;
}

export async function saveMemo(scope: 'document' | 'project', documentId: string | undefined, noteJson: string | null, noteText: string): Promise<boolean> {
  const m = await guard(() => api['memos.save']({ scope, documentId, noteJson, noteText }));
  return Boolean(m);
}

export async function exportCodebook(format: 'json' | 'csv'): Promise<void> {
  const res = await guard(() => api['codebook.export']({ format }));
  if (!res) return;
  const saved = await guard(() => saveTextFile(res.suggestedName, res.content));
  if (saved) st().pushToast('info', tNow('exported') + saved);
}

export async function importCodebook(fileName: string, content: string): Promise<void> {
  const lower = fileName.toLowerCase();
  const format = lower.endsWith('.json') ? 'json' : lower.endsWith('.csv') ? 'csv' : null;
  if (!format) {
    st().pushToast('error', tNow('codebookUnknownFormat'));
    return;
  }
  const res = await guard(() => api['codebook.import']({ format, content }));
  if (!res) return;
  st().pushToast('info', fill(tNow('codebookImported'), { created: res.created, updated: res.updated }));
  for (const w of res.warnings.slice(0, 3)) st().pushToast('info', w);
  await guard(refreshThemes);
}

/** Themes the keys 1–9 apply: the pinned slots, or the first nine in tree order when nothing is pinned. */
export function slotThemes(themes: readonly Theme[]): Map<number, Theme> {
  const out = new Map<number, Theme>();
  for (const t of themes) if (t.pinned && t.pinned >= 1 && t.pinned <= 9) out.set(t.pinned, t);
  if (out.size > 0) return out;
  themesInTreeOrder(themes)
    .slice(0, 9)
    .forEach((t, i) => out.set(i + 1, t));
  return out;
}

/** The picker's "create theme «…»": a new top-level theme, then the highlight with it. */
export async function createThemeAndApply(name: string, start: number, end: number): Promise<void> {
  const theme = await createTheme(name, nextThemeColor());
  if (theme) await createAnnotation(start, end, [theme.id]);
}

export interface AutocodeRequest {
  query: string;
  themeId: string;
  fold: boolean;
  documentIds?: string[];
}

/** Codes every occurrence of a search; one undo entry removes the new highlights and the theme from the tagged ones. */
export async function autocode(req: AutocodeRequest): Promise<boolean> {
  const res = await guard(() => api['annotations.autocode'](req));
  if (!res) return false;
  const { createdIds, taggedIds } = res;
  const { themeId } = req;
  record(
    'lblAutocode',
    async () => {
      if (createdIds.length) await api['annotations.deleteMany']({ ids: createdIds });
      for (const id of taggedIds) await api['annotations.removeTheme']({ id, themeId });
    },
    async () => {
      if (createdIds.length) await api['annotations.restoreMany']({ ids: createdIds });
      for (const id of taggedIds) await api['annotations.addTheme']({ id, themeId });
    },
  );
  st().pushToast(
    'info',
    fill(tNow('autocodeDone'), { created: createdIds.length, tagged: taggedIds.length, already: res.alreadyCoded }),
  );
  await guard(refreshAll);
  return true;
}
