import type { Lang } from '../i18n';
import type { ColorScheme, Slice, UiSlice } from './types';

const LANG_KEY = 'pizhu.lang';
const SCHEME_KEY = 'pizhu.scheme';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage unavailable */
  }
}

function initialLang(): Lang {
  const v = read(LANG_KEY);
  return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
}
function initialScheme(): ColorScheme {
  const v = read(SCHEME_KEY);
  if (v === 'light' || v === 'dark') return v;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let toastSeq = 0;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  lang: initialLang(),
  scheme: initialScheme(),
  sideTab: 'annotation',
  exportOpen: false,
  helpOpen: false,
  toasts: [],
  setLang: (lang) => {
    write(LANG_KEY, lang);
    set({ lang });
  },
  setScheme: (scheme) => {
    write(SCHEME_KEY, scheme);
    set({ scheme });
  },
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
