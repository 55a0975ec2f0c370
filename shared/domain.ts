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
  length: number;
  annotationCount: number;
}

export interface DocumentRecord extends DocumentSummary {
  text: string;
}

export interface Theme extends Stamped {
  parentId: string | null;
  name: string;
  color: string;
  description: string;
  sortOrder: number;
  annotationCount: number;
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
