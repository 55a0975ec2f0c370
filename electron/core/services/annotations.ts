import type { Annotation } from '../../../shared/domain';
import { writeTransaction } from '../db/connection';
import { PizhuError } from '../../../shared/errors';
import { makeAnchor } from '../../../shared/offsets';
import * as repo from '../repos/annotations';
import type { ServiceContext } from './context';
import { getDocumentOrThrow } from './documents';
import { getThemeOrThrow } from './themes';

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
  if (input.noteJson !== null) {
    try {
      const parsed = JSON.parse(input.noteJson) as { root?: unknown };
      if (!parsed || typeof parsed !== 'object' || !parsed.root) throw new Error('no root');
    } catch {
      throw new PizhuError('invalid_input', 'The note is not a Lexical editor state.');
    }
  }
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

/** A Lexical editor state holding one paragraph per line, for notes typed on the command line. */
export function noteJsonFromPlainText(text: string): string {
  const paragraph = (line: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: line ? [{ type: 'text', version: 1, text: line, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
  });
  return JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: text.split('\n').map(paragraph) },
  });
}
