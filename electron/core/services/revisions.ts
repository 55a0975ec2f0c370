// Text versions (issue 8): saving a new canonical text — typed in the reader, re-imported from a
// file, or an earlier version restored — as a new version, re-anchoring every highlight (kept,
// adjusted or orphaned, never deleted) and moving headings, emphasis and removed spans with the
// text. One write transaction per revision; the search index follows through its triggers.
import { reanchor, type PlacedAnchor } from '../../../shared/anchoring';
import type {
  Annotation,
  DocumentRecord,
  DocumentVersion,
  ImportOptions,
  ImportReport,
  OrphanAnnotation,
  ReanchorEntry,
  RevisionReport,
  TextMark,
  VersionReason,
} from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { makeAnchor } from '../../../shared/offsets';
import { diffTexts, mapOffset, mapRange, type TextDiff } from '../../../shared/textChanges';
import { writeTransaction } from '../db/connection';
import { parseFile } from '../import/parseFile';
import type { PreparedDocument } from '../import/pipeline';
import * as annotations from '../repos/annotations';
import * as documents from '../repos/documents';
import * as drafts from '../repos/drafts';
import * as spans from '../repos/removedSpans';
import * as versions from '../repos/versions';
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import type { ServiceContext } from './context';
import { getDocumentOrThrow } from './documents';
import { importReport } from './imports';

/** Saves `text` as the document's new current version; documents.text is the caller's to write. */
export function recordVersion(ctx: ServiceContext, documentId: string, reason: VersionReason, previousText: string, text: string, now: string): number {
  return versions.addVersion(ctx.db, { documentId, reason, previousText, text, author: ctx.userId, now }, ctx.newId);
}

/** Line breaks as the canonical text has them (paragraphs separated by "\n"). */
function canonicalText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function mapMarks(diff: TextDiff, marks: readonly TextMark[]): TextMark[] {
  return marks.flatMap((m) => {
    const r = mapRange(diff, m.start, m.end);
    return r ? [{ ...m, ...r }] : [];
  });
}

function entryFor(stored: annotations.StoredAnchor, placed: PlacedAnchor): ReanchorEntry {
  return {
    annotationId: stored.id,
    outcome: placed.outcome,
    oldStart: stored.start,
    oldEnd: stored.end,
    newStart: placed.anchor?.start ?? null,
    newEnd: placed.anchor?.end ?? null,
    oldExact: stored.exact,
    newExact: placed.anchor?.exact ?? null,
    method: placed.method,
  };
}

const sameAnchor = (a: annotations.StoredAnchor, b: PlacedAnchor['anchor']) =>
  !!b && a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;

interface RevisionChange {
  reason: VersionReason;
  text: string;
  baseVersion?: number;
  /** Headings and emphasis of the new text when known (a re-imported file); else the old ones are moved. */
  marks?: TextMark[];
  /** Replaces the removed spans (a re-imported file); else the old ones are moved. */
  removed?: PreparedDocument['removed'];
  report?: ImportReport;
}

function currentVersion(ctx: ServiceContext, documentId: string): DocumentVersion {
  const number = versions.currentVersionNumber(ctx.db, documentId);
  return versions.getVersion(ctx.db, documentId, number)!.version;
}

/** The one path of every revision: re-anchor, move marks and spans, store the text and a version. */
function applyRevision(ctx: ServiceContext, documentId: string, change: RevisionChange): RevisionReport {
  return writeTransaction(ctx.db, () => {
    const doc = getDocumentOrThrow(ctx, documentId);
    const current = versions.currentVersionNumber(ctx.db, documentId);
    if (change.baseVersion !== undefined && change.baseVersion !== current)
      throw new PizhuError('conflict', `The text changed since version ${change.baseVersion} (now version ${current}): reload it and edit again.`, {
        currentVersion: current,
      });
    const text = canonicalText(change.text);
    if (!text.trim()) throw new PizhuError('invalid_input', 'A document needs some text.');
    if (text === doc.text && !change.removed) return unchangedReport(ctx, doc);

    const now = ctx.now();
    const diff = diffTexts(doc.text, text);
    const stored = annotations.documentAnchors(ctx.db, documentId);
    const placed = reanchor(doc.text, text, stored, diff);
    const entries: ReanchorEntry[] = [];
    const write = annotations.anchorWriter(ctx.db);
    stored.forEach((a, i) => {
      const p = placed[i];
      if (p.anchor) {
        if (a.orphaned || !sameAnchor(a, p.anchor)) write.place(a.id, p.anchor, now);
      } else write.orphan(a.id, now);
      // Deleted highlights move too (undo must find them in place) but are not the reader's concern;
      // orphans still unplaced are already listed as such.
      if (!a.deleted && !(a.orphaned && !p.anchor)) entries.push(entryFor(a, p));
    });

    const marks = change.marks ?? mapMarks(diff, doc.marks);
    if (change.removed) {
      spans.discardUnrestoredSpans(ctx.db, documentId);
      for (const s of change.removed) spans.insertRemovedSpan(ctx.db, { id: ctx.newId(), documentId, ...s, author: ctx.userId, now });
    } else {
      for (const s of doc.removed) spans.setSpanPosition(ctx.db, s.id, Math.min(text.length, mapOffset(diff, s.position, 'left')), now);
    }
    if (change.report) documents.updateImportReport(ctx.db, documentId, change.report, now);
    documents.updateText(ctx.db, documentId, text, marks, now);
    recordVersion(ctx, documentId, change.reason, doc.text, text, now);
    return report(ctx, documentId, entries);
  });
}

function report(ctx: ServiceContext, documentId: string, entries: ReanchorEntry[]): RevisionReport {
  const count = (o: ReanchorEntry['outcome']) => entries.filter((e) => e.outcome === o).length;
  entries.sort((a, b) => (a.newStart ?? a.oldStart) - (b.newStart ?? b.oldStart));
  return { documentId, version: currentVersion(ctx, documentId), kept: count('kept'), adjusted: count('adjusted'), orphaned: count('orphaned'), entries };
}

/** Saving the same text again makes no version: every placed highlight is kept. */
function unchangedReport(ctx: ServiceContext, doc: DocumentRecord): RevisionReport {
  const entries = annotations
    .documentAnchors(ctx.db, doc.id)
    .filter((a) => !a.deleted && !a.orphaned)
    .map((a) => ({
      annotationId: a.id,
      outcome: 'kept' as const,
      oldStart: a.start,
      oldEnd: a.end,
      newStart: a.start,
      newEnd: a.end,
      oldExact: a.exact,
      newExact: a.exact,
      method: 'position' as const,
    }));
  return report(ctx, doc.id, entries);
}

export function reviseDocument(ctx: ServiceContext, input: { id: string; text: string; baseVersion?: number }): RevisionReport {
  return writeTransaction(ctx.db, () => {
    const report = applyRevision(ctx, input.id, { reason: 'edit', text: input.text, baseVersion: input.baseVersion });
    // The typed text is a version now: the draft that kept it while typing has done its work.
    drafts.deleteLiveDraft(ctx.db, input.id, ctx.userId);
    return report;
  });
}

/** Of the articles a file holds, the one this document most likely is: same title, else most shared text. */
function matchingArticle(articles: PreparedDocument[], doc: DocumentRecord): PreparedDocument {
  if (articles.length === 1) return articles[0];
  const byTitle = articles.find((a) => a.title === doc.title);
  if (byTitle) return byTitle;
  const pairs = (s: string) => {
    const set = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) set.add(s.slice(i, i + 2));
    return set;
  };
  const mine = pairs(doc.text);
  const shared = (a: PreparedDocument) => {
    const theirs = pairs(a.text);
    let n = 0;
    for (const p of theirs) if (mine.has(p)) n++;
    return n / Math.max(1, theirs.size + mine.size - n);
  };
  return articles.reduce((best, a) => (shared(a) > shared(best) ? a : best));
}

/** Re-imports a file (same pipeline and options as an import) as the document's new version. */
export async function reviseFromFile(ctx: ServiceContext, id: string, bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<RevisionReport> {
  const doc = getDocumentOrThrow(ctx, id);
  if (bytes.length === 0) throw new PizhuError('invalid_input', 'The file is empty: nothing was changed.');
  if (bytes.length > MAX_IMPORT_BYTES) throw new PizhuError('invalid_input', `The file is larger than ${MAX_IMPORT_BYTES >> 20} MB: nothing was changed.`);
  const { parsed, prepared } = await (ctx.parseFile ?? parseFile)(bytes, fileName, options, doc.title);
  const article = matchingArticle(prepared.documents, doc);
  const report = importReport(parsed, prepared, fileName, article.mojibakeParagraphs);
  return applyRevision(ctx, id, { reason: 'file', text: article.text, marks: article.marks, removed: article.removed, report });
}

export function listVersions(ctx: ServiceContext, documentId: string): DocumentVersion[] {
  getDocumentOrThrow(ctx, documentId);
  return versions.listVersions(ctx.db, documentId);
}

export function getVersion(ctx: ServiceContext, documentId: string, number: number): { version: DocumentVersion; text: string } {
  getDocumentOrThrow(ctx, documentId);
  const found = versions.getVersion(ctx.db, documentId, number);
  if (!found) throw new PizhuError('not_found', `Document ${documentId} has no version ${number}.`);
  return found;
}

export function restoreVersion(ctx: ServiceContext, documentId: string, number: number): RevisionReport {
  return writeTransaction(ctx.db, () => {
    const { text } = getVersion(ctx, documentId, number);
    return applyRevision(ctx, documentId, { reason: 'restoreVersion', text });
  });
}

export function listOrphans(ctx: ServiceContext, documentId?: string): OrphanAnnotation[] {
  if (documentId) getDocumentOrThrow(ctx, documentId);
  return annotations.listOrphans(ctx.db, documentId);
}

/** Places a highlight (an orphan, typically) on [start, end) of its document's current text. */
export function reattach(ctx: ServiceContext, input: { id: string; start: number; end: number }): Annotation {
  return writeTransaction(ctx.db, () => {
    const a = annotations.getAnnotation(ctx.db, input.id);
    if (!a || a.deletedAt) throw new PizhuError('not_found', `No annotation ${input.id}`);
    const doc = getDocumentOrThrow(ctx, a.documentId);
    if (input.end <= input.start) throw new PizhuError('invalid_input', 'Select some text to attach the highlight to.');
    if (input.end > doc.text.length) throw new PizhuError('invalid_input', `End ${input.end} is past the document's end (${doc.text.length}).`);
    const anchor = makeAnchor(doc.text, input.start, input.end);
    if (!anchor.exact.trim()) throw new PizhuError('invalid_input', 'A highlight needs some text.');
    annotations.placeAnchor(ctx.db, a.id, anchor, ctx.now());
    return annotations.getAnnotation(ctx.db, a.id)!;
  });
}
