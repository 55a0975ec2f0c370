// Text versions in the reader: edit mode, the versions view, the summary of the last revision, orphaned highlights.
import type { DocumentDraft, OrphanAnnotation, RevisionReport } from '../../../shared/domain';
import type { Slice } from './types';

/** What the reader column shows for the open document. */
export type ReaderMode = 'read' | 'edit' | 'versions';

/** A document's edit-mode draft as kept on disk (null: it has none), once read for that document. */
export interface DraftSlot {
  documentId: string;
  draft: DocumentDraft | null;
}

export interface RevisionSlice {
  readerMode: ReaderMode;
  /** The document the mode belongs to: opening another document shows it in reading mode. */
  readerModeDocId: string | null;
  /** The first paragraph in view when the mode changed, so the next view opens at the same place. */
  readerModeParagraph: number;
  revisionReport: RevisionReport | null;
  orphans: OrphanAnnotation[];
  draftSlot: DraftSlot | null;
  /** Edit mode opens on the draft of this document (the user chose Resume). */
  resumeDraftOf: string | null;
  /** The "replace text from file" panel under the document tools. */
  replaceOpen: boolean;
  setReaderMode: (mode: ReaderMode, documentId: string | null, paragraph?: number) => void;
  setRevisionReport: (r: RevisionReport | null) => void;
  setOrphans: (o: OrphanAnnotation[]) => void;
  setDraftSlot: (d: DraftSlot | null) => void;
  setResumeDraftOf: (documentId: string | null) => void;
  setReplaceOpen: (v: boolean) => void;
}

export const createRevisionSlice: Slice<RevisionSlice> = (set) => ({
  readerMode: 'read',
  readerModeDocId: null,
  readerModeParagraph: 0,
  revisionReport: null,
  orphans: [],
  draftSlot: null,
  resumeDraftOf: null,
  replaceOpen: false,
  setReaderMode: (readerMode, readerModeDocId, paragraph = 0) => set({ readerMode, readerModeDocId, readerModeParagraph: paragraph }),
  setRevisionReport: (revisionReport) => set({ revisionReport }),
  setOrphans: (orphans) => set({ orphans }),
  setDraftSlot: (draftSlot) => set({ draftSlot }),
  setResumeDraftOf: (resumeDraftOf) => set({ resumeDraftOf }),
  setReplaceOpen: (replaceOpen) => set({ replaceOpen }),
});

/** The mode the open document is shown in. */
export function readerModeOf(s: { doc: { id: string } | null; readerMode: ReaderMode; readerModeDocId: string | null }): ReaderMode {
  return s.doc && s.readerModeDocId === s.doc.id ? s.readerMode : 'read';
}
