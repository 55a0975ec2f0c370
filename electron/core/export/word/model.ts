// The Word exports' intermediate model: what the pages say, in order, with every label and citation
// already written out. The .docx writer and the HTML preview both render it, so they cannot disagree.
import type { NoteBlock } from '../lexicalTree';

export type WordStyle = 'official' | 'plain';
export type WordKind = 'notes' | 'handout';

export type WordBlock =
  /** level 1–4; label is the official number (一、（一）1.（1）) or empty. */
  | { kind: 'heading'; level: number; label: string; text: string }
  /** A theme's description or a document's source line under its heading. */
  | { kind: 'intro'; text: string }
  | {
      kind: 'excerpt';
      text: string;
      /** Notes: a line of its own under the excerpt; handout: in parentheses right after it. */
      citation: string;
      /** Theme names shown with the excerpt (study notes by document). */
      themes: string[];
      note: NoteBlock[];
      /** The theme colour to highlight the excerpt with, as #rrggbb, or null. */
      color: string | null;
    }
  /** A theme's discussion questions (思考题). */
  | { kind: 'questions'; label: string; items: string[] }
  | { kind: 'empty'; text: string };

export interface WordModel {
  kind: WordKind;
  style: WordStyle;
  title: string;
  /** Handout cover: the issuing unit; notes: the line under the title. */
  subtitle: string;
  /** Written out in Chinese (2026年11月21日). */
  date: string;
  toc: boolean;
  blocks: WordBlock[];
  excerptCount: number;
}
