// The edit mode's Lexical content: one block per paragraph of the canonical text (a heading kept from the
// source stays a heading), highlighted passages as text with Lexical's `highlight` format so that the tint
// travels with the characters while the user types, and the plain text read back in the canonical form.
import { $createHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import type { TextMark } from '../../../shared/domain';
import { PARAGRAPH_SEPARATOR, paragraphStarts, splitParagraphs } from '../../../shared/offsets';

const HEADING_TAG: Record<string, HeadingTagType> = { h1: 'h2', h2: 'h3', h3: 'h4' };

export interface Span {
  start: number;
  end: number;
}

/** Sorted, non-overlapping union of the spans. */
export function unionOf(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function blockFor(start: number, end: number, marks: readonly TextMark[]): ElementNode {
  const heading = end > start ? marks.find((m) => m.kind in HEADING_TAG && m.start <= start && m.end >= end) : undefined;
  return heading ? $createHeadingNode(HEADING_TAG[heading.kind]) : $createParagraphNode();
}

/** Fills the root with the text; `highlighted` spans (offsets into `text`) carry the highlight format. */
export function $fillEditor(text: string, highlighted: readonly Span[], marks: readonly TextMark[]): void {
  const root = $getRoot();
  root.clear();
  const paragraphs = splitParagraphs(text);
  const starts = paragraphStarts(paragraphs);
  const spans = unionOf(highlighted);
  let first = 0;
  paragraphs.forEach((p, i) => {
    const from = starts[i];
    const to = from + p.length;
    const block = blockFor(from, to, marks);
    while (first < spans.length && spans[first].end <= from) first++;
    let at = from;
    for (let k = first; k < spans.length && spans[k].start < to; k++) {
      const s = Math.max(from, spans[k].start);
      const e = Math.min(to, spans[k].end);
      if (s > at) block.append($createTextNode(text.slice(at, s)));
      if (e > s) block.append($createTextNode(text.slice(s, e)).toggleFormat('highlight'));
      at = Math.max(at, e);
    }
    if (to > at) block.append($createTextNode(text.slice(at, to)));
    root.append(block);
  });
}

/** The edited text in canonical form: the blocks' texts joined by the paragraph separator. */
export function $editorText(): string {
  return $getRoot()
    .getChildren()
    .map((block) => block.getTextContent())
    .join(PARAGRAPH_SEPARATOR);
}
