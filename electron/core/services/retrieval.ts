// The annotations panel (one document or the library, filtered, sorted, paged) and coded
// retrieval (passages coded with all or any of some themes). A theme stands for itself and,
// unless asked otherwise, its sub-themes at any depth.
import type { InputOf } from '../../../shared/contract';
import type { Annotation, AnnotationPage, CodedPassage } from '../../../shared/domain';
import {
  annotationsByIds,
  countLiveAnnotations,
  countLiveLinked,
  documentOrder,
  liveAnnotationsIn,
  matchingAnnotations,
  pageByTime,
  type AnnotationKey,
  type AnnotationQuery,
  type PageSpan,
} from '../repos/annotations';
import { themeParents } from '../repos/themes';
import type { ServiceContext } from './context';
import { toPassages } from './passages';
import { getThemeOrThrow } from './themes';

export const DEFAULT_PAGE = 200;

/** Each theme with its live sub-themes at any depth. */
export function themeWithSubthemes(ctx: ServiceContext, themeIds: readonly string[], includeSubthemes = true): string[][] {
  for (const id of themeIds) getThemeOrThrow(ctx, id);
  if (!includeSubthemes) return themeIds.map((id) => [id]);
  const children = new Map<string, string[]>();
  for (const [id, parent] of themeParents(ctx.db)) {
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  return themeIds.map((root) => {
    const out = [root];
    for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
    return out;
  });
}

/** Matching highlights in document order (the library's list order, then position), as records. */
export function annotationsInOrder(ctx: ServiceContext, q: AnnotationQuery): Annotation[] {
  return annotationsByIds(ctx.db, sortKeys(ctx, matchingAnnotations(ctx.db, q), 'position').map((k) => k.id));
}

function sortKeys(ctx: ServiceContext, keys: AnnotationKey[], sort: 'position' | 'time'): AnnotationKey[] {
  if (sort === 'time') return keys.sort((a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id));
  const rank = new Map(documentOrder(ctx.db).map((id, i) => [id, i]));
  return keys.sort(byPosition(rank));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPosition(rank: Map<string, number>) {
  return (a: AnnotationKey, b: AnnotationKey) =>
    rank.get(a.documentId)! - rank.get(b.documentId)! || a.start - b.start || a.end - b.end || compare(a.id, b.id);
}

/**
 * One page in document order without reading every match: documents are walked in list order,
 * a growing batch at a time, until the page is full. A page past the middle is found walking
 * back from the last document, so the last page costs what the first does.
 */
function pageByPosition(ctx: ServiceContext, themeIds: string[] | null, page: PageSpan): string[] {
  const forward = documentOrder(ctx.db);
  const ordered = byPosition(new Map(forward.map((id, i) => [id, i])));
  const documents = page.fromEnd ? [...forward].reverse() : forward;
  const take = page.end - page.offset;
  const skip = page.fromEnd ? page.total - page.end : page.offset;
  const found: AnnotationKey[] = [];
  for (let at = 0, batch = 64; at < documents.length && found.length < skip + take; at += batch, batch *= 4) {
    const keys = liveAnnotationsIn(ctx.db, documents.slice(at, at + batch), themeIds);
    found.push(...keys.sort(page.fromEnd ? (a, b) => ordered(b, a) : ordered));
  }
  const ids = found.slice(skip, skip + take).map((k) => k.id);
  return page.fromEnd ? ids.reverse() : ids;
}

function pageSpan(offset: number, limit: number, total: number): PageSpan {
  const end = Math.min(offset + limit, total);
  return { offset, end, total, fromEnd: total - offset < end };
}

export function queryPassages(ctx: ServiceContext, input: InputOf<'annotations.query'>): AnnotationPage {
  const groups = input.themeIds?.length ? themeWithSubthemes(ctx, input.themeIds, input.includeSubthemes ?? true) : undefined;
  // Several themes in the panel's filter: any of them.
  const themeIds = groups ? [...new Set(groups.flat())] : null;
  const sort = input.sort ?? 'position';
  const limit = input.limit ?? DEFAULT_PAGE;
  const offset = input.offset ?? 0;
  const author = input.author?.trim() || undefined;
  const onlyThemes = !input.documentId && !author && input.hasNote === undefined && !input.createdFrom && !input.createdTo;
  if (onlyThemes) {
    // The library panel, filtered by theme or not: counted from the indexes. Walking the library in
    // order to fill a page reads about (offset + limit) × all / matches highlights, reading every
    // match reads `matches`: walk when that is cheaper (a common theme, an early page).
    const total = countLiveLinked(ctx.db, themeIds);
    const all = themeIds ? countLiveAnnotations(ctx.db) : total;
    if (offset >= total) return { total, items: [] };
    const page = pageSpan(offset, limit, total);
    const reach = page.fromEnd ? total - offset : page.end;
    if (total * total > reach * all) {
      const ids = sort === 'time' ? pageByTime(ctx.db, themeIds, page) : pageByPosition(ctx, themeIds, page);
      return { total, items: toPassages(ctx, annotationsByIds(ctx.db, ids)) };
    }
  }
  const keys = matchingAnnotations(ctx.db, {
    documentId: input.documentId,
    themeGroups: themeIds ? [themeIds] : undefined,
    authorName: author,
    hasNote: input.hasNote,
    createdFrom: input.createdFrom,
    createdTo: input.createdTo,
  });
  const ids = sortKeys(ctx, keys, sort)
    .slice(offset, offset + limit)
    .map((k) => k.id);
  return { total: keys.length, items: toPassages(ctx, annotationsByIds(ctx.db, ids)) };
}

export function retrieveCoded(ctx: ServiceContext, input: InputOf<'retrieve.coded'>): CodedPassage[] {
  const groups = themeWithSubthemes(ctx, [...new Set(input.themeIds)], input.includeSubthemes ?? true);
  const themeGroups = input.mode === 'all' ? groups : [[...new Set(groups.flat())]];
  return toPassages(ctx, annotationsInOrder(ctx, { themeGroups }));
}
