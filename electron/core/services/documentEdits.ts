// Changes to a document's text that keep every highlight on its words: restoring a removed
// span (an insertion: what follows shifts by its length), splitting, merging. Each runs in one
// transaction and re-computes the quote and context of every highlight it moves.
import type { DocumentRecord, DocumentSummary, TextMark } from '../../../shared/domain';
import { writeTransaction } from '../db/connection';
import { PizhuError } from '../../../shared/errors';
import { makeAnchor } from '../../../shared/offsets';
import * as annotations from '../repos/annotations';
import * as documents from '../repos/documents';
import * as spans from '../repos/removedSpans';
import * as versions from '../repos/versions';
import type { ServiceContext } from './context';
import { getDocumentOrThrow } from './documents';
import { recordVersion } from './revisions';

function shiftForInsert(position: number, at: number, length: number, isEnd: boolean): number {
  if (position > at || (position === at && !isEnd)) return position + length;
  return position;
}

export function restoreSpan(ctx: ServiceContext, documentId: string, spanId: string): DocumentRecord {
  return writeTransaction(ctx.db, () => {
    const doc = getDocumentOrThrow(ctx, documentId);
    const span = spans.getRemovedSpan(ctx.db, spanId);
    if (!span || span.documentId !== documentId) throw new PizhuError('not_found', 'No such removed text in this document.');
    if (span.restoredAt) throw new PizhuError('conflict', 'This text was already restored.');
    const now = ctx.now();
    const at = Math.min(span.position, doc.text.length);
    const length = span.text.length;
    const text = doc.text.slice(0, at) + span.text + doc.text.slice(at);

    for (const a of annotations.listAnchors(ctx.db, documentId)) {
      const start = shiftForInsert(a.start, at, length, false);
      // a highlight around the insertion point grows to hold it; one ending there does not
      const end = a.end > at ? a.end + length : a.end;
      if (start !== a.start || end !== a.end || Math.abs(a.start - at) <= 64 || Math.abs(a.end - at) <= 64)
        annotations.updateAnchor(ctx.db, a.id, documentId, makeAnchor(text, start, end), now);
    }
    const marks: TextMark[] = doc.marks.map((m) => ({ ...m, start: shiftForInsert(m.start, at, length, false), end: m.end > at ? m.end + length : m.end }));
    spans.shiftSpansAfterInsert(ctx.db, documentId, at, span.sourceOffset, length, now);
    spans.markRestored(ctx.db, spanId, now);
    documents.updateText(ctx.db, documentId, text, marks, now);
    recordVersion(ctx, documentId, 'restoreSpan', doc.text, text, now);
    return getDocumentOrThrow(ctx, documentId);
  });
}

export function splitDocument(ctx: ServiceContext, id: string, at: number, title?: string): { first: DocumentSummary; second: DocumentSummary } {
  return writeTransaction(ctx.db, () => {
    const doc = getDocumentOrThrow(ctx, id);
    if (at <= 0 || at >= doc.text.length || doc.text[at - 1] !== '\n')
      throw new PizhuError('invalid_input', 'Split at the start of a paragraph (not the first one).');
    const anchors = annotations.listAnchors(ctx.db, id);
    if (anchors.some((a) => a.start < at && a.end > at - 1))
      throw new PizhuError('conflict', 'A highlight crosses this point: shorten or delete it first.');
    const now = ctx.now();
    const firstText = doc.text.slice(0, at - 1);
    const secondText = doc.text.slice(at);
    const secondId = ctx.newId();
    const firstLine = secondText.split('\n')[0];
    const secondTitle = title ?? (firstLine.length <= 40 ? firstLine : firstLine.slice(0, 40) + '…');
    const original = documents.originalOf(ctx.db, id)!;
    if (doc.collectionId) documents.shiftCollectionOrder(ctx.db, doc.collectionId, doc.collectionOrder);
    documents.insertDocument(ctx.db, {
      id: secondId,
      title: secondTitle,
      source: doc.source,
      byline: doc.byline,
      editor: doc.editor,
      url: doc.url,
      publishedAt: doc.publishedAt,
      text: secondText,
      script: doc.script,
      marks: doc.marks.filter((m) => m.start >= at).map((m) => ({ ...m, start: m.start - at, end: m.end - at })),
      report: doc.report,
      collectionId: doc.collectionId,
      collectionOrder: doc.collectionOrder + 1,
      original: Buffer.alloc(0),
      originalName: original.originalName,
      contentHash: original.contentHash,
      author: ctx.userId,
      now,
    });
    for (const a of anchors) {
      if (a.start >= at) annotations.updateAnchor(ctx.db, a.id, secondId, makeAnchor(secondText, a.start - at, a.end - at), now);
      else annotations.updateAnchor(ctx.db, a.id, id, makeAnchor(firstText, a.start, a.end), now);
    }
    spans.moveSpans(ctx.db, id, secondId, at, -at, now);
    documents.updateText(ctx.db, id, firstText, doc.marks.filter((m) => m.end <= at - 1), now);
    recordVersion(ctx, id, 'split', doc.text, firstText, now);
    versions.setFirstVersionReason(ctx.db, secondId, 'split');
    return { first: documents.getDocumentSummary(ctx.db, id)!, second: documents.getDocumentSummary(ctx.db, secondId)! };
  });
}

export function mergeWithNext(ctx: ServiceContext, id: string): DocumentRecord {
  return writeTransaction(ctx.db, () => {
    const doc = getDocumentOrThrow(ctx, id);
    const nextId = documents.nextDocumentId(ctx.db, id);
    if (!nextId) throw new PizhuError('invalid_input', 'There is no next document to merge with.');
    const next = getDocumentOrThrow(ctx, nextId);
    const now = ctx.now();
    const offset = doc.text.length + 1;
    const text = `${doc.text}\n${next.text}`;
    for (const a of annotations.listAnchors(ctx.db, id)) annotations.updateAnchor(ctx.db, a.id, id, makeAnchor(text, a.start, a.end), now);
    for (const a of annotations.listAnchors(ctx.db, nextId))
      annotations.updateAnchor(ctx.db, a.id, id, makeAnchor(text, a.start + offset, a.end + offset), now);
    spans.moveSpans(ctx.db, nextId, id, 0, offset, now);
    const marks = [...doc.marks, ...next.marks.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }))];
    annotations.moveOrphans(ctx.db, nextId, id, now);
    documents.updateText(ctx.db, id, text, marks, now);
    recordVersion(ctx, id, 'merge', doc.text, text, now);
    documents.setDocumentDeleted(ctx.db, nextId, now, now);
    return getDocumentOrThrow(ctx, id);
  });
}

export interface MetadataChange {
  id: string;
  title?: string;
  source?: string | null;
  byline?: string | null;
  editor?: string | null;
  url?: string | null;
  publishedAt?: string | null;
}

export function updateMetadata(ctx: ServiceContext, change: MetadataChange): DocumentSummary {
  const current = documents.getDocumentSummary(ctx.db, change.id);
  if (!current) throw new PizhuError('not_found', `No document ${change.id}`);
  const blankToNull = (v: string | null | undefined, old: string | null) => (v === undefined ? old : v === null || v.trim() === '' ? null : v.trim());
  documents.updateMetadata(
    ctx.db,
    change.id,
    {
      title: change.title ?? current.title,
      source: blankToNull(change.source, current.source),
      byline: blankToNull(change.byline, current.byline),
      editor: blankToNull(change.editor, current.editor),
      url: blankToNull(change.url, current.url),
      publishedAt: change.publishedAt === undefined ? current.publishedAt : change.publishedAt,
    },
    ctx.now(),
  );
  return documents.getDocumentSummary(ctx.db, change.id)!;
}

export function deleteDocument(ctx: ServiceContext, id: string): { id: string } {
  getDocumentOrThrow(ctx, id);
  const now = ctx.now();
  documents.setDocumentDeleted(ctx.db, id, now, now);
  return { id };
}

export function restoreDocument(ctx: ServiceContext, id: string): DocumentSummary {
  if (!documents.isDeletedDocument(ctx.db, id)) throw new PizhuError('not_found', `No deleted document ${id}`);
  documents.setDocumentDeleted(ctx.db, id, null, ctx.now());
  return documents.getDocumentSummary(ctx.db, id)!;
}
