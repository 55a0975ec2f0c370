// Highlights as W3C Web Annotations (JSON-LD): one AnnotationCollection whose first page holds every
// annotation. The target is the document (urn:uuid) with a quote selector and a position selector
// in Unicode code points; themes are `tagging` bodies (their codebook path) and the note a
// `commenting` body.
import type { Annotation, DocumentSummary, ExportFile } from '../../../../shared/domain';
import { listThemes } from '../../repos/themes';
import { userNames } from '../../repos/users';
import type { ServiceContext } from '../../services/context';
import { codePointIndex, type CodePointIndex } from '../codePoints';
import type { ExportProgress } from '../progress';
import { loadSelection } from '../selection';
import { themePathLookup, type ThemePathOf } from '../themePaths';
import type { ExportRequest, ExportWriter } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const urn = (uuid: string) => `urn:uuid:${uuid}`;

function body(a: Annotation, pathOf: ThemePathOf): object[] {
  const tags = a.themeIds
    .map((id) => pathOf(id).join('/'))
    .filter(Boolean)
    .map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
  const note = a.noteText.trim() ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: a.noteText }] : [];
  return [...tags, ...note];
}

function annotation(a: Annotation, doc: DocumentSummary, cp: CodePointIndex, pathOf: ThemePathOf, names: Map<string, string>): object {
  const quote: Record<string, string> = { type: 'TextQuoteSelector', exact: a.exact };
  if (a.prefix) quote.prefix = a.prefix;
  if (a.suffix) quote.suffix = a.suffix;
  return {
    id: urn(a.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: a.createdAt,
    modified: a.modifiedAt,
    creator: { id: urn(a.author), type: 'Person', name: names.get(a.author) ?? a.author },
    body: body(a, pathOf),
    target: {
      source: urn(doc.id),
      // The page the text came from; positions count on Pizhu's text of it, not on the live page.
      ...(doc.url ? { scope: doc.url } : {}),
      selector: [quote, { type: 'TextPositionSelector', start: cp.toCodePoint(a.start), end: cp.toCodePoint(a.end) }],
    },
  };
}

function write(ctx: ServiceContext, request: ExportRequest, progress: ExportProgress): ExportFile {
  const selection = loadSelection(ctx, request);
  progress.expect(selection.excerpts.length);
  const pathOf = themePathLookup(listThemes(ctx.db));
  const names = userNames(ctx.db);
  const indexes = new Map([...selection.texts].map(([id, text]) => [id, codePointIndex(text)]));
  const items = selection.excerpts.map((e) => {
    progress.excerpt();
    return annotation(e.annotation, e.document, indexes.get(e.document.id)!, pathOf, names);
  });
  const collection = {
    '@context': ANNO_CONTEXT,
    id: urn(ctx.newId()),
    type: 'AnnotationCollection',
    label: `批注 Pizhu highlights, ${selection.exportedAt.slice(0, 10)}`,
    total: items.length,
    generator: { type: 'Software', name: '批注 Pizhu' },
    generated: selection.exportedAt,
    first: { id: urn(ctx.newId()), type: 'AnnotationPage', startIndex: 0, items },
  };
  return {
    data: JSON.stringify(collection, null, 2) + '\n',
    encoding: 'utf-8',
    mime: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    suggestedName: `pizhu-annotations-${selection.exportedAt.slice(0, 10)}.jsonld`,
    warnings: items.length ? [] : ['No highlights in the selection: the collection is empty.'],
  };
}

export const jsonldWriter: ExportWriter = { format: 'jsonld', write };
