// "Show removed text": each span the cleaner took out appears at its place in the reader,
// struck through and labelled with its rule, with a restore button; paragraphs with broken
// characters get a margin marker.
//
// Both are drawn without a single text node of their own (labels come from CSS `content:
// attr(...)`), so the offset mapping in lib/domOffsets.ts, which counts text nodes, and the
// copied or selected document text stay exactly as they are.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, $isTextNode, DecoratorNode, type ElementNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { DocumentRecord, RemovedSpan } from '../../../shared/domain';
import { mojibakeParagraphIndexes } from '../../../shared/mojibake';
import { paragraphIndexAt, paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { restoreRemovedSpan } from '../documentActions';
import { useT } from '../i18n';
import { fill, ruleName } from '../lib/importFormat';
import { useStore } from '../store';

/** Longer spans (a whole menu or link farm) show their start until expanded. */
const PREVIEW_CHARS = 80;

function RemovedSpanView({ span, wholeLine }: { span: RemovedSpan; wholeLine: boolean }) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const text = span.text.trim() || span.text;
  const long = text.length > PREVIEW_CHARS + 20;
  const preview = long && !expanded ? text.slice(0, PREVIEW_CHARS) : text;
  // Whole removed lines stand as a block; a fragment cut out of a sentence stays inline.
  const multiline = wholeLine || preview.includes('\n');
  const shown = multiline ? preview : preview.replace(/\n/g, ' ↵ ');
  return (
    <span
      className={'pz-removed' + (multiline ? ' block' : text.length <= 24 ? ' short' : '')}
      data-testid="removed-span"
      data-span-id={span.id}
      data-rule={span.rule}
      data-text={span.text}
      onMouseUp={(e) => e.stopPropagation()}
    >
      <span className="pz-removed-rule" data-label={ruleName(t, span.rule)} />
      <span className="pz-removed-text" data-label={shown} />
      {long && (
        <button
          type="button"
          className="pz-removed-more"
          data-label={expanded ? t('removedLess') : fill(t('removedMore'), { n: text.length - PREVIEW_CHARS })}
          aria-label={expanded ? t('removedLess') : fill(t('removedMore'), { n: text.length - PREVIEW_CHARS })}
          onClick={() => setExpanded(!expanded)}
        />
      )}
      <button
        type="button"
        className="pz-removed-restore"
        data-testid="restore-span"
        data-label={'↺ ' + t('removedRestore')}
        aria-label={t('removedRestore')}
        title={t('removedRestoreTitle')}
        disabled={busy}
        onMouseDown={(e) => e.preventDefault()}
        onClick={async () => {
          setBusy(true);
          await restoreRemovedSpan(span.id);
          setBusy(false);
        }}
      />
    </span>
  );
}

type SerializedRemovedSpanNode = SerializedLexicalNode & { span: RemovedSpan; wholeLine: boolean };

const EMPTY_SPAN: RemovedSpan = { id: '', position: 0, text: '', rule: 'whitespace', sourceOffset: 0 };

/** An inline, non-text node in the reader's Lexical tree for one removed span. */
export class RemovedSpanNode extends DecoratorNode<ReactNode> {
  __span: RemovedSpan;
  __wholeLine: boolean;

  static getType(): string {
    return 'pz-removed-span';
  }

  static clone(node: RemovedSpanNode): RemovedSpanNode {
    return new RemovedSpanNode(node.__span, node.__wholeLine, node.__key);
  }

  static importJSON(json: SerializedRemovedSpanNode): RemovedSpanNode {
    return new RemovedSpanNode(json.span, json.wholeLine);
  }

  constructor(span: RemovedSpan = EMPTY_SPAN, wholeLine = false, key?: NodeKey) {
    super(key);
    this.__span = span;
    this.__wholeLine = wholeLine;
  }

  exportJSON(): SerializedRemovedSpanNode {
    return { ...super.exportJSON(), type: RemovedSpanNode.getType(), version: 1, span: this.__span, wholeLine: this.__wholeLine };
  }

  createDOM(): HTMLElement {
    const el = document.createElement('span');
    el.className = 'pz-removed-host';
    el.contentEditable = 'false';
    return el;
  }

  updateDOM(): false {
    return false;
  }

  isInline(): true {
    return true;
  }

  isIsolated(): boolean {
    return true;
  }

  isKeyboardSelectable(): boolean {
    return false;
  }

  getTextContent(): string {
    return '';
  }

  decorate(): ReactNode {
    return <RemovedSpanView span={this.__span} wholeLine={this.__wholeLine} />;
  }
}

/** Node classes the reader's editor must know about. */
export const readerNodes = [RemovedSpanNode];

function insertAt(paragraph: ElementNode, local: number, node: RemovedSpanNode): void {
  if (local === 0) {
    // Spans sharing a position arrive last first: each goes in front of the ones already there.
    const first = paragraph.getFirstChild();
    if (first) first.insertBefore(node);
    else paragraph.append(node);
    return;
  }
  let seen = 0;
  for (const child of paragraph.getChildren()) {
    if (!$isTextNode(child)) continue;
    const len = child.getTextContentSize();
    if (local <= seen + len) {
      const at = local - seen;
      if (at === len) child.insertAfter(node);
      else child.splitText(at)[0].insertAfter(node);
      return;
    }
    seen += len;
  }
  paragraph.append(node);
}

function markMojibake(root: HTMLElement | null, indexes: readonly number[], label: string): void {
  if (!root) return;
  for (const el of root.querySelectorAll(':scope > [data-mojibake]')) el.removeAttribute('data-mojibake');
  for (const i of indexes) {
    const p = root.children[i] as HTMLElement | undefined;
    if (!p) continue;
    p.dataset.mojibake = label;
  }
}

/**
 * Lives inside the reader's LexicalComposer, after the paragraph loader: puts removed spans
 * into the paragraphs (when shown) and marks broken paragraphs, then asks for a repaint,
 * because highlight ranges point into text nodes that the insertion has split.
 */
export function ReaderExtras({ doc, paragraphs, onChange }: { doc: DocumentRecord; paragraphs: readonly string[]; onChange: () => void }) {
  const [editor] = useLexicalComposerContext();
  const t = useT();
  const show = useStore((s) => s.showRemoved);
  const mojibake = useMemo(() => mojibakeParagraphIndexes(doc.text), [doc.text]);
  const marker = t('mojibakeMarker');

  useLayoutEffect(() => {
    let changed = false;
    editor.update(
      () => {
        const root = $getRoot();
        for (const p of root.getChildren()) {
          if (!$isElementNode(p)) continue;
          for (const child of p.getChildren()) {
            if (child instanceof RemovedSpanNode) {
              child.remove();
              changed = true;
            }
          }
        }
        if (!show || doc.removed.length === 0) return;
        const starts = paragraphStarts(splitParagraphs(doc.text));
        const blocks = root.getChildren();
        // Last first, so that earlier offsets still point at unsplit text; ties keep source order.
        const ordered = [...doc.removed].sort((a, b) => b.position - a.position || b.sourceOffset - a.sourceOffset);
        for (const span of ordered) {
          const i = paragraphIndexAt(starts, Math.min(span.position, doc.text.length));
          const p = blocks[i];
          if (!$isElementNode(p)) continue;
          const local = span.position - starts[i];
          const atStart = local === 0 && span.text.endsWith('\n');
          const atEnd = local === starts[i + 1] - 1 - starts[i] && span.text.startsWith('\n');
          insertAt(p, local, new RemovedSpanNode(span, atStart || atEnd));
          changed = true;
        }
      },
      { discrete: true },
    );
    markMojibake(editor.getRootElement(), mojibake, marker);
    if (changed) onChange();
  }, [editor, paragraphs, show, doc.removed, doc.text, mojibake, marker, onChange]);

  return null;
}
