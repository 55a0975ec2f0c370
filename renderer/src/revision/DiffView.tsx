// A comparison of two versions as running text: deletions struck through, insertions underlined, paragraph
// breaks removed or added shown as ⏎. In "changes only", unchanged paragraphs fold into a line that opens
// them, and long unchanged stretches inside a changed paragraph keep a few words of context on each side.
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { count, fill } from '../lib/importFormat';
import { useStore } from '../store';
import type { DiffBlock, DiffKind, DiffOp } from './textDiff';

/** Characters of context kept on each side of a change. */
const CONTEXT = 36;

function Seg({ kind, children }: { kind: DiffKind; children: ReactNode }) {
  if (kind === 'del') return <del className="diff-del">{children}</del>;
  if (kind === 'ins') return <ins className="diff-ins">{children}</ins>;
  return <>{children}</>;
}

/** The ops of a changed block as paragraphs of the newer text, with removed breaks inline. */
function HunkParagraphs({ ops, elide }: { ops: DiffOp[]; elide: boolean }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const paragraphs: ReactNode[][] = [[]];
  const add = (node: ReactNode) => paragraphs[paragraphs.length - 1].push(node);
  let key = 0;
  const emit = (text: string, kind: DiffKind) => {
    text.split('\n').forEach((part, j) => {
      if (j > 0) {
        if (kind === 'same') paragraphs.push([]);
        else {
          add(
            <Seg key={key++} kind={kind}>
              <span className="diff-break" aria-label={t(kind === 'del' ? 'verBreakRemoved' : 'verBreakAdded')}>
                ⏎
              </span>
            </Seg>,
          );
          if (kind === 'ins') paragraphs.push([]);
        }
      }
      if (part)
        add(
          <Seg key={key++} kind={kind}>
            {part}
          </Seg>,
        );
    });
  };
  ops.forEach((op, i) => {
    const chars = op.kind === 'same' && elide && !open.has(i) ? Array.from(op.text) : null;
    if (!chars || chars.length <= 2 * CONTEXT + 12) {
      emit(op.text, op.kind);
      return;
    }
    const head = i > 0 ? chars.slice(0, CONTEXT).join('') : '';
    const tail = i < ops.length - 1 ? chars.slice(-CONTEXT).join('') : '';
    const hidden = chars.length - Array.from(head).length - Array.from(tail).length;
    emit(head, 'same');
    add(
      <button key={key++} type="button" className="diff-elided" onClick={() => setOpen(new Set(open).add(i))} title={t('verShowAll')}>
        {fill(t('verElided'), { n: count(hidden, lang) })}
      </button>,
    );
    emit(tail, 'same');
  });
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="diff-p">
          {p.length ? p : <span className="muted">¶</span>}
        </p>
      ))}
    </>
  );
}

function Gap({ paragraphs }: { paragraphs: string[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (open) return <PlainParagraphs paragraphs={paragraphs} />;
  return (
    <button type="button" className="diff-gap" onClick={() => setOpen(true)}>
      {fill(t('verUnchangedParagraphs'), { n: paragraphs.length })}
    </button>
  );
}

export function PlainParagraphs({ paragraphs }: { paragraphs: readonly string[] }) {
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="diff-p">
          {p}
        </p>
      ))}
    </>
  );
}

export function DiffView({ blocks, changesOnly }: { blocks: DiffBlock[]; changesOnly: boolean }) {
  const t = useT();
  return (
    <div className="diff-view" data-testid="diff-view">
      {blocks.map((b, i) =>
        b.kind === 'same' ? (
          changesOnly ? (
            <Gap key={i} paragraphs={b.paragraphs} />
          ) : (
            <PlainParagraphs key={i} paragraphs={b.paragraphs} />
          )
        ) : (
          <section key={i} className="diff-hunk" data-testid="diff-hunk">
            {changesOnly && (
              <div className="diff-where">
                {b.newCount > 1 ? fill(t('verParagraphs'), { from: b.newStart + 1, to: b.newStart + b.newCount }) : fill(t('verParagraph'), { n: b.newStart + 1 })}
              </div>
            )}
            <HunkParagraphs ops={b.ops} elide={changesOnly} />
          </section>
        ),
      )}
    </div>
  );
}

/** A quote before and after, changes marked, on one line. */
export function InlineDiff({ ops }: { ops: DiffOp[] }) {
  return (
    <>
      {ops.map((op, i) => (
        <Seg key={i} kind={op.kind}>
          {op.text}
        </Seg>
      ))}
    </>
  );
}
