// Everything a REFI-QDA project export holds, read from the library: unlike study notes it covers
// documents without highlights, and each document's full record (marks, removed text, memo).
import { createHash } from 'node:crypto';
import type { DocumentRecord, Memo } from '../../../../shared/domain';
import { listAnnotations } from '../../repos/annotations';
import { listCollections } from '../../repos/collections';
import { getDocument, listDocuments } from '../../repos/documents';
import { getMemo } from '../../repos/memos';
import { listThemes } from '../../repos/themes';
import { userNames } from '../../repos/users';
import type { ServiceContext } from '../../services/context';
import type { ExportRequest } from '../formats/types';
import type { PizhuExtensions } from './extensions';
import type { ProjectInput } from './project';

export const PIZHU_ORIGIN = '批注 Pizhu';

export function loadProject(ctx: ServiceContext, request: Pick<ExportRequest, 'documentIds' | 'themeIds'>): ProjectInput {
  const docFilter = request.documentIds?.length ? new Set(request.documentIds) : null;
  const themeFilter = request.themeIds?.length ? new Set(request.themeIds) : null;
  const documents = listDocuments(ctx.db)
    .filter((d) => !docFilter || docFilter.has(d.id))
    .map((d) => getDocument(ctx.db, d.id))
    .filter((d): d is DocumentRecord => Boolean(d));
  const inScope = new Set(documents.map((d) => d.id));
  const annotations = listAnnotations(ctx.db).filter(
    (a) => inScope.has(a.documentId) && (!themeFilter || a.themeIds.some((id) => themeFilter.has(id))),
  );
  const documentMemos = new Map<string, Memo>();
  for (const d of documents) {
    const m = getMemo(ctx.db, d.id);
    if (m) documentMemos.set(d.id, m);
  }
  const exportedAt = ctx.now();
  return {
    name: `${PIZHU_ORIGIN} ${exportedAt.slice(0, 10)}`,
    origin: PIZHU_ORIGIN,
    exportedAt,
    userId: ctx.userId,
    users: userNames(ctx.db),
    themes: listThemes(ctx.db),
    documents,
    annotations,
    collections: listCollections(ctx.db),
    projectMemo: getMemo(ctx.db, null) ?? null,
    documentMemos,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function buildExtensions(p: ProjectInput): PizhuExtensions {
  const memos = [p.projectMemo, ...p.documentMemos.values()].filter((m): m is Memo => Boolean(m));
  return {
    format: 'pizhu-qdpx-extensions',
    version: 1,
    documents: Object.fromEntries(
      p.documents.map((d) => [
        d.id,
        {
          textSha256: sha256(d.text),
          script: d.script,
          marks: d.marks,
          removed: d.removed.map((r) => ({ id: r.id, position: r.position, text: r.text, rule: r.rule, sourceOffset: r.sourceOffset })),
        },
      ]),
    ),
    themes: Object.fromEntries(
      p.themes.map((t) => [
        t.id,
        {
          sortOrder: t.sortOrder,
          memoJson: t.memoJson ?? null,
          memoText: t.memoText ?? '',
          pinned: t.pinned ?? null,
          questions: t.questions ?? '',
          author: t.author,
          createdAt: t.createdAt,
          modifiedAt: t.modifiedAt,
        },
      ]),
    ),
    annotations: Object.fromEntries(p.annotations.filter((a) => a.noteText || a.noteJson).map((a) => [a.id, { noteText: a.noteText, noteJson: a.noteJson }])),
    memos: Object.fromEntries(memos.map((m) => [m.id, { noteText: m.noteText, noteJson: m.noteJson }])),
  };
}
