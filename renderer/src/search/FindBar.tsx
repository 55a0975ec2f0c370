// Find in the current document: query, "3 / 17", previous/next, the same 简/繁 folding as library search.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useStore } from '../store';
import { useDisplayText } from './chinese';
import { useFindMatches, wrapIndex } from './findMatches';
import { formatCount } from './format';
import { paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { rangeFor } from '../lib/domOffsets';
import { currentFindRange } from './paint';

const readerText = () => document.querySelector<HTMLElement>('[data-testid="reader-text"]');

/** Moves focus back to the text so reading keys (and the next Ctrl+F) work as before. */
function focusReader(): void {
  readerText()?.focus({ preventScroll: true });
}

/** The current match as a DOM range: the painted one, or (before the reader has painted it) built from its offsets. */
function matchRange(text: string, match: { start: number; end: number } | undefined): Range | null {
  const painted = currentFindRange();
  if (painted) return painted.cloneRange();
  const root = readerText();
  return root && match ? rangeFor(root, paragraphStarts(splitParagraphs(text)), match.start, match.end) : null;
}

function FindBarOpen({ documentId, text }: { documentId: string; text: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const query = useStore((s) => s.findQuery);
  const fold = useStore((s) => s.findFold);
  const findIndex = useStore((s) => s.findIndex);
  const focusSeq = useStore((s) => s.findFocusSeq);
  const store = useStore.getState;
  const shown = useDisplayText(text);
  const matches = useFindMatches(shown);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusSeq]);

  // Another document starts from its first match, without scrolling away from where it opens.
  const seenDocument = useRef(documentId);
  useEffect(() => {
    if (seenDocument.current === documentId) return;
    seenDocument.current = documentId;
    useStore.setState({ findIndex: 0 });
  }, [documentId]);

  const count = matches?.length ?? 0;
  const current = wrapIndex(findIndex, count);
  const step = (by: number) => {
    if (count > 0) store().setFindIndex(current + by);
  };
  const close = () => {
    store().closeFind();
    focusReader();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      // The current match stays selected, ready for the code picker or Shift+arrows.
      const match = matchRange(shown, current >= 0 ? matches?.[current] : undefined);
      close();
      if (match) {
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(match);
      }
    }
  };

  let status = '';
  if (query && matches === null) status = '…';
  else if (query && count === 0) status = t('findNone');
  else if (count > 0) status = `${formatCount(current + 1, lang)} / ${formatCount(count, lang)}`;

  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={inputRef}
        type="text"
        data-testid="find-input"
        placeholder={t('findPlaceholder')}
        aria-label={t('findPlaceholder')}
        spellCheck={false}
        value={query}
        onChange={(e) => store().setFindQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className={'find-count' + (query && count === 0 && matches !== null ? ' none' : '')} data-testid="find-count" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        className={'find-fold' + (fold ? ' on' : '')}
        data-testid="find-fold"
        aria-pressed={fold}
        title={t('foldHint')}
        onClick={() => store().setFindFold(!fold)}
      >
        {t('findFoldShort')}
      </button>
      <span className="find-sep" />
      <button type="button" className="icon" data-testid="find-prev" title={t('findPrev')} aria-label={t('findPrev')} disabled={count === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" className="icon" data-testid="find-next" title={t('findNext')} aria-label={t('findNext')} disabled={count === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" className="icon" data-testid="find-close" title={t('closeFind')} aria-label={t('closeFind')} onClick={close}>
        ×
      </button>
    </div>
  );
}

export function FindBar() {
  const doc = useStore((s) => s.doc);
  const open = useStore((s) => s.findOpen);
  if (!open || !doc) return null;
  return <FindBarOpen documentId={doc.id} text={doc.text} />;
}
