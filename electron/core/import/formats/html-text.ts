// Turns an HTML tree into plain paragraphs plus heading/emphasis marks. Shared by the HTML and .docx
// importers (mammoth produces HTML). Only text nodes are read: scripts, embedded frames, SVG, form
// controls, hidden elements and links to javascript:/file:/data: yield nothing, so nothing but
// plain text leaves this module.
import type { TextMark } from '../../../../shared/domain';
import { joinsTight } from './join';

/** The few DOM members read here, so the walker works on any DOM (linkedom) without DOM typings. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

export interface TextWithMarks {
  text: string;
  marks: TextMark[];
}

type MarkKind = TextMark['kind'];

export interface WalkOptions {
  /** Heading level of an element (1–3), or null when it is not a heading; defaults to h1→1, h2→2, h3–h6→3. */
  headingLevel?: (tag: string, el: DomNode) => 1 | 2 | 3 | null;
  /**
   * Keep the text of javascript:/file: links. On web pages such links are buttons (share, print);
   * in a Word document the linked words are the author's text.
   */
  keepScriptLinkText?: boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose content is never text for a reader (and may be hostile). */
export const NON_TEXT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'map', 'input', 'textarea', 'select', 'button',
  'head', 'title', 'meta', 'link', 'base', 'dialog',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'legend', 'body', 'html',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

const UNSAFE_HREF = /^\s*(?:javascript|vbscript|data|file):/i;

function tagOf(node: DomNode): string {
  return node.nodeName.toLowerCase();
}

function isHidden(el: DomNode): boolean {
  if (!el.getAttribute) return false;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements that carry no reader text at all. */
export function isNonText(el: DomNode, keepScriptLinkText = false): boolean {
  const tag = tagOf(el);
  if (NON_TEXT_TAGS.has(tag)) return true;
  if (!keepScriptLinkText && tag === 'a' && UNSAFE_HREF.test(el.getAttribute?.('href') ?? '')) return true;
  return isHidden(el);
}

function defaultHeadingLevel(tag: string): 1 | 2 | 3 | null {
  if (tag === 'h1') return 1;
  if (tag === 'h2') return 2;
  return /^h[3-6]$/.test(tag) ? 3 : null;
}

function emphasisOf(tag: string, el: DomNode): MarkKind | null {
  if (tag === 'b' || tag === 'strong') return 'bold';
  if (tag === 'i' || tag === 'em') return 'italic';
  const style = tag === 'span' ? el.getAttribute?.('style') : null;
  if (style && /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(style)) return 'bold';
  if (style && /font-style\s*:\s*italic/i.test(style)) return 'italic';
  return null;
}

interface OpenMark {
  kind: MarkKind;
  /** Start in the current paragraph, or -1 until its first character arrives. */
  start: number;
}

/** Builds paragraphs from text fragments: collapses HTML whitespace, drops indentation, records marks. */
class ParagraphCollector {
  private readonly paragraphs: string[] = [];
  private paragraphOffset = 0;
  private current = '';
  private pendingSpace = false;
  private pendingBreak = false;
  private readonly open: OpenMark[] = [];
  readonly marks: TextMark[] = [];

  addText(data: string, preformatted: boolean): void {
    if (preformatted) {
      const lines = data.split(/\r\n|\r|\n/);
      lines.forEach((line, i) => {
        if (i > 0) this.endParagraph();
        this.addText(line, false);
      });
      return;
    }
    for (const token of data.match(/[ \t\n\r\f\u00a0]+|[^ \t\n\r\f\u00a0]+/g) ?? []) {
      if (/^[ \t\n\r\f\u00a0]/.test(token)) {
        if (this.current) {
          this.pendingSpace = true;
          if (/[\n\r]/.test(token)) this.pendingBreak = true;
        }
        continue;
      }
      const word = this.current ? token : token.replace(/^\u3000+/, '');
      if (!word) continue;
      if (this.pendingSpace && !(this.pendingBreak && joinsTight(this.current, word))) this.current += ' ';
      this.pendingSpace = false;
      this.pendingBreak = false;
      for (const m of this.open) if (m.start < 0) m.start = this.current.length;
      this.current += word;
    }
  }

  openMark(kind: MarkKind): OpenMark {
    const mark = { kind, start: -1 };
    this.open.push(mark);
    return mark;
  }

  closeMark(mark: OpenMark): void {
    this.open.splice(this.open.indexOf(mark), 1);
    this.record(mark);
  }

  private record(mark: OpenMark): void {
    if (mark.start >= 0 && this.current.length > mark.start)
      this.marks.push({ kind: mark.kind, start: this.paragraphOffset + mark.start, end: this.paragraphOffset + this.current.length });
  }

  endParagraph(): void {
    this.current = this.current.replace(/\u3000+$/, '');
    for (const m of this.open) this.record(m);
    if (this.current) {
      this.paragraphs.push(this.current);
      this.paragraphOffset += this.current.length + 1;
    }
    for (const m of this.open) m.start = -1;
    this.current = '';
    this.pendingSpace = false;
    this.pendingBreak = false;
  }

  result(): TextWithMarks {
    this.endParagraph();
    return { text: this.paragraphs.join('\n'), marks: mergeMarks(this.marks) };
  }
}

/** Sorts marks and merges touching or overlapping marks of one kind. */
function mergeMarks(marks: TextMark[]): TextMark[] {
  const sorted = [...marks].sort((a, b) => a.kind.localeCompare(b.kind) || a.start - b.start);
  const out: TextMark[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && last.kind === m.kind && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

type Step = { node: DomNode; exit: false } | { node: DomNode; exit: true; mark: OpenMark | null; block: boolean };

/** Paragraphs and marks of everything readable under `root` (iterative, so deep nesting cannot overflow the stack). */
export function htmlToText(root: DomNode, options: WalkOptions = {}): TextWithMarks {
  const headingLevel = options.headingLevel ?? defaultHeadingLevel;
  const out = new ParagraphCollector();
  const stack: Step[] = [{ node: root, exit: false }];
  let preDepth = 0;
  let headingDepth = 0;
  while (stack.length) {
    const step = stack.pop()!;
    const { node } = step;
    if (step.exit) {
      if (step.mark) out.closeMark(step.mark);
      if (step.mark?.kind.startsWith('h')) headingDepth--;
      if (tagOf(node) === 'pre') preDepth--;
      if (step.block) out.endParagraph();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      out.addText(node.textContent ?? '', preDepth > 0);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = tagOf(node);
    if (node.nodeType === ELEMENT_NODE && isNonText(node, options.keepScriptLinkText)) continue;
    if (tag === 'br') {
      out.endParagraph();
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.endParagraph();
    const level = headingLevel(tag, node);
    let mark: OpenMark | null = null;
    if (level) {
      mark = out.openMark(`h${level}` as MarkKind);
      headingDepth++;
    } else {
      const emphasis = headingDepth ? null : emphasisOf(tag, node);
      if (emphasis) mark = out.openMark(emphasis);
    }
    if (tag === 'pre') preDepth++;
    stack.push({ node, exit: true, mark, block: block || !!level });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  }
  return out.result();
}
