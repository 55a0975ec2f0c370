import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { loadInitial, redo, reportError, undo } from './actions';
import { LibraryPanel } from './components/LibraryPanel';
import { ImportLayer } from './components/ImportDialog';
import { Reader } from './components/Reader';
import { SidePanel } from './components/SidePanel';
import { Toasts, TopBar } from './components/TopBar';
import { SearchPanel } from './search/SearchPanel';
import { useSearchShortcuts } from './search/shortcuts';
import { ReturnToAnalysis } from './analysis/AnalysisButton';
import { useAnalysisShortcuts } from './analysis/shortcuts';
import { useReaderModePerDocument, useRevisionShortcuts } from './revision/RevisionTools';
import { useStore } from './store';
import { SettingsLayer } from './settings/SettingsDialog';

// The charts (echarts) load only when the analysis workspace first opens.
const AnalysisView = lazy(() => import('./analysis/AnalysisView'));

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    reportError(error);
  }
  render() {
    if (this.state.error)
      return (
        <div className="crash">
          <p>⚠ {this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            ↻
          </button>
        </div>
      );
    return this.props.children;
  }
}

export function App() {
  const lang = useStore((s) => s.lang);
  const scheme = useStore((s) => s.scheme);
  const searchOpen = useStore((s) => s.searchOpen);
  const analysisOpen = useStore((s) => s.analysisOpen);
  useSearchShortcuts();
  useAnalysisShortcuts();
  useRevisionShortcuts();
  useReaderModePerDocument();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = scheme;
  }, [lang, scheme]);

  useEffect(() => {
    // Marks the window ready once the library is listed and the keyboard shortcuts are listening
    // (effects above run first), so automation and styles need not guess.
    void loadInitial().finally(() => {
      document.documentElement.dataset.ready = 'true';
    });
    const onRejection = (e: PromiseRejectionEvent) => reportError(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (e.key === 'Escape') {
        if (s.exportOpen) s.setExportOpen(false);
        if (s.helpOpen) s.setHelpOpen(false);
        return;
      }
      if (mod && !e.shiftKey && k === 'e') {
        e.preventDefault();
        s.setExportOpen(!s.exportOpen);
        return;
      }
      if (mod && e.shiftKey && k === 'l') {
        e.preventDefault();
        s.setLang(s.lang === 'zh-CN' ? 'en' : 'zh-CN');
        return;
      }
      if (isTyping(e.target)) return;
      if (mod && !e.shiftKey && k === 'z') {
        e.preventDefault();
        void undo();
      } else if (mod && ((e.shiftKey && k === 'z') || k === 'y')) {
        e.preventDefault();
        void redo();
      } else if (e.key === '?' && !mod) {
        // Marked handled, as every menu key the page acts on: macOS gives unhandled keys to the menu as well.
        e.preventDefault();
        s.setHelpOpen(!s.helpOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <TopBar />
      {analysisOpen && (
        <Boundary>
          <Suspense fallback={<div className="analysis" />}>
            <AnalysisView />
          </Suspense>
        </Boundary>
      )}
      {/* Hidden, not unmounted, while analysing: the reader keeps its place and any note being typed. */}
      <div className={'columns' + (searchOpen ? ' searching' : '')} hidden={analysisOpen}>
        <Boundary>
          {searchOpen ? <SearchPanel /> : <LibraryPanel />}
        </Boundary>
        <Boundary>
          <Reader />
        </Boundary>
        <Boundary>
          <SidePanel />
        </Boundary>
      </div>
      <ReturnToAnalysis />
      <ImportLayer />
      <SettingsLayer />
      <Toasts />
    </div>
  );
}
