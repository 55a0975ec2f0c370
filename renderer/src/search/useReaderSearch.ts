// The reader's side of search: paints find-bar matches, keeps the current one in view, and scrolls to
// and flashes the place a search result points at. The Reader calls this once; all logic lives here.
import { useEffect, useMemo, useRef } from 'react';
import { rangeFor } from '../lib/domOffsets';
import { useStore } from '../store';
import { useFindMatches, wrapIndex } from './findMatches';
import { clearFind, clearFlash, flashRange, paintFind, rangesFor, scrollRangeIntoView } from './paint';

interface ReaderSearchArgs {
  root: HTMLElement | null;
  /** Bumped every time the reader (re)loads its paragraphs; DOM ranges from before are dead. */
  readyTick: number;
  documentId: string;
  /** The text as shown (same length as the stored text). */
  text: string;
  starts: readonly number[];
}

export function useReaderSearch({ root, readyTick, documentId, text, starts }: ReaderSearchArgs): void {
  const matches = useFindMatches(text);
  const findIndex = useStore((s) => s.findIndex);
  const reveal = useStore((s) => s.reveal);
  const ready = root !== null && readyTick > 0;

  const ranges = useMemo(
    () => (ready && matches ? rangesFor(root, starts, matches) : []),
    // readyTick: a reload of the paragraphs replaces the text nodes the ranges point into.
    [ready, root, starts, matches, readyTick],
  );

  const current = wrapIndex(findIndex, ranges.length);

  useEffect(() => {
    if (!ready) return;
    const cur = current >= 0 ? ranges[current] : null;
    paintFind(
      ranges.filter((r, i): r is Range => r !== null && i !== current),
      cur,
    );
  }, [ready, ranges, current]);

  // Bring the current match into view after the user asked for it (typed, next, previous), once the
  // ranges exist; opening a document or switching script leaves the reading position alone.
  const scrollSeq = useStore((s) => s.findScrollSeq);
  const scrolledSeq = useRef(useStore.getState().findScrollSeq);
  useEffect(() => {
    if (!ready || !root || current < 0 || !matches || scrolledSeq.current === scrollSeq) return;
    scrolledSeq.current = scrollSeq;
    const r = ranges[current];
    if (r) scrollRangeIntoView(root, starts, matches[current].start, r);
  }, [ready, root, starts, ranges, current, matches, scrollSeq]);

  useEffect(() => () => clearFind(), []);

  // A search result asked for this place: scroll to it and flash it, once per request.
  const revealed = useRef(0);
  useEffect(() => {
    if (!ready || !root || !reveal || reveal.documentId !== documentId || revealed.current === reveal.seq) return;
    revealed.current = reveal.seq;
    const r = rangeFor(root, starts, reveal.start, Math.min(reveal.end, text.length));
    if (!r) return;
    scrollRangeIntoView(root, starts, reveal.start, r);
    flashRange(r);
  }, [ready, root, starts, reveal, documentId, text.length]);

  useEffect(() => () => clearFlash(), []);
}
