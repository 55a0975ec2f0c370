// Interface state and the user's preferences as shown; settings/preferences.ts loads them before the first
// render and saves every change to the library (preferences.set).
import { clampReaderFontSize, DEFAULT_PREFERENCES } from '../../../shared/preferences';
import type { ColorScheme, Slice, ThemePreference, UiSlice } from './types';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function systemScheme(): ColorScheme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function resolveScheme(pref: ThemePreference): ColorScheme {
  return pref === 'system' ? systemScheme() : pref;
}

let toastSeq = 0;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  lang: DEFAULT_PREFERENCES.lang,
  themePref: DEFAULT_PREFERENCES.theme,
  scheme: resolveScheme(DEFAULT_PREFERENCES.theme),
  readerFontSize: DEFAULT_PREFERENCES.readerFontSize,
  recentDocumentIds: [],
  settingsOpen: false,
  sideTab: 'annotation',
  exportOpen: false,
  helpOpen: false,
  toasts: [],
  setLang: (lang) => set({ lang }),
  // The top bar's light/dark switch is an explicit choice.
  setScheme: (scheme) => set({ scheme, themePref: scheme }),
  setThemePref: (themePref) => set({ themePref, scheme: resolveScheme(themePref) }),
  setReaderFontSize: (px) => set({ readerFontSize: clampReaderFontSize(px) }),
  setRecentDocumentIds: (recentDocumentIds) => set({ recentDocumentIds }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  applyPreferences: (p) =>
    set({
      lang: p.lang,
      themePref: p.theme,
      scheme: resolveScheme(p.theme),
      readerFontSize: clampReaderFontSize(p.readerFontSize),
      recentDocumentIds: p.recentDocumentIds,
    }),
  setSideTab: (sideTab) => set({ sideTab }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  pushToast: (kind, text) => {
    const id = ++toastSeq;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), kind === 'error' ? 7000 : 3500);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
