// From an analysis view to the passage in the reader: the search panel's open-and-flash, with the highlight selected.
import type { CodedPassage } from '../../../shared/domain';
import { openSearchHit } from '../search/actions';
import { useStore } from '../store';

export async function openPassage(p: CodedPassage): Promise<void> {
  const a = p.annotation;
  useStore.getState().closeAnalysis(true);
  await openSearchHit({ documentId: a.documentId, start: a.start, end: a.end, before: p.before, match: a.exact, after: p.after, annotationId: a.id }, 'highlights');
}
