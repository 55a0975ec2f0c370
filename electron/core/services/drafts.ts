// Edit-mode drafts (issue 7, never lose work): the text a user is correcting is written here about a
// second after each pause in typing, so that a crash or a closed window does not lose it. A draft
// remembers the version it started from; when another version has been saved since, it is "stale":
// still the user's text, offered to resume or discard, never merged silently. Saving the text as a
// version removes the draft (services/revisions.ts, in the same transaction).
import { createHash } from 'node:crypto';
import type { DocumentDraft, DraftStatus } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { writeTransaction } from '../db/connection';
import * as drafts from '../repos/drafts';
import * as versions from '../repos/versions';
import type { ServiceContext } from './context';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

function textOrThrow(ctx: ServiceContext, documentId: string): string {
  const text = drafts.liveDocumentText(ctx.db, documentId);
  if (text === undefined) throw new PizhuError('not_found', `No document ${documentId}`);
  return text;
}

type StatusFields = Pick<drafts.DraftRow, 'id' | 'documentId' | 'baseVersion' | 'author' | 'createdAt' | 'modifiedAt'> & { length: number };

function status(row: StatusFields, currentVersion: number, stale: boolean): DraftStatus {
  const { id, documentId, baseVersion, author, createdAt, modifiedAt, length } = row;
  return { id, documentId, baseVersion, currentVersion, stale, length, author, createdAt, modifiedAt };
}

/** Read back: overtaken when another version was saved, or (by its hash) the text changed without one. */
function statusOf(ctx: ServiceContext, row: drafts.DraftRow, currentText: string): DraftStatus {
  const currentVersion = versions.currentVersionNumber(ctx.db, row.documentId);
  const stale = row.baseVersion !== currentVersion || row.baseHash !== hashOf(currentText);
  return status({ ...row, length: row.text.length }, currentVersion, stale);
}

export function getDraft(ctx: ServiceContext, documentId: string): DocumentDraft | null {
  const currentText = textOrThrow(ctx, documentId);
  const row = drafts.liveDraft(ctx.db, documentId, ctx.userId);
  return row ? { ...statusOf(ctx, row, currentText), text: row.text } : null;
}

/** Written about a second after each pause in typing: kept cheap (no document record, the base text read only when it is not the current one). */
export function saveDraft(ctx: ServiceContext, input: { documentId: string; text: string; baseVersion: number }): DraftStatus | null {
  return writeTransaction(ctx.db, () => {
    const currentText = textOrThrow(ctx, input.documentId);
    const currentVersion = versions.currentVersionNumber(ctx.db, input.documentId);
    const baseText = input.baseVersion === currentVersion ? currentText : versions.getVersion(ctx.db, input.documentId, input.baseVersion)?.text;
    if (baseText === undefined) throw new PizhuError('invalid_input', `Document ${input.documentId} has no version ${input.baseVersion}.`);
    const text = input.text.replace(/\r\n?/g, '\n');
    // Typed back to where it started: nothing to keep.
    if (text === baseText) {
      drafts.deleteLiveDraft(ctx.db, input.documentId, ctx.userId);
      return null;
    }
    const now = ctx.now();
    const write = { documentId: input.documentId, author: ctx.userId, text, baseVersion: input.baseVersion, baseHash: hashOf(baseText), now };
    const kept = drafts.upsertLiveDraft(ctx.db, write, ctx.newId);
    return status({ ...write, ...kept, modifiedAt: now, length: text.length }, currentVersion, input.baseVersion !== currentVersion);
  });
}

export function discardDraft(ctx: ServiceContext, documentId: string): { id: string } | null {
  return writeTransaction(ctx.db, () => {
    textOrThrow(ctx, documentId);
    const id = drafts.discardLiveDraft(ctx.db, documentId, ctx.userId, ctx.now());
    return id ? { id } : null;
  });
}

/** Undoes a discard. A draft started after the discard is never overwritten: that is a conflict. */
export function restoreDraft(ctx: ServiceContext, input: { documentId: string; id: string }): DraftStatus {
  return writeTransaction(ctx.db, () => {
    const currentText = textOrThrow(ctx, input.documentId);
    const row = drafts.draftById(ctx.db, input.id);
    if (!row || row.documentId !== input.documentId || row.author !== ctx.userId)
      throw new PizhuError('not_found', `No discarded draft ${input.id} of this document.`);
    if (row.discardedAt !== null) {
      if (drafts.liveDraft(ctx.db, input.documentId, ctx.userId))
        throw new PizhuError('conflict', 'Newer unsaved corrections of this document exist: the discarded ones were not brought back over them.');
      drafts.undiscardDraft(ctx.db, row.id);
    }
    return statusOf(ctx, row, currentText);
  });
}
