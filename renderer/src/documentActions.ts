// Changes to the open document from the reader: restore a removed span, split, merge, edit its details.
import type { DocumentRecord, DocumentSummary } from '../../shared/domain';
import { guard, refreshDocs } from './actions';
import { api } from './api';
import { tNow } from './i18n';
import { refreshCollections } from './importActions';
import { useStore } from './store';
import type { DocumentMetadata } from '../../shared/domain';

const st = () => useStore.getState();

/**
 * Puts a changed record on screen together with its annotations in one step, so that
 * highlights are never painted at their old offsets over the new text.
 */
async function showRecord(record: DocumentRecord): Promise<void> {
  const annotations = await api['annotations.list']({ documentId: record.id });
  const active = st().activeId;
  st().setDoc(record);
  st().setAnnotations(annotations.filter((a) => !a.deletedAt));
  if (active && annotations.some((a) => a.id === active)) st().setActive(active);
}

export async function restoreRemovedSpan(spanId: string): Promise<void> {
  const doc = st().doc;
  if (!doc) return;
  const span = doc.removed.find((s) => s.id === spanId);
  await guard(async () => {
    const record = await api['documents.restoreSpan']({ id: doc.id, spanId });
    await showRecord(record);
    st().pushToast('info', tNow('docRestored').replace('{n}', String(span?.text.length ?? 0)));
  });
  await guard(refreshDocs);
}

/** Splits the open document before the paragraph starting at `at`; the rest becomes a new document. */
export async function splitOpenDocument(at: number, title: string): Promise<boolean> {
  const doc = st().doc;
  if (!doc) return false;
  const res = await guard(() => api['documents.split']({ id: doc.id, at, title: title.trim() || undefined }));
  if (!res) return false;
  await guard(async () => showRecord(await api['documents.get']({ id: doc.id })));
  await guard(refreshDocs);
  await refreshCollections();
  st().pushToast('info', tNow('docSplitDone').replace('{title}', res.second.title));
  return true;
}

export async function mergeOpenDocumentWithNext(): Promise<boolean> {
  const doc = st().doc;
  if (!doc) return false;
  const record = await guard(() => api['documents.mergeWithNext']({ id: doc.id }));
  if (!record) return false;
  await guard(() => showRecord(record));
  await guard(refreshDocs);
  await refreshCollections();
  st().pushToast('info', tNow('docMergeDone'));
  return true;
}

export type MetadataPatch = DocumentMetadata;

export async function updateOpenDocumentMetadata(patch: MetadataPatch): Promise<boolean> {
  const doc = st().doc;
  if (!doc) return false;
  const summary = await guard(() => api['documents.updateMetadata']({ id: doc.id, ...patch }));
  if (!summary) return false;
  const current = st().doc;
  if (current?.id === summary.id) useStore.setState({ doc: { ...current, ...summary } });
  await guard(refreshDocs);
  return true;
}

/** The document after the open one, as merge will pick it: next in its collection, else next in the library. */
export function nextDocumentTitle({ doc, docs }: { doc: DocumentRecord | null; docs: readonly DocumentSummary[] }): string | null {
  if (!doc) return null;
  if (doc.collectionId) {
    const next = docs
      .filter((d) => d.collectionId === doc.collectionId && d.collectionOrder > doc.collectionOrder)
      .sort((a, b) => a.collectionOrder - b.collectionOrder)[0];
    if (next) return next.title;
  }
  const i = docs.findIndex((d) => d.id === doc.id);
  return i >= 0 && i + 1 < docs.length ? docs[i + 1].title : null;
}
