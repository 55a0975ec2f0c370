// Builds the reader's Lexical nodes from paragraphs and the document's marks: a heading kept
// from .docx/HTML/Markdown shows as a heading, bold and italic runs keep their emphasis. Every
// paragraph is still one element child of the root and its text nodes hold exactly its
// characters, so offsets count the same as in the canonical text.
import { $createHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, type ElementNode, type TextFormatType } from 'lexical';
import type { TextMark } from '../../../shared/domain';

const HEADING_TAG: Record<string, HeadingTagType> = { h1: 'h2', h2: 'h3', h3: 'h4' };

function blockFor(start: number, end: number, marks: readonly TextMark[]): ElementNode {
  const heading = end > start ? marks.find((m) => m.kind in HEADING_TAG && m.start <= start && m.end >= end) : undefined;
  return heading ? $createHeadingNode(HEADING_TAG[heading.kind]) : $createParagraphNode();
}

/** Cut points where emphasis starts or ends inside [start, end). */
function runs(text: string, start: number, marks: readonly TextMark[]): { text: string; formats: TextFormatType[] }[] {
  const end = start + text.length;
  const inline = marks.filter((m) => (m.kind === 'bold' || m.kind === 'italic') && m.start < end && m.end > start);
  if (!inline.length) return [{ text, formats: [] }];
  const cuts = new Set([start, end]);
  for (const m of inline) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: { text: string; formats: TextFormatType[] }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    const formats = inline.filter((m) => m.start <= a && m.end >= b).map((m) => m.kind as TextFormatType);
    out.push({ text: text.slice(a - start, b - start), formats });
  }
  return out;
}

export function $appendParagraphs(root: ElementNode, paragraphs: readonly string[], starts: readonly number[], marks: readonly TextMark[]): void {
  paragraphs.forEach((p, i) => {
    const block = blockFor(starts[i], starts[i] + p.length, marks);
    for (const run of runs(p, starts[i], marks)) {
      if (!run.text) continue;
      const node = $createTextNode(run.text);
      for (const f of run.formats) node.toggleFormat(f);
      block.append(node);
    }
    root.append(block);
  });
}
