// Highlights as passages a reader can judge out of their document: title, source, date,
// paragraph number and about 30 characters of context from the current text.
import type { Annotation, CodedPassage } from '../../../shared/domain';
import { paragraphIndexAt, paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { passageSources } from '../repos/passages';
import { kwic } from '../search/kwic';
import type { ServiceContext } from './context';

export const PASSAGE_CONTEXT = 30;

export function toPassages(ctx: ServiceContext, annotations: Annotation[]): CodedPassage[] {
  const sources = passageSources(ctx.db, [...new Set(annotations.map((a) => a.documentId))]);
  const starts = new Map<string, number[]>();
  return annotations.map((annotation) => {
    const doc = sources.get(annotation.documentId)!;
    let paragraphs = starts.get(doc.id);
    if (!paragraphs) starts.set(doc.id, (paragraphs = paragraphStarts(splitParagraphs(doc.text))));
    const { before, after } = kwic(doc.text, annotation.start, annotation.end, PASSAGE_CONTEXT);
    return {
      annotation,
      documentTitle: doc.title,
      source: doc.source,
      publishedAt: doc.publishedAt,
      paragraph: paragraphIndexAt(paragraphs, annotation.start) + 1,
      before,
      after,
    };
  });
}
