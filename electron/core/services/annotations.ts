import type { Annotation } from '../../../shared/domain';
import { writeTransaction } from '../db/connection';
import { PizhuError } from '../../../shared/errors';
import { makeAnchor } from '../../../shared/offsets';
import * as repo from '../repos/annotations';
import type { ServiceContext } from './context';
import { getDocumentOrThrow } from './documents';
import { assertLexicalState, noteJsonFromPlainText } from './lexical';
import { getThemeOrThrow } from './themes';

export { noteJsonFromPlainText };

export function getAnnotationOrThrow(ctx: ServiceContext, id: string): Annotation {
  const a = repo.getAnnotation(ctx.db, id);
  if (!a) throw new PizhuError('not_found', `No annotation ${id}`);
  return a;
}

function live(ctx: ServiceContext, id: string): Annotation {
  const a = getAnnotationOrThrow(ctx, id);
  if (a.deletedAt) throw new PizhuError('not_found', `Annotation ${id} is deleted`);
  return a;
}

export function createAnnotation(
  ctx: ServiceContext,
  input: { documentId: string; start: number; end: number; themeIds: string[]; noteText?: string },
): Annotation {
  return writeTransaction(ctx.db, () => {
    const doc = getDocumentOrThrow(ctx, input.documentId);
    if (input.end > doc.text.length) throw new PizhuError('invalid_input', `End ${input.end} is past the document's end (${doc.text.length}).`);
    const anchor = makeAnchor(doc.text, input.start, input.end);
    if (anchor.exact.trim().length === 0) throw new PizhuError('invalid_input', 'A highlight needs some text.');
    const id = ctx.newId();
    const now = ctx.now();
    repo.insertAnnotation(ctx.db, { ...anchor, id, documentId: doc.id, author: ctx.userId, now });
    for (const themeId of input.themeIds) {
      getThemeOrThrow(ctx, themeId);
      repo.linkTheme(ctx.db, id, themeId, now);
    }
    if (input.noteText) repo.updateNote(ctx.db, id, noteJsonFromPlainText(input.noteText), input.noteText, now);
    return getAnnotationOrThrow(ctx, id);
  });
}

export function updateNote(ctx: ServiceContext, input: { id: string; noteJson: string | null; noteText: string }): Annotation {
  live(ctx, input.id);
  if (input.noteJson !== null) assertLexicalState(input.noteJson);
  repo.updateNote(ctx.db, input.id, input.noteJson, input.noteText, ctx.now());
  return getAnnotationOrThrow(ctx, input.id);
}

export function addTheme(ctx: ServiceContext, id: string, themeId: string): Annotation {
  return writeTransaction(ctx.db, () => {
    live(ctx, id);
    getThemeOrThrow(ctx, themeId);
    const now = ctx.now();
    repo.linkTheme(ctx.db, id, themeId, now);
    repo.touchAnnotation(ctx.db, id, now);
    return getAnnotationOrThrow(ctx, id);
  });
}

export function removeTheme(ctx: ServiceContext, id: string, themeId: string): Annotation {
  return writeTransaction(ctx.db, () => {
    live(ctx, id);
    repo.unlinkTheme(ctx.db, id, themeId);
    repo.touchAnnotation(ctx.db, id, ctx.now());
    return getAnnotationOrThrow(ctx, id);
  });
}

export function deleteAnnotation(ctx: ServiceContext, id: string): Annotation {
  live(ctx, id);
  const now = ctx.now();
  repo.setAnnotationDeleted(ctx.db, id, now, now);
  return getAnnotationOrThrow(ctx, id);
}

export function restoreAnnotation(ctx: ServiceContext, id: string): Annotation {
  getAnnotationOrThrow(ctx, id);
  repo.setAnnotationDeleted(ctx.db, id, null, ctx.now());
  return getAnnotationOrThrow(ctx, id);
}

export function deleteAnnotations(ctx: ServiceContext, ids: string[]): { ids: string[] } {
  return writeTransaction(ctx.db, () => {
    const now = ctx.now();
    return { ids: repo.setAnnotationsDeleted(ctx.db, [...new Set(ids)], now, now) };
  });
}

export function restoreAnnotations(ctx: ServiceContext, ids: string[]): { ids: string[] } {
  return writeTransaction(ctx.db, () => ({ ids: repo.setAnnotationsDeleted(ctx.db, [...new Set(ids)], null, ctx.now()) }));
}
