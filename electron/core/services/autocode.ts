// Auto-code: every occurrence of a search across the library gets a theme, in one write
// transaction. The search service finds the occurrences (simplified and traditional alike unless
// folding is off); an occurrence inside a highlight that has the theme is left alone, a highlight on
// exactly the occurrence gains the theme, anywhere else a new highlight is made.
import type { InputOf } from '../../../shared/contract';
import type { AutocodeResult, SearchHit } from '../../../shared/domain';
import { makeAnchor } from '../../../shared/offsets';
import { writeTransaction } from '../db/connection';
import * as annotations from '../repos/annotations';
import { passageSources } from '../repos/passages';
import type { ServiceContext } from './context';
import type { SearchService } from './search';
import { getThemeOrThrow } from './themes';

/** Enough lines for every occurrence: the search's own limit is for what a person reads. */
const ALL_OCCURRENCES = 10_000_000;

export async function autocode(ctx: ServiceContext, search: SearchService, input: InputOf<'annotations.autocode'>): Promise<AutocodeResult> {
  getThemeOrThrow(ctx, input.themeId);
  const result = await search.query({ query: input.query, fold: input.fold ?? true, documentIds: input.documentIds, limit: ALL_OCCURRENCES });
  const hits = result.groups.flatMap((g) => g.hits);
  return writeTransaction(ctx.db, () => codeOccurrences(ctx, hits, input.themeId));
}

function codeOccurrences(ctx: ServiceContext, hits: SearchHit[], themeId: string): AutocodeResult {
  getThemeOrThrow(ctx, themeId);
  const documentIds = [...new Set(hits.map((h) => h.documentId))];
  const texts = passageSources(ctx.db, documentIds);
  const existing = groupByDocument(annotations.liveRangesCodedWith(ctx.db, documentIds, themeId));
  const write = annotations.bulkWriter(ctx.db);
  const now = ctx.now();
  const out: AutocodeResult = { createdIds: [], alreadyCoded: 0, taggedIds: [] };
  for (const hit of hits) {
    const text = texts.get(hit.documentId)?.text;
    // The text changed between the search and now: this occurrence is no longer there.
    if (text === undefined || text.slice(hit.start, hit.end) !== hit.match) continue;
    const ranges = existing.get(hit.documentId) ?? [];
    const covering = ranges.filter((r) => r.start <= hit.start && r.end >= hit.end);
    if (covering.some((r) => r.coded)) {
      out.alreadyCoded++;
      continue;
    }
    const exact = covering.find((r) => r.start === hit.start && r.end === hit.end);
    if (exact) {
      write.link(exact.id, themeId, now);
      write.touch(exact.id, now);
      exact.coded = true;
      out.taggedIds.push(exact.id);
      continue;
    }
    const id = ctx.newId();
    write.insert({ ...makeAnchor(text, hit.start, hit.end), id, documentId: hit.documentId, author: ctx.userId, now });
    write.link(id, themeId, now);
    // Later occurrences inside this one (a query matching overlapping text) count as coded.
    ranges.push({ id, documentId: hit.documentId, start: hit.start, end: hit.end, coded: true });
    out.createdIds.push(id);
  }
  return out;
}

function groupByDocument(ranges: annotations.CodedRange[]): Map<string, annotations.CodedRange[]> {
  const out = new Map<string, annotations.CodedRange[]>();
  for (const r of ranges) {
    const list = out.get(r.documentId);
    if (list) list.push(r);
    else out.set(r.documentId, [r]);
  }
  return out;
}
