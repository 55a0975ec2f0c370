// The backend's implementation of every contract channel. Inputs arrive already validated.
import type { Handlers } from '../../shared/contract';
import * as annotationsRepo from './repos/annotations';
import * as documentsRepo from './repos/documents';
import * as themesRepo from './repos/themes';
import * as annotations from './services/annotations';
import type { ServiceContext } from './services/context';
import { getDocumentOrThrow } from './services/documents';
import * as edits from './services/documentEdits';
import { importBytes, importPastedText } from './services/imports';
import { listCollections } from './repos/collections';
import { CLEANING_RULES } from './import/clean';
import * as themes from './services/themes';
import { exportFile, markdownExport } from './services/export';
import type { SearchService } from './services/search';

export function createHandlers(ctx: ServiceContext, search: SearchService): Handlers {
  return {
    'library.info': () => ({ libraryDir: ctx.libraryDir, author: ctx.userName, documentCount: documentsRepo.countDocuments(ctx.db) }),
    'documents.list': () => documentsRepo.listDocuments(ctx.db),
    'documents.get': ({ id }) => getDocumentOrThrow(ctx, id),
    'documents.updateMetadata': (input) => edits.updateMetadata(ctx, input),
    'documents.restoreSpan': ({ id, spanId }) => edits.restoreSpan(ctx, id, spanId),
    'documents.split': ({ id, at, title }) => edits.splitDocument(ctx, id, at, title),
    'documents.mergeWithNext': ({ id }) => edits.mergeWithNext(ctx, id),
    'documents.delete': ({ id }) => edits.deleteDocument(ctx, id),
    'documents.restore': ({ id }) => edits.restoreDocument(ctx, id),
    'collections.list': () => listCollections(ctx.db),

    'import.rules': () => [...CLEANING_RULES.map((r) => ({ id: r.id, removes: !r.flagsOnly })), { id: 'article-markers' as const, removes: true }],
    'import.file': ({ name, data, options }) => importBytes(ctx, Buffer.from(data, 'base64'), name, options),
    'import.text': ({ text, title, options }) => importPastedText(ctx, text, title, options),

    'themes.list': () => themesRepo.listThemes(ctx.db),
    'themes.create': (input) => themes.createTheme(ctx, input),
    'themes.update': (input) => themes.updateTheme(ctx, input),
    'themes.delete': ({ id }) => themes.deleteTheme(ctx, id),
    'themes.restore': ({ id }) => themes.restoreTheme(ctx, id),
    'themes.examples': () => themes.EXAMPLE_CODEBOOK,
    'themes.addExamples': () => themes.addExampleThemes(ctx),

    'annotations.list': (filter) => annotationsRepo.listAnnotations(ctx.db, filter),
    'annotations.create': (input) => annotations.createAnnotation(ctx, input),
    'annotations.updateNote': (input) => annotations.updateNote(ctx, input),
    'annotations.addTheme': ({ id, themeId }) => annotations.addTheme(ctx, id, themeId),
    'annotations.removeTheme': ({ id, themeId }) => annotations.removeTheme(ctx, id, themeId),
    'annotations.delete': ({ id }) => annotations.deleteAnnotation(ctx, id),
    'annotations.restore': ({ id }) => annotations.restoreAnnotation(ctx, id),

    'search.query': (input) => search.query(input),
    'search.reindex': () => search.reindex(),

    'export.markdown': (input) => markdownExport(ctx, input),
    'export.file': (input) => exportFile(ctx, input),
  };
}
