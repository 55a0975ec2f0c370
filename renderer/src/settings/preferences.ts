// The user's preferences between the store and the library: loaded once before the first render (so the first
// frame is already in the right language, theme and text size), then every change is saved as it happens.
import type { Preferences } from '../../../shared/domain';
import { MAX_RECENT_DOCUMENTS, READER_FONT_SIZE } from '../../../shared/preferences';
import { api } from '../api';
import { useStore } from '../store';
import type { Store } from '../store';
import { systemScheme } from '../store/ui';

const SAVE_DELAY_MS = 250;

/** Language, theme and reader text size on the document itself (styles read them from there). */
function applyToDocument(s: Store): void {
  const root = document.documentElement;
  root.lang = s.lang;
  root.dataset.theme = s.scheme;
  root.style.setProperty('--reader-font-size', `${s.readerFontSize}px`);
}

type Stored = Partial<Omit<Preferences, 'recentDocumentIds'>> & { recentDocumentIds?: string[] };

function changedFields(a: Store, b: Store): Stored {
  const out: Stored = {};
  if (a.lang !== b.lang) out.lang = a.lang;
  if (a.themePref !== b.themePref) out.theme = a.themePref;
  if (a.readerFontSize !== b.readerFontSize) out.readerFontSize = a.readerFontSize;
  if (a.recentDocumentIds !== b.recentDocumentIds) out.recentDocumentIds = a.recentDocumentIds;
  return out;
}

let pending: Stored = {};
let timer: ReturnType<typeof setTimeout> | undefined;

async function flush(): Promise<void> {
  timer = undefined;
  const patch = pending;
  pending = {};
  if (Object.keys(patch).length === 0) return;
  try {
    await api['preferences.set'](patch);
  } catch (err) {
    // Not worth interrupting reading for: the choice still applies to this session.
    console.warn('Could not save preferences', err);
  }
}

/**
 * Loads the stored preferences into the store and starts saving changes. Resolves in any case: if the library
 * cannot answer, the defaults apply for this session.
 */
export async function startPreferences(): Promise<void> {
  try {
    useStore.getState().applyPreferences(await api['preferences.get']({}));
  } catch (err) {
    console.warn('Could not load preferences; using the defaults', err);
  }
  applyToDocument(useStore.getState());
  useStore.subscribe((now, before) => {
    if (now.lang !== before.lang || now.scheme !== before.scheme || now.readerFontSize !== before.readerFontSize) applyToDocument(now);
    const changed = changedFields(now, before);
    if (Object.keys(changed).length === 0) return;
    pending = { ...pending, ...changed };
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  });
  // 'Follow the system': the page follows the system's light/dark switch while it is open.
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      const s = useStore.getState();
      if (s.themePref === 'system') useStore.setState({ scheme: systemScheme() });
    });
  }
  window.addEventListener('pagehide', () => void flush());
}

/** Puts a document at the top of the recent list (the application menu's File ▸ Recent). */
export function rememberDocument(id: string): void {
  const s = useStore.getState();
  if (s.recentDocumentIds[0] === id) return;
  s.setRecentDocumentIds([id, ...s.recentDocumentIds.filter((x) => x !== id)].slice(0, MAX_RECENT_DOCUMENTS));
}

export function changeReaderFontSize(delta: number | 'reset'): void {
  const s = useStore.getState();
  s.setReaderFontSize(delta === 'reset' ? READER_FONT_SIZE.default : s.readerFontSize + delta);
}
