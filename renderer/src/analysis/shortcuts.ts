// Ctrl+Shift+A opens and closes the analysis workspace; Esc closes it when no field or popover has the key.
import { useEffect } from 'react';
import { useStore } from '../store';

function inField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useAnalysisShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        if (s.analysisOpen) s.closeAnalysis();
        else s.openAnalysis();
      } else if (e.key === 'Escape' && s.analysisOpen && !s.exportOpen && !s.helpOpen && !inField(e.target) && !e.defaultPrevented) {
        s.closeAnalysis();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
