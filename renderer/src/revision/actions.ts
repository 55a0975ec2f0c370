// Changing the open document's text: edit mode, saving a revision, replacing the text from a file, restoring a
// version, and the highlights a change left without a place (orphans).
import type { DocumentRecord, RevisionReport } from '../../../shared/domain';
import { paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { deleteAnnotation, guard, refreshDocs, reportError } from '../actions';
import { api } from '../api';
import { tNow } from '../i18n';
import { selectionOffsets } from '../lib/domOffsets';
import { readerModeOf, useStore, type ImportEncoding, type ReaderMode } from '../store';

const st = () => useStore.getState();

const READER_TEXT = '[data-testid="reader-text"]';
const EDITOR_TEXT = '[data-testid="revision-editor"]';

/** The index of the first paragraph at least partly in view, in whichever text the reader column shows. */
function firstVisibleParagraph(): number {
  const root = document.querySelector<HTMLElement>(`${READER_TEXT}, ${EDITOR_TEXT}`);
  const box = root?.closest<HTMLElement>('.reader-scroll');
  if (!root || !box) return 0;
  const top = box.getBoundingClientRect().top;
  const children = root.children;
  // Binary search: paragraphs are laid out top to bottom.
  let lo = 0;
  let hi = children.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid].getBoundingClientRect().bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/** After the reader column changed views, brings paragraph `index` back to the top once it is laid out. */
export function scrollToParagraph(selector: string, index: number, offsetPx = 0): void {
  if (index <= 0) return;
  let tries = 0;
  const attempt = () => {
    const root = document.querySelector<HTMLElement>(selector);
    const p = root?.children[index] as HTMLElement | undefined;
    if (!p) {
      if (++tries < 30) requestAnimationFrame(attempt);
      return;
    }
    p.scrollIntoView({ block: 'start' });
    if (offsetPx) root!.closest('.reader-scroll')?.scrollBy(0, -offsetPx);
  };
  requestAnimationFrame(attempt);
}

export function setMode(mode: ReaderMode): void {
  const s = st();
  const doc = s.doc;
  if (!doc) return;
  const from = readerModeOf(s);
  if (from === mode) return;
  const paragraph = from === 'versions' ? s.readerModeParagraph : firstVisibleParagraph();
  // A search flash asked for before the change would replay at its old offsets when the reader comes back.
  useStore.setState({ reveal: null });
  s.setReaderMode(mode, doc.id, paragraph);
  if (mode === 'read') scrollToParagraph(READER_TEXT, paragraph);
}

export function enterEditMode(): void {
  const s = st();
  if (!s.doc) return;
  // The document is on screen but its highlights are still coming: edit once they are there, to tint them.
  if (s.docLoading) {
    const off = useStore.subscribe((next) => {
      if (next.docLoading) return;
      off();
      enterEditMode();
    });
    return;
  }
  s.setRevisionReport(null);
  s.setReplaceOpen(false);
  s.setReaderPanel(null);
  if (s.findOpen) s.closeFind();
  setMode('edit');
}

export function toggleVersions(): void {
  const s = st();
  if (!s.doc) return;
  setMode(readerModeOf(s) === 'versions' ? 'read' : 'versions');
}

/** Shows the document and its highlights as they are after a revision, then the summary. */
async function showRevision(report: RevisionReport): Promise<void> {
  const [record, annotations] = await Promise.all([
    api['documents.get']({ id: report.documentId }),
    api['annotations.list']({ documentId: report.documentId }),
  ]);
  const s = st();
  if (s.doc?.id !== record.id) return;
  const orphaned = new Set(report.entries.filter((e) => e.outcome === 'orphaned').map((e) => e.annotationId));
  // Back to reading where the editor was; after a restore from the versions view, where reading left off.
  const paragraph = readerModeOf(s) === 'edit' ? firstVisibleParagraph() : s.readerModeParagraph;
  s.setDoc(record);
  s.setAnnotations(annotations.filter((a) => !a.deletedAt && !orphaned.has(a.id)));
  s.setReaderMode('read', record.id, paragraph);
  s.setRevisionReport(report);
  scrollToParagraph(READER_TEXT, paragraph);
  await refreshOrphans();
  await guard(refreshDocs);
}

/** Saves the edited text as the next version; anything but 'saved' leaves the edits where they are, with a message. */
export async function saveRevision(doc: DocumentRecord, text: string, baseVersion: number | undefined): Promise<'saved' | 'failed' | 'conflict'> {
  let report: RevisionReport;
  try {
    report = await api['documents.revise']({ id: doc.id, text, baseVersion });
  } catch (err) {
    // Someone (another window, the command line) saved a version meanwhile: say so in words, keep the edits.
    if ((err as { code?: string } | null)?.code === 'conflict') {
      st().pushToast('error', tNow('revConflict'));
      return 'conflict';
    }
    reportError(err);
    return 'failed';
  }
  // The backend removed the draft with the save.
  st().setDraftSlot({ documentId: doc.id, draft: null });
  await guard(() => showRevision(report));
  return 'saved';
}

/** The open document and its highlights as stored now (after a version saved elsewhere). */
export async function reloadOpenDocument(): Promise<void> {
  const doc = st().doc;
  if (!doc) return;
  await guard(async () => {
    const [record, annotations] = await Promise.all([api['documents.get']({ id: doc.id }), api['annotations.list']({ documentId: doc.id })]);
    if (st().doc?.id !== record.id) return;
    st().setDoc(record);
    st().setAnnotations(annotations.filter((a) => !a.deletedAt));
  });
  await refreshOrphans();
}

export async function restoreVersion(documentId: string, number: number): Promise<boolean> {
  const report = await guard(() => api['versions.restore']({ documentId, number }));
  if (!report) return false;
  await guard(() => showRevision(report));
  return true;
}

export async function reviseFromFile(
  documentId: string,
  name: string,
  data: string,
  encoding: ImportEncoding | undefined,
): Promise<boolean> {
  const disabled = st().importChoices.disabledRules;
  // Splitting stays on: of a file holding several articles, the backend takes the one this document is.
  const options = { disabledRules: disabled.length ? disabled : undefined, encoding };
  const report = await guard(() => api['documents.reviseFromFile']({ id: documentId, name, data, options }));
  if (!report) return false;
  st().setReplaceOpen(false);
  await guard(() => showRevision(report));
  return true;
}

// ---- orphaned highlights ----

let orphanSeq = 0;

export async function refreshOrphans(): Promise<void> {
  const doc = st().doc;
  if (!doc) {
    st().setOrphans([]);
    return;
  }
  const seq = ++orphanSeq;
  try {
    const list = await api['annotations.orphans']({ documentId: doc.id });
    if (seq === orphanSeq && st().doc?.id === doc.id) st().setOrphans(list.filter((a) => !a.deletedAt));
  } catch (err) {
    // Listing orphans is an aid: a failure leaves the reader usable and says so once in the console.
    console.error(err);
  }
}

/** The reader's selection as offsets into the open document, or null. */
function readerSelection(doc: DocumentRecord): { start: number; end: number } | null {
  const root = document.querySelector<HTMLElement>(READER_TEXT);
  if (!root) return null;
  const starts = paragraphStarts(splitParagraphs(doc.text));
  return selectionOffsets(root, doc.text, starts, window.getSelection());
}

export async function reattachToSelection(id: string): Promise<boolean> {
  const s = st();
  const doc = s.doc;
  if (!doc) return false;
  const at = readerModeOf(s) === 'read' ? readerSelection(doc) : null;
  if (!at) {
    s.pushToast('info', tNow('revReattachNeedSelection'));
    return false;
  }
  const placed = await guard(() => api['annotations.reattach']({ id, start: at.start, end: at.end }));
  if (!placed) return false;
  window.getSelection()?.removeAllRanges();
  const list = await guard(() => api['annotations.list']({ documentId: doc.id }));
  await refreshOrphans();
  const orphanIds = new Set(st().orphans.map((o) => o.id));
  if (list && st().doc?.id === doc.id) st().setAnnotations(list.filter((a) => !a.deletedAt && !orphanIds.has(a.id)));
  st().setActive(placed.id);
  st().setSideTab('annotation');
  st().pushToast('info', tNow('revReattached'));
  await guard(refreshDocs);
  return true;
}

/** Deletes like any highlight: recoverable with undo, which also brings it back to the orphan list. */
export async function deleteOrphan(id: string): Promise<void> {
  await deleteAnnotation(id);
  await refreshOrphans();
}

/** From the summary to the passage: select the highlight, scroll to it and flash it. */
export function jumpToAnnotation(id: string, start: number, end: number): void {
  const s = st();
  if (!s.doc) return;
  setMode('read');
  s.setActive(id);
  s.setSideTab('annotation');
  s.revealAt(s.doc.id, start, end);
}

/** From the summary to an orphan in the side panel. */
export function jumpToOrphan(id: string): void {
  st().setSideTab('annotation');
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-orphan-id="${CSS.escape(id)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    el.classList.add('pz-flash');
    el.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    setTimeout(() => el.classList.remove('pz-flash'), 1400);
  });
}
