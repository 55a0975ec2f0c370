// Domain records shared by backend, shell and renderer. Offsets are UTF-16 code units
// into DocumentRecord.text (the canonical plain text; paragraphs separated by "\n").

export interface Stamped {
  id: string;
  createdAt: string;
  modifiedAt: string;
  author: string;
}

export interface DocumentSummary extends Stamped {
  title: string;
  source: string | null;
  /** The article's own author, as printed (not the record author). */
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  /** Who edited the article at its source (编辑), as printed. */
  editor: string | null;
  script: Script;
  /** The collection holding the articles split from one file, if any. */
  collectionId: string | null;
  collectionOrder: number;
  length: number;
  annotationCount: number;
  removedCount: number;
}

/** The fields of a document a reader can edit (文本信息). */
export interface DocumentMetadata {
  title: string;
  source: string | null;
  byline: string | null;
  editor: string | null;
  url: string | null;
  publishedAt: string | null;
}

export interface DocumentRecord extends DocumentSummary {
  text: string;
  /** Spans the cleaner removed, kept so that they can be shown and restored. */
  removed: RemovedSpan[];
  report: ImportReport | null;
  marks: TextMark[];
}

/** Structure kept from the source: a heading paragraph or emphasis, as offsets on the canonical text. */
export interface TextMark {
  start: number;
  end: number;
  kind: 'h1' | 'h2' | 'h3' | 'bold' | 'italic';
}

export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

export interface Collection extends Stamped {
  name: string;
  documentCount: number;
}

export type CleaningRuleId =
  | 'share-header'
  | 'site-chrome'
  | 'spam-links'
  | 'page-markers'
  | 'pinyin'
  | 'mojibake'
  | 'whitespace'
  | 'article-markers';

export interface CleaningRuleInfo {
  id: CleaningRuleId;
  /** Flag-only rules mark text but never remove it. */
  removes: boolean;
}

/** Text the cleaner took out. `position` is where it would go back in the current text. */
export interface RemovedSpan {
  id: string;
  position: number;
  text: string;
  rule: CleaningRuleId;
  /** Offset in the source text; orders spans sharing a position. */
  sourceOffset: number;
}

export interface RuleOutcome {
  rule: CleaningRuleId;
  count: number;
  chars: number;
}

export interface ImportReport {
  format: string;
  originalName: string | null;
  encoding: string | null;
  confidence: number | null;
  rules: RuleOutcome[];
  charsRemoved: number;
  /** Paragraph indexes (at import) with broken characters; the reader recomputes them live. */
  mojibakeParagraphs: number;
  warnings: string[];
}

export interface ImportOptions {
  /** Rules switched off for this import; every rule runs by default. */
  disabledRules?: CleaningRuleId[];
  /** Force a text encoding instead of detecting one. */
  encoding?: string;
  /** Split files holding several articles (default true). */
  split?: boolean;
}

export interface ImportFileResult {
  file: string;
  status: 'imported' | 'duplicate' | 'failed';
  documents: { id: string; title: string }[];
  collectionId: string | null;
  format: string | null;
  encoding: string | null;
  confidence: number | null;
  rules: RuleOutcome[];
  charsRemoved: number;
  mojibakeParagraphs: number;
  warnings: string[];
  error?: string;
}

export type SearchScope = 'text' | 'highlights' | 'notes';

/** One keyword-in-context line. Offsets are UTF-16 into the document's text (or the note's text). */
export interface SearchHit {
  documentId: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** Set when the hit lies in a highlight (scope highlights) or a note (scope notes). */
  annotationId?: string;
}

export interface SearchGroup {
  documentId: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  count: number;
  hits: SearchHit[];
}

export interface SearchResult {
  total: number;
  documentCount: number;
  groups: SearchGroup[];
  elapsedMs: number;
}

export interface Theme extends Stamped {
  parentId: string | null;
  name: string;
  color: string;
  description: string;
  sortOrder: number;
  annotationCount: number;
  /** Lexical editor state of the theme's memo, or null. */
  memoJson: string | null;
  memoText: string;
  /** Keyboard slot 1–9 in the selection toolbar, or null. */
  pinned: number | null;
  /** Discussion questions for a handout (one per line), typed by a facilitator. */
  questions: string;
}

/** W3C Web Annotation style selectors: a position and a quote with context. */
export interface TextAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation extends Stamped, TextAnchor {
  documentId: string;
  themeIds: string[];
  /** Lexical editor state as JSON, or null when there is no note. */
  noteJson: string | null;
  noteText: string;
  deletedAt: string | null;
}

export interface ExampleTheme {
  name: string;
  color: string;
  description: string;
}

export type ExportGrouping = 'theme' | 'document';

// ---- Codebook, retrieval, memos and analysis (issue 5) ----

/** What deleting a theme does with its highlights. */
export type ThemeDeleteMode = 'untag' | 'moveToParent' | 'deleteHighlights';

/** Enough to undo a theme deletion or merge exactly. */
export interface ThemeChange {
  themeId: string;
  /** Highlights that gained a theme (the parent or the merge target) and did not have it before. */
  addedLinks: { annotationId: string; themeId: string }[];
  /** Highlights soft-deleted together with the theme. */
  deletedAnnotationIds: string[];
  /** Sub-themes a merge moved from the source to the target; undo puts them back under the source. */
  movedThemeIds?: string[];
}

export interface Memo extends Stamped {
  scope: 'document' | 'project';
  documentId: string | null;
  noteJson: string | null;
  noteText: string;
}

/** A highlight with what a reader needs to judge it out of its document. */
export interface CodedPassage {
  annotation: Annotation;
  documentTitle: string;
  source: string | null;
  publishedAt: string | null;
  /** 1-based paragraph number of the highlight's start. */
  paragraph: number;
  before: string;
  after: string;
}

export interface AnnotationPage {
  total: number;
  items: CodedPassage[];
}

export interface ThemeCount {
  themeId: string;
  /** Highlights coded with this theme itself. */
  count: number;
  /** Distinct highlights coded with this theme or any of its sub-themes (a highlight counts once). */
  withSubthemes: number;
}

export interface CooccurrenceMatrix {
  themeIds: string[];
  /** counts[i][j]: passages coded with both themes i and j (the diagonal: with theme i). */
  counts: number[][];
  mode: 'same' | 'overlap';
}

export interface TermSeries {
  term: string;
  points: { documentId: string; title: string; publishedAt: string | null; count: number }[];
  total: number;
}

export interface WordCount {
  word: string;
  count: number;
  documents: number;
}

export interface WordFrequency {
  words: WordCount[];
  totalWords: number;
  distinctWords: number;
}

export interface AutocodeResult {
  createdIds: string[];
  /** Occurrences already highlighted with the theme, left as they were. */
  alreadyCoded: number;
  /** Existing highlights on exactly the occurrence that gained the theme. */
  taggedIds: string[];
}

// ---- Exports (issue 6) ----

export type ExportFormat = 'md' | 'docx' | 'handout' | 'qdpx' | 'qdc' | 'jsonld' | 'csv';

export interface ExportFile {
  /** base64 of the file's bytes (binary formats) or its UTF-8 text. */
  data: string;
  encoding: 'base64' | 'utf-8';
  mime: string;
  suggestedName: string;
  warnings: string[];
}

// ---- Text versions and re-anchoring (issue 8) ----

/** Why a version of a document's canonical text was saved. */
export type VersionReason = 'import' | 'edit' | 'file' | 'restoreVersion' | 'restoreSpan' | 'split' | 'merge';

export interface DocumentVersion {
  id: string;
  documentId: string;
  /** 1 for the imported text, then counting up; the highest is the current text. */
  number: number;
  reason: VersionReason;
  length: number;
  author: string;
  authorName: string;
  createdAt: string;
  current: boolean;
}

/** Edit-mode text not yet saved as a version, kept on disk while typing: one per document and user. */
export interface DraftStatus {
  id: string;
  documentId: string;
  /** The version the editor opened: the draft's starting point. */
  baseVersion: number;
  /** The document's current version now. */
  currentVersion: number;
  /** The text changed since the draft's starting point (a version saved meanwhile). */
  stale: boolean;
  length: number;
  author: string;
  createdAt: string;
  modifiedAt: string;
}

export interface DocumentDraft extends DraftStatus {
  text: string;
}

export type AnchorOutcome = 'kept' | 'adjusted' | 'orphaned';

/** What happened to one highlight when the text changed. Offsets are code units of the canonical text. */
export interface ReanchorEntry {
  annotationId: string;
  outcome: AnchorOutcome;
  oldStart: number;
  oldEnd: number;
  /** Null when orphaned: the highlight keeps its quote and note but is not placed. */
  newStart: number | null;
  newEnd: number | null;
  /** The quote before the change, and where placed, the text it now covers. */
  oldExact: string;
  newExact: string | null;
  /** How the anchor was found: at its old position, by exact quote + context, or by fuzzy match. */
  method: 'position' | 'quote' | 'fuzzy' | null;
}

export interface RevisionReport {
  documentId: string;
  version: DocumentVersion;
  kept: number;
  adjusted: number;
  orphaned: number;
  entries: ReanchorEntry[];
}

/** A highlight that could not be placed after a text change; listed until the user re-attaches or deletes it. */
export interface OrphanAnnotation extends Annotation {
  orphanedAt: string;
}

// ---- Durability, long work and preferences (issue 7) ----

export type BackupReason = 'daily' | 'migration' | 'manual' | 'before-restore' | 'before-import';

/** A snapshot of the library (VACUUM INTO) in the library's backups folder. */
export interface BackupInfo {
  /** File name inside the backups folder, e.g. pizhu-2026-11-22T031500Z-daily.sqlite */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  schemaVersion: number;
}

export interface LibraryHealth {
  schemaVersion: number;
  integrity: 'ok' | 'failed';
  problems: string[];
  lastBackupAt: string | null;
}

export type JobKind = 'backup' | 'reindex' | 'export' | 'libraryExport';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export type JobResult =
  | { kind: 'backup'; backup: BackupInfo }
  | { kind: 'reindex'; documents: number; elapsedMs: number }
  | { kind: 'export'; file: ExportFile }
  /** `file` when the archive comes back in the result; `saved` when it was written to the chosen file. */
  | { kind: 'libraryExport'; file: ExportFile | null; saved: { name: string; bytes: number } | null };

export interface JobInfo {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Progress as done of total in `unit`; total 0 while unknown. */
  done: number;
  total: number;
  unit: 'steps' | 'documents' | 'excerpts' | 'bytes' | 'pages';
  startedAt: string;
  result: JobResult | null;
  error: { code: string; message: string } | null;
}

export interface LibraryArchiveImport {
  documents: number;
  themes: number;
  annotations: number;
  memos: number;
  backupOfPrevious: BackupInfo;
}

export interface Preferences {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark' | 'system';
  readerFontSize: number;
  recentDocumentIds: string[];
}
