import type { DocumentRecord } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import * as repo from '../repos/documents';
import type { ServiceContext } from './context';

export function getDocumentOrThrow(ctx: ServiceContext, id: string): DocumentRecord {
  const doc = repo.getDocument(ctx.db, id);
  if (!doc) throw new PizhuError('not_found', `No document ${id}`);
  return doc;
}
