// Search keys for the whole window: Ctrl+Shift+F library search, Ctrl+F find, F3 / Ctrl+G next match.
import { useEffect } from 'react';
import { useStore } from '../store';

const FIND_PREFILL_MAX = 100;

/** A short selection in the reader becomes the find query, as in a browser. */
function selectedReaderText(): string | undefined {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return undefined;
  const reader = document.querySelector('[data-testid="reader-text"]');
  if (!reader || !reader.contains(sel.getRangeAt(0).commonAncestorContainer)) return undefined;
  const text = sel.toString();
  return text.length <= FIND_PREFILL_MAX && !text.includes('\n') ? text : undefined;
}

function inField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable ? !target.closest('[data-testid="reader-text"]') : ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useSearchShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && e.shiftKey && !e.altKey && k === 'f') {
        e.preventDefault();
        s.openSearch();
      } else if (mod && !e.shiftKey && !e.altKey && k === 'f') {
        if (!s.doc) return;
        e.preventDefault();
        s.openFind(selectedReaderText());
      } else if (e.key === 'F3' || (mod && !e.altKey && k === 'g')) {
        if (!s.doc) return;
        e.preventDefault();
        if (!s.findOpen) s.openFind();
        else s.setFindIndex(s.findIndex + (e.shiftKey ? -1 : 1));
      } else if (e.key === 'Escape' && s.findOpen && !s.exportOpen && !s.helpOpen && !inField(e.target)) {
        // While the selection toolbar is up, Esc is the toolbar's.
        if (!document.querySelector('[data-testid="selection-toolbar"]')) s.closeFind();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
