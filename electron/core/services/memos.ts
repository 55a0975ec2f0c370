// A memo on a whole document or on the project, in the same Lexical editor as highlight notes.
import type { InputOf } from '../../../shared/contract';
import type { Memo } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { writeTransaction } from '../db/connection';
import * as repo from '../repos/memos';
import type { ServiceContext } from './context';
import { getDocumentOrThrow } from './documents';
import { assertLexicalState } from './lexical';

function documentOf(ctx: ServiceContext, input: { scope: 'document' | 'project'; documentId?: string }): string | null {
  if (input.scope === 'project') return null;
  if (!input.documentId) throw new PizhuError('invalid_input', 'A document memo needs a documentId.');
  return getDocumentOrThrow(ctx, input.documentId).id;
}

export function getMemo(ctx: ServiceContext, input: InputOf<'memos.get'>): Memo | null {
  return repo.getMemo(ctx.db, documentOf(ctx, input)) ?? null;
}

export function saveMemo(ctx: ServiceContext, input: InputOf<'memos.save'>): Memo {
  if (input.noteJson !== null) assertLexicalState(input.noteJson);
  return writeTransaction(ctx.db, () => {
    const documentId = documentOf(ctx, input);
    const now = ctx.now();
    const existing = repo.getMemo(ctx.db, documentId);
    if (existing) repo.updateMemo(ctx.db, existing.id, input.noteJson, input.noteText, now);
    else repo.insertMemo(ctx.db, { id: ctx.newId(), documentId, noteJson: input.noteJson, noteText: input.noteText, author: ctx.userId, now });
    return repo.getMemo(ctx.db, documentId)!;
  });
}
