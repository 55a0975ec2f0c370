// One interface for every import format; a parser collects warnings instead of aborting and
// throws a PizhuError only when nothing usable can be read.
import type { TextMark } from '../../../../shared/domain';

export interface ParsedMeta {
  title?: string;
  source?: string;
  byline?: string;
  editor?: string;
  /** ISO date, YYYY-MM-DD. */
  publishedAt?: string;
  url?: string;
}

export interface ParsedDocument {
  /** Paragraphs separated by "\n"; layout is normalised later by the cleaning rules. */
  text: string;
  format: string;
  encoding: string | null;
  confidence: number | null;
  meta: ParsedMeta;
  /** Headings and emphasis as offsets on `text`. */
  marks: TextMark[];
  warnings: string[];
}

export interface ParseOptions {
  /** Forced text encoding (plain text and HTML). */
  encoding?: string;
}

export interface ImportFormat {
  id: string;
  extensions: string[];
  /** Plain text answers synchronously (the first-run seed import needs no event loop); others may be async. */
  parse(bytes: Uint8Array, fileName: string, options: ParseOptions): ParsedDocument | Promise<ParsedDocument>;
}
