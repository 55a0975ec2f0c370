import type { StateCreator } from 'zustand';
import type { Annotation, DocumentRecord, DocumentSummary, Preferences, Theme } from '../../../shared/domain';
import type { Lang } from '../i18n';
import type { AnalysisSlice } from './analysis';
import type { CodebookSlice } from './codebook';
import type { ImportSlice } from './importSlice';
import type { RevisionSlice } from './revision';
import type { SearchSlice } from './search';

export interface LibrarySlice {
  docs: DocumentSummary[];
  docsLoaded: boolean;
  setDocs: (docs: DocumentSummary[]) => void;
  /** Puts these documents' fresh summaries in place; an asked-for id without one is gone from the library. */
  updateDocs: (ids: readonly string[], summaries: DocumentSummary[]) => void;
}

export interface ReaderSlice {
  doc: DocumentRecord | null;
  docLoading: boolean;
  annotations: Annotation[];
  activeId: string | null;
  setDoc: (doc: DocumentRecord | null) => void;
  setDocLoading: (v: boolean) => void;
  setAnnotations: (a: Annotation[]) => void;
  upsertAnnotation: (a: Annotation) => void;
  setActive: (id: string | null) => void;
}

export interface ThemesSlice {
  themes: Theme[];
  setThemes: (t: Theme[]) => void;
}

export type ColorScheme = 'light' | 'dark';
/** What the user chose; `scheme` is what is shown (the system's scheme when this is 'system'). */
export type ThemePreference = ColorScheme | 'system';
export type SideTab = 'annotation' | 'themes' | 'browse' | 'memos';
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface UiSlice {
  lang: Lang;
  scheme: ColorScheme;
  themePref: ThemePreference;
  /** Reader text size in px (preferences.readerFontSize). */
  readerFontSize: number;
  /** Most recent first (preferences.recentDocumentIds). */
  recentDocumentIds: string[];
  settingsOpen: boolean;
  sideTab: SideTab;
  exportOpen: boolean;
  helpOpen: boolean;
  toasts: Toast[];
  setLang: (l: Lang) => void;
  setScheme: (s: ColorScheme) => void;
  setThemePref: (t: ThemePreference) => void;
  setReaderFontSize: (px: number) => void;
  setRecentDocumentIds: (ids: string[]) => void;
  setSettingsOpen: (v: boolean) => void;
  /** Takes the stored preferences (at start-up, before the first render). */
  applyPreferences: (p: Preferences) => void;
  setSideTab: (t: SideTab) => void;
  setExportOpen: (v: boolean) => void;
  setHelpOpen: (v: boolean) => void;
  pushToast: (kind: Toast['kind'], text: string) => void;
  dismissToast: (id: number) => void;
}

export interface UndoEntry {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** What to reload after undoing or redoing it (by default the library, the themes and the open document's highlights). */
  refresh?: () => Promise<void>;
}

export interface UndoSlice {
  past: UndoEntry[];
  future: UndoEntry[];
  pushUndo: (e: UndoEntry) => void;
  popUndo: () => UndoEntry | undefined;
  popRedo: () => UndoEntry | undefined;
  pushRedo: (e: UndoEntry) => void;
  pushPast: (e: UndoEntry) => void;
}

export type Store = AnalysisSlice & CodebookSlice & ImportSlice & LibrarySlice & ReaderSlice & RevisionSlice & SearchSlice & ThemesSlice & UiSlice & UndoSlice;
export type Slice<T> = StateCreator<Store, [], [], T>;
