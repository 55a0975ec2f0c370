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
import { wordPreview } from './export/word/wordExport';
import { importQdpx } from './services/qdpxImport';
import type { SearchService } from './services/search';
import * as analysis from './services/analysis';
import { autocode } from './services/autocode';
import * as codebook from './services/codebook';
import * as memos from './services/memos';
import * as retrieval from './services/retrieval';
import * as revisions from './services/revisions';
import * as drafts from './services/drafts';
import { jobHandlers } from './jobs/handlers';
import { backupHandlers, type LibraryControl } from './backup';
import type { JobRunner } from './jobs/runner';
import type { FileGrants } from './fileGrants';
import * as preferences from './services/preferences';

export function createHandlers(ctx: ServiceContext, search: SearchService, jobs: JobRunner, control: LibraryControl, grants: FileGrants): Handlers {
  return {
    ...jobHandlers(jobs, grants),
    ...backupHandlers(control, grants),
    'library.info': () => ({ libraryDir: ctx.libraryDir, author: ctx.userName, documentCount: documentsRepo.countDocuments(ctx.db) }),
    'documents.list': () => documentsRepo.listDocuments(ctx.db),
    'documents.summaries': ({ ids }) => documentsRepo.listDocumentsByIds(ctx.db, ids),
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
    'themes.delete': ({ id, mode }) => themes.deleteTheme(ctx, id, mode),
    'themes.restore': ({ id, change }) => themes.restoreTheme(ctx, id, change),
    'themes.move': ({ id, parentId, index }) => themes.moveTheme(ctx, id, parentId, index),
    'themes.merge': ({ sourceId, targetId }) => themes.mergeTheme(ctx, sourceId, targetId),
    'themes.setMemo': ({ id, memoJson, memoText }) => themes.setThemeMemo(ctx, id, memoJson, memoText),
    'themes.setPinned': ({ id, slot }) => themes.setThemePinned(ctx, id, slot),
    'themes.setQuestions': ({ id, questions }) => themes.setThemeQuestions(ctx, id, questions),
    'codebook.export': ({ format }) => codebook.exportCodebook(ctx, format),
    'codebook.import': ({ format, content }) => codebook.importCodebook(ctx, format, content),
    'themes.examples': () => themes.EXAMPLE_CODEBOOK,
    'themes.addExamples': () => themes.addExampleThemes(ctx),

    'annotations.list': (filter) => annotationsRepo.listAnnotations(ctx.db, filter),
    'annotations.create': (input) => annotations.createAnnotation(ctx, input),
    'annotations.updateNote': (input) => annotations.updateNote(ctx, input),
    'annotations.addTheme': ({ id, themeId }) => annotations.addTheme(ctx, id, themeId),
    'annotations.removeTheme': ({ id, themeId }) => annotations.removeTheme(ctx, id, themeId),
    'annotations.delete': ({ id }) => annotations.deleteAnnotation(ctx, id),
    'annotations.restore': ({ id }) => annotations.restoreAnnotation(ctx, id),
    'annotations.deleteMany': ({ ids }) => annotations.deleteAnnotations(ctx, ids),
    'annotations.restoreMany': ({ ids }) => annotations.restoreAnnotations(ctx, ids),
    'annotations.query': (input) => retrieval.queryPassages(ctx, input),
    'retrieve.coded': (input) => retrieval.retrieveCoded(ctx, input),
    'annotations.autocode': (input) => autocode(ctx, search, input),

    'memos.get': (input) => memos.getMemo(ctx, input),
    'memos.save': (input) => memos.saveMemo(ctx, input),

    'analysis.frequency': ({ documentId }) => analysis.themeFrequency(ctx, documentId),
    'analysis.cooccurrence': (input) => analysis.cooccurrence(ctx, input),
    'analysis.cooccurrencePassages': (input) => analysis.cooccurrencePassages(ctx, input),
    'analysis.terms': (input) => analysis.termSeries(ctx, search, input),
    'analysis.words': (input) => analysis.wordFrequency(ctx, input),
    'analysis.stopwords': () => analysis.stopwords(ctx),
    'analysis.setStopwords': ({ words }) => analysis.setStopwords(ctx, words),

    'search.query': (input) => search.query(input),
    'search.reindex': () => search.reindex(),

    'export.markdown': (input) => markdownExport(ctx, input),
    'export.file': (input) => exportFile(ctx, input),
    'export.preview': (input) => wordPreview(ctx, input.format === 'handout' ? 'handout' : 'notes', input),
    'import.qdpx': ({ data }) => importQdpx(ctx, Buffer.from(data, 'base64')),

    'documents.revise': (input) => revisions.reviseDocument(ctx, input),
    'documents.reviseFromFile': ({ id, name, data, options }) => revisions.reviseFromFile(ctx, id, Buffer.from(data, 'base64'), name, options),
    'versions.list': ({ documentId }) => revisions.listVersions(ctx, documentId),
    'versions.get': ({ documentId, number }) => revisions.getVersion(ctx, documentId, number),
    'versions.restore': ({ documentId, number }) => revisions.restoreVersion(ctx, documentId, number),
    'annotations.orphans': ({ documentId }) => revisions.listOrphans(ctx, documentId),
    'annotations.reattach': (input) => revisions.reattach(ctx, input),
    'drafts.get': ({ documentId }) => drafts.getDraft(ctx, documentId),
    'drafts.save': (input) => drafts.saveDraft(ctx, input),
    'drafts.discard': ({ documentId }) => drafts.discardDraft(ctx, documentId),
    'drafts.restore': (input) => drafts.restoreDraft(ctx, input),

    'preferences.get': () => preferences.getPreferences(ctx),
    'preferences.set': (input) => preferences.setPreferences(ctx, input),
  };
}
