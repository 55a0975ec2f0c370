// Mapping between canonical-text offsets and DOM positions inside the reader's Lexical root.
// Paragraph i is the i-th element child of the root; inside it, offsets count text-node characters.
import { paragraphIndexAt, snapToCodePoint } from '../../../shared/offsets';

function textNodes(el: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** DOM position of a text offset. */
export function domPoint(root: HTMLElement, starts: readonly number[], offset: number): { node: Node; offset: number } | null {
  const i = paragraphIndexAt(starts, offset);
  const p = root.children[i];
  if (!p) return null;
  let local = offset - starts[i];
  const nodes = textNodes(p);
  for (const t of nodes) {
    if (local <= t.length) return { node: t, offset: local };
    local -= t.length;
  }
  const last = nodes[nodes.length - 1];
  if (last) return { node: last, offset: last.length };
  return { node: p, offset: 0 };
}

export function rangeFor(root: HTMLElement, starts: readonly number[], start: number, end: number): Range | null {
  const a = domPoint(root, starts, start);
  const b = domPoint(root, starts, end);
  if (!a || !b) return null;
  const r = new Range();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return r;
}

function paragraphOf(root: HTMLElement, node: Node): { index: number; el: Element } | null {
  let n: Node | null = node;
  while (n && n.parentNode !== root) n = n.parentNode;
  if (!n || !(n instanceof Element)) return null;
  return { index: Array.prototype.indexOf.call(root.children, n) as number, el: n };
}

/** Local character offset of a DOM point within its paragraph element. */
function localOffset(p: Element, node: Node, offset: number): number {
  let sum = 0;
  if (node.nodeType === Node.TEXT_NODE) {
    for (const t of textNodes(p)) {
      if (t === node) return sum + offset;
      sum += t.length;
    }
    return sum;
  }
  const boundary = new Range();
  boundary.setStart(node, offset);
  for (const t of textNodes(p)) {
    if (boundary.comparePoint(t, t.length) < 0) sum += t.length;
    else break;
  }
  return sum;
}

/** Text offset of a DOM point; points outside the root clamp to its start or end. */
export function textOffset(root: HTMLElement, starts: readonly number[], node: Node, offset: number): number {
  const paragraphCount = starts.length - 1;
  const textEnd = starts[paragraphCount] - 1;
  if (node === root) {
    if (offset >= paragraphCount) return textEnd;
    return starts[offset];
  }
  if (!root.contains(node)) {
    const pos = root.compareDocumentPosition(node);
    return pos & Node.DOCUMENT_POSITION_PRECEDING ? 0 : textEnd;
  }
  const p = paragraphOf(root, node);
  if (!p || p.index < 0) return 0;
  const len = starts[p.index + 1] - 1 - starts[p.index];
  return starts[p.index] + Math.min(len, localOffset(p.el, node, offset));
}

/** The selection as [start, end) text offsets, normalised at paragraph boundaries; null if empty. */
export function selectionOffsets(
  root: HTMLElement,
  text: string,
  starts: readonly number[],
  sel: Selection | null,
): { start: number; end: number; range: Range } | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  let start = textOffset(root, starts, range.startContainer, range.startOffset);
  let end = textOffset(root, starts, range.endContainer, range.endOffset);
  const last = starts.length - 2;
  // Start at a paragraph end → start of next paragraph.
  let si = paragraphIndexAt(starts, start);
  if (si < last && start === starts[si + 1] - 1) start = starts[si + 1];
  si = paragraphIndexAt(starts, start);
  // End at a paragraph start → end of previous paragraph.
  const ei = paragraphIndexAt(starts, end);
  if (ei > si && end === starts[ei]) end = starts[ei] - 1;
  start = snapToCodePoint(text, start);
  end = snapToCodePoint(text, end);
  if (end <= start) return null;
  return { start, end, range };
}

/** Text offset under a viewport point, or null when it is not in the root. */
export function offsetAtPoint(root: HTMLElement, starts: readonly number[], x: number, y: number): number | null {
  let node: Node | null = null;
  let off = 0;
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    if (pos) {
      node = pos.offsetNode;
      off = pos.offset;
    }
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      off = r.startOffset;
    }
  }
  if (!node || !root.contains(node) || node === root) return null;
  return textOffset(root, starts, node, off);
}
