// The IPC contract, declared once. Main registers a handler per key, preload and the
// HTTP test transport expose the same keys, the renderer calls them through `Api`.
import { z } from 'zod';
import type {
  Annotation,
  AnnotationPage,
  AutocodeResult,
  CodedPassage,
  CooccurrenceMatrix,
  ExportFile,
  Memo,
  TermSeries,
  ThemeChange,
  ThemeCount,
  WordFrequency,
  BackupInfo,
  JobInfo,
  LibraryArchiveImport,
  LibraryHealth,
  Preferences,
  DocumentVersion,
  DocumentDraft,
  DraftStatus,
  OrphanAnnotation,
  RevisionReport,
  CleaningRuleInfo,
  Collection,
  DocumentRecord,
  DocumentSummary,
  ExampleTheme,
  ImportFileResult,
  SearchResult,
  Theme,
} from './domain';
import { CLEANING_RULE_IDS, MAX_IMPORT_BYTES } from './importLimits';

const id = z.string().uuid();
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const offset = z.number().int().min(0).max(50_000_000);
const name = z.string().trim().min(1).max(200);
/** A file the user chose in a native dialog, as the token the shell gave for it (electron/core/fileGrants.ts). */
const fileToken = z.string().regex(/^[\w-]{16,64}$/);

// Curried so that the output type is given and the input schema's type is inferred.
function ch<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

const noInput = z.object({});

const importOptions = z
  .object({
    disabledRules: z.array(z.enum(CLEANING_RULE_IDS)).max(20).optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5']).optional(),
    split: z.boolean().optional(),
  })
  .optional();
const metaText = z.string().trim().max(500).nullable().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const handoutOptions = z.object({
  title: z.string().max(200).optional(),
  unit: z.string().max(200).optional(),
  date: isoDate.optional(),
  includeQuestions: z.boolean().optional(),
  includeToc: z.boolean().optional(),
});

const exportFileInput = z.object({
    format: z.enum(['md', 'docx', 'handout', 'qdpx', 'qdc', 'jsonld', 'csv']),
    by: z.enum(['theme', 'document']).optional(),
    themeIds: z.array(id).max(1_000).optional(),
    documentIds: z.array(id).max(10_000).optional(),
    /** Only these highlights (a coded retrieval's AND result); narrows themeIds/documentIds further. */
    annotationIds: z.array(id).max(100_000).optional(),
    /** Markdown: one file, or a zip with one file per document. */
    splitByDocument: z.boolean().optional(),
    /** Word: official-document style (GB/T 9704-like fonts and numbering) or plain. */
    style: z.enum(['official', 'plain']).optional(),
    colorHighlights: z.boolean().optional(),
    handout: handoutOptions.optional(),
  });

export const contract = {
  'library.info': ch<{ libraryDir: string; author: string; documentCount: number }>()(noInput),
  'documents.list': ch<DocumentSummary[]>()(noInput),
  /** The live ones of these documents, as the list shows them: what changed after a highlight, without the whole library. */
  'documents.summaries': ch<DocumentSummary[]>()(z.object({ ids: z.array(id).max(10_000) })),
  'documents.get': ch<DocumentRecord>()(z.object({ id })),
  'documents.updateMetadata': ch<DocumentSummary>()(
    z.object({ id, title: name.optional(), source: metaText, byline: metaText, editor: metaText, url: metaText, publishedAt: isoDate.nullable().optional() }),
  ),
  /** Puts a removed span back; highlights after it shift by its length. */
  'documents.restoreSpan': ch<DocumentRecord>()(z.object({ id, spanId: id })),
  /** Splits a document at a paragraph start; the second part becomes a new document. */
  'documents.split': ch<{ first: DocumentSummary; second: DocumentSummary }>()(z.object({ id, at: offset, title: name.optional() })),
  /** Appends the next document of the same collection (or of the list) to this one. */
  'documents.mergeWithNext': ch<DocumentRecord>()(z.object({ id })),
  'documents.delete': ch<{ id: string }>()(z.object({ id })),
  'documents.restore': ch<DocumentSummary>()(z.object({ id })),
  'collections.list': ch<Collection[]>()(noInput),

  'import.rules': ch<CleaningRuleInfo[]>()(noInput),
  /** One file's bytes, base64; the renderer loops over files to show progress and allow cancel. */
  'import.file': ch<ImportFileResult>()(
    z.object({ name: z.string().min(1).max(1000), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4), options: importOptions }),
  ),
  'import.text': ch<ImportFileResult>()(z.object({ text: z.string().min(1).max(MAX_IMPORT_BYTES), title: name.optional(), options: importOptions })),

  'search.query': ch<SearchResult>()(
    z.object({
      query: z.string().trim().min(1).max(500),
      /** Simplified/traditional folding (default on). */
      fold: z.boolean().optional(),
      scope: z.enum(['text', 'highlights', 'notes']).optional(),
      documentIds: z.array(id).max(10_000).optional(),
      collectionIds: z.array(id).max(1_000).optional(),
      themeIds: z.array(id).max(1_000).optional(),
      dateFrom: isoDate.optional(),
      dateTo: isoDate.optional(),
      sort: z.enum(['relevance', 'date']).optional(),
      /** KWIC lines returned (the total is always exact). */
      limit: z.number().int().min(1).max(2_000).optional(),
    }),
  ),
  'search.reindex': ch<{ documents: number; elapsedMs: number }>()(noInput),

  'themes.list': ch<Theme[]>()(noInput),
  'themes.create': ch<Theme>()(
    z.object({ name, color: color.optional(), description: z.string().max(10_000).optional(), parentId: id.nullable().optional() }),
  ),
  'themes.update': ch<Theme>()(
    z.object({ id, name: name.optional(), color: color.optional(), description: z.string().max(10_000).optional() }),
  ),
  /** Deletes a theme (and its sub-themes); `mode` says what happens to its highlights. Undo with themes.restore + the change. */
  'themes.delete': ch<ThemeChange>()(z.object({ id, mode: z.enum(['untag', 'moveToParent', 'deleteHighlights']).optional() })),
  'themes.restore': ch<Theme>()(
    z.object({
      id,
      /** The change themes.delete or themes.merge returned, to undo it exactly. */
      change: z
        .object({
          themeId: id,
          addedLinks: z.array(z.object({ annotationId: id, themeId: id })).max(1_000_000),
          deletedAnnotationIds: z.array(id).max(1_000_000),
          movedThemeIds: z.array(id).max(100_000).optional(),
        })
        .optional(),
    }),
  ),
  /** Nests a theme under another (or at the top) at a position among its siblings. */
  'themes.move': ch<Theme[]>()(z.object({ id, parentId: id.nullable(), index: z.number().int().min(0).max(100_000) })),
  /** Moves every highlight of `sourceId` to `targetId` and deletes the source; undo with themes.restore(source, change). */
  'themes.merge': ch<ThemeChange>()(z.object({ sourceId: id, targetId: id })),
  'themes.setMemo': ch<Theme>()(z.object({ id, memoJson: z.string().max(5_000_000).nullable(), memoText: z.string().max(1_000_000) })),
  'themes.setPinned': ch<Theme[]>()(z.object({ id, slot: z.number().int().min(1).max(9).nullable() })),
  'themes.setQuestions': ch<Theme>()(z.object({ id, questions: z.string().max(20_000) })),
  'codebook.export': ch<{ content: string; suggestedName: string }>()(z.object({ format: z.enum(['json', 'csv']) })),
  'codebook.import': ch<{ created: number; updated: number; warnings: string[] }>()(
    z.object({ format: z.enum(['json', 'csv']), content: z.string().min(1).max(10_000_000) }),
  ),
  'themes.examples': ch<ExampleTheme[]>()(noInput),
  'themes.addExamples': ch<Theme[]>()(noInput),

  'annotations.list': ch<Annotation[]>()(z.object({ documentId: id.optional(), themeId: id.optional() })),
  'annotations.create': ch<Annotation>()(
    z.object({ documentId: id, start: offset, end: offset, themeIds: z.array(id).max(100) }),
  ),
  'annotations.updateNote': ch<Annotation>()(
    z.object({ id, noteJson: z.string().max(5_000_000).nullable(), noteText: z.string().max(1_000_000) }),
  ),
  'annotations.addTheme': ch<Annotation>()(z.object({ id, themeId: id })),
  'annotations.removeTheme': ch<Annotation>()(z.object({ id, themeId: id })),
  'annotations.delete': ch<Annotation>()(z.object({ id })),
  'annotations.restore': ch<Annotation>()(z.object({ id })),
  'annotations.deleteMany': ch<{ ids: string[] }>()(z.object({ ids: z.array(id).max(1_000_000) })),
  'annotations.restoreMany': ch<{ ids: string[] }>()(z.object({ ids: z.array(id).max(1_000_000) })),
  /** The annotations panel: one document or the library, filtered and sorted, with context. */
  'annotations.query': ch<AnnotationPage>()(
    z.object({
      documentId: id.optional(),
      themeIds: z.array(id).max(1_000).optional(),
      /** Count a theme's sub-themes as the theme (default true). */
      includeSubthemes: z.boolean().optional(),
      author: z.string().max(200).optional(),
      hasNote: z.boolean().optional(),
      createdFrom: isoDate.optional(),
      createdTo: isoDate.optional(),
      sort: z.enum(['position', 'time']).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ),
  /** Coded retrieval: passages coded with all (AND) or any (OR) of the themes, across the library. */
  'retrieve.coded': ch<CodedPassage[]>()(
    z.object({ themeIds: z.array(id).min(1).max(100), mode: z.enum(['all', 'any']), includeSubthemes: z.boolean().optional() }),
  ),
  /** Codes every occurrence of a search with a theme in one transaction; undo with annotations.deleteMany + removeTheme. */
  'annotations.autocode': ch<AutocodeResult>()(
    z.object({ query: z.string().trim().min(1).max(500), themeId: id, fold: z.boolean().optional(), documentIds: z.array(id).max(10_000).optional() }),
  ),

  'memos.get': ch<Memo | null>()(z.object({ scope: z.enum(['document', 'project']), documentId: id.optional() })),
  'memos.save': ch<Memo>()(
    z.object({ scope: z.enum(['document', 'project']), documentId: id.optional(), noteJson: z.string().max(5_000_000).nullable(), noteText: z.string().max(1_000_000) }),
  ),

  'analysis.frequency': ch<ThemeCount[]>()(z.object({ documentId: id.optional() })),
  'analysis.cooccurrence': ch<CooccurrenceMatrix>()(z.object({ themeIds: z.array(id).max(500).optional(), mode: z.enum(['same', 'overlap']).optional() })),
  'analysis.cooccurrencePassages': ch<CodedPassage[]>()(z.object({ a: id, b: id, mode: z.enum(['same', 'overlap']).optional() })),
  'analysis.terms': ch<TermSeries[]>()(z.object({ terms: z.array(z.string().trim().min(1).max(100)).min(1).max(20), fold: z.boolean().optional() })),
  'analysis.words': ch<WordFrequency>()(
    z.object({ documentId: id.optional(), themeId: id.optional(), top: z.number().int().min(1).max(5_000).optional() }),
  ),
  'analysis.stopwords': ch<string[]>()(noInput),
  'analysis.setStopwords': ch<string[]>()(z.object({ words: z.array(z.string().trim().min(1).max(50)).max(20_000) })),

  /** Every export format through one channel; options apply where the format has them. */
  'export.file': ch<ExportFile>()(exportFileInput),
  /** The first page of a Word export or handout as sanitised HTML, for the dialog's live preview. */
  'export.preview': ch<{ html: string }>()(
    z.object({
      format: z.enum(['docx', 'handout']),
      by: z.enum(['theme', 'document']).optional(),
      themeIds: z.array(id).max(1_000).optional(),
      documentIds: z.array(id).max(10_000).optional(),
      style: z.enum(['official', 'plain']).optional(),
      colorHighlights: z.boolean().optional(),
      handout: handoutOptions.optional(),
      /** Every page (to print the handout) instead of the first page of each part. */
      all: z.boolean().optional(),
    }),
  ),
  /** A REFI-QDA project (.qdpx, base64) back into the library. */
  'import.qdpx': ch<{ documents: number; themes: number; annotations: number; warnings: string[] }>()(
    z.object({ data: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) }),
  ),

  // ---- Durability, long work and preferences (issue 7) ----
  'library.health': ch<LibraryHealth>()(noInput),
  'backups.list': ch<BackupInfo[]>()(noInput),
  /** Replaces the library with a backup; the current state is backed up first. */
  'backups.restore': ch<{ restored: BackupInfo; backupOfPrevious: BackupInfo }>()(z.object({ name: z.string().regex(/^[\w.-]{1,200}\.sqlite$/) })),
  /** Replaces the library with a whole-library archive (.pizhu) from `jobs.start({ kind: 'libraryExport' })`; the current state is backed up first. */
  'library.importArchive': ch<LibraryArchiveImport>()(
    z.union([
      z.object({ data: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) }),
      /** A file the user chose in the app's open dialog (window.pizhu.chooseFile): any size, read by the backend. */
      z.object({ from: fileToken }),
    ]),
  ),
  /** Long work runs off the main thread; poll jobs.get for progress, jobs.cancel to stop it. */
  'jobs.start': ch<JobInfo>()(
    z.discriminatedUnion('kind', [
      /** `reason` names the backup file; the library starts the day's 'daily' one itself when it opens. */
      z.object({ kind: z.literal('backup'), reason: z.enum(['manual', 'daily']).optional() }),
      z.object({ kind: z.literal('reindex') }),
      /** `to`: a file the user chose in the app's save dialog (window.pizhu.chooseFile), written as the archive is made; else the archive comes back in the result. */
      z.object({ kind: z.literal('libraryExport'), to: fileToken.optional() }),
      z.object({ kind: z.literal('export'), input: exportFileInput }),
    ]),
  ),
  'jobs.get': ch<JobInfo>()(z.object({ id })),
  'jobs.cancel': ch<JobInfo>()(z.object({ id })),
  'preferences.get': ch<Preferences>()(noInput),
  'preferences.set': ch<Preferences>()(
    z.object({
      lang: z.enum(['zh-CN', 'en']).optional(),
      theme: z.enum(['light', 'dark', 'system']).optional(),
      readerFontSize: z.number().int().min(12).max(32).optional(),
      /** Most recent first; the backend keeps at most 10 that still exist. */
      recentDocumentIds: z.array(id).max(50).optional(),
    }),
  ),

  // ---- Text versions and re-anchoring (issue 8) ----
  /** Saves `text` as the document's new canonical text (a new version) and re-anchors every highlight. */
  'documents.revise': ch<RevisionReport>()(
    z.object({ id, text: z.string().min(1).max(MAX_IMPORT_BYTES), baseVersion: z.number().int().min(1).optional() }),
  ),
  /** Re-imports a file (base64, same pipeline and options as import.file) as the document's new version. */
  'documents.reviseFromFile': ch<RevisionReport>()(
    z.object({ id, name: z.string().min(1).max(1000), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4), options: importOptions }),
  ),
  'versions.list': ch<DocumentVersion[]>()(z.object({ documentId: id })),
  'versions.get': ch<{ version: DocumentVersion; text: string }>()(z.object({ documentId: id, number: z.number().int().min(1) })),
  /** Makes an earlier version's text current again, as a new version; highlights are re-anchored. */
  'versions.restore': ch<RevisionReport>()(z.object({ documentId: id, number: z.number().int().min(1) })),
  'annotations.orphans': ch<OrphanAnnotation[]>()(z.object({ documentId: id.optional() })),
  /** Places an orphaned highlight on a new selection of the current text. */
  'annotations.reattach': ch<Annotation>()(z.object({ id, start: offset, end: offset })),
  // Edit-mode drafts (issue 7): the text being corrected, kept on disk until it is saved as a version.
  /** The acting user's live draft of the document, or null. */
  'drafts.get': ch<DocumentDraft | null>()(z.object({ documentId: id })),
  /** Keeps the typed text; a text equal to its starting version is no draft (it is removed: null). */
  'drafts.save': ch<DraftStatus | null>()(
    z.object({ documentId: id, text: z.string().max(MAX_IMPORT_BYTES), baseVersion: z.number().int().min(1) }),
  ),
  /** Sets the live draft aside (recoverable with drafts.restore until the next discard); null when there was none. */
  'drafts.discard': ch<{ id: string } | null>()(z.object({ documentId: id })),
  /** Brings a discarded draft back (undo), unless a newer one was started meanwhile (conflict). */
  'drafts.restore': ch<DraftStatus>()(z.object({ documentId: id, id })),

  'export.markdown': ch<{ content: string; suggestedName: string; warnings: string[] }>()(
    z.object({ by: z.enum(['theme', 'document']), documentId: id.optional() }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

/** What the backend implements and what every transport exposes. */
export type Handlers = { [C in Channel]: (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

/** The renderer's view: every channel as an async function. */
export type Api = { [C in Channel]: (input: InputOf<C>) => Promise<OutputOf<C>> };

export const channels = Object.keys(contract) as Channel[];

