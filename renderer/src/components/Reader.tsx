import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { HeadingNode } from '@lexical/rich-text';
import { $getRoot } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord, TextMark } from '../../../shared/domain';
import { paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { createAnnotation } from '../actions';
import { createThemeAndApply } from '../codebook/actions';
import { CodePicker, type PickerAnchor } from '../codebook/CodePicker';
import { HoverCard } from '../codebook/HoverCard';
import { DocumentTools } from './DocumentTools';
import { ReaderExtras, readerNodes } from './RemovedSpans';
import { useT } from '../i18n';
import { offsetAtPoint, rangeFor, selectionOffsets } from '../lib/domOffsets';
import { $appendParagraphs } from '../lib/readerStructure';
import { clearHighlights, highlightCss, paintHighlights, supportsHighlights } from '../lib/highlights';
import { useDisplayText } from '../search/chinese';
import { FindBar } from '../search/FindBar';
import { ScriptSwitch } from '../search/ScriptSwitch';
import { useReaderSearch } from '../search/useReaderSearch';
import { readerModeOf, useStore } from '../store';
import { RevisionEditor } from '../revision/RevisionEditor';
import { RevisionTools } from '../revision/RevisionTools';
import { VersionsView } from '../revision/VersionsView';

function DocumentLoader({ paragraphs, starts, marks, onReady }: { paragraphs: string[]; starts: number[]; marks: TextMark[]; onReady: () => void }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        $appendParagraphs(root, paragraphs, starts, marks);
      },
      { discrete: true },
    );
    onReady();
  }, [editor, paragraphs, starts, marks, onReady]);
  return null;
}

function RootGrabber({ onRoot }: { onRoot: (el: HTMLElement | null) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerRootListener((el) => onRoot(el)), [editor, onRoot]);
  return null;
}

interface Pending {
  start: number;
  end: number;
  /** A copy of the selected range: it stays painted while focus moves into the picker. */
  range: Range;
  anchor: PickerAnchor;
}

/** Where the picker hangs: the end of the selection's last line box. */
function anchorOf(range: Range): PickerAnchor {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { x: last.right, top: last.top, bottom: last.bottom };
}

const PENDING_HIGHLIGHT = 'pick-pending';

function formatDate(s: string | null): string {
  // Stored as the source printed it (ISO date); shown as is, never shifted by time zones.
  return s ?? '';
}

function ReaderView({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const annotations = useStore((s) => s.annotations);
  const activeId = useStore((s) => s.activeId);
  const scheme = useStore((s) => s.scheme);
  const setActive = useStore((s) => s.setActive);
  const setSideTab = useStore((s) => s.setSideTab);
  // The script switch changes the characters shown, never their number: offsets into doc.text hold.
  const shownText = useDisplayText(doc.text);
  const shownTitle = useDisplayText(doc.title);
  const paragraphs = useMemo(() => splitParagraphs(shownText), [shownText]);
  // By content, not identity: a re-fetched document (after any annotation change) must not rebuild the
  // paragraphs, which would drop the selection and every DOM range pointing into them.
  const marksKey = JSON.stringify(doc.marks);
  const marks = useMemo(() => JSON.parse(marksKey) as TextMark[], [marksKey]);
  const starts = useMemo(() => paragraphStarts(paragraphs), [paragraphs]);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [readyTick, setReadyTick] = useState(0);
  const [pending, setPendingState] = useState<Pending | null>(null);
  // Read by the picker's actions: a key can arrive before the re-render that follows a selection change.
  const pendingRef = useRef<Pending | null>(null);
  const setPending = useCallback((next: Pending | null | ((p: Pending | null) => Pending | null)) => {
    pendingRef.current = typeof next === 'function' ? next(pendingRef.current) : next;
    setPendingState(pendingRef.current);
  }, []);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The selection the user closed the picker on (Esc, a click elsewhere) does not reopen it; selecting the
  // same text again (a new range) does.
  const dismissed = useRef<{ range: Range | null; key: string }>({ range: null, key: '' });
  const onReady = useCallback(() => setReadyTick((n) => n + 1), []);

  const initialConfig = useMemo(
    () => ({
      namespace: 'pizhu-reader',
      nodes: [...readerNodes, HeadingNode],
      editable: false,
      theme: { paragraph: 'pz-para', heading: { h2: 'pz-heading pz-h1', h3: 'pz-heading pz-h2', h4: 'pz-heading pz-h3' }, text: { bold: 'pz-bold', italic: 'pz-italic' } },
      onError: (e: Error) => console.error(e),
    }),
    [],
  );

  useEffect(() => {
    if (!root || readyTick === 0) return;
    // Keyed by readyTick too: reloading the paragraphs (script switch) replaces the text nodes cached ranges point into.
    paintHighlights(root, `${doc.id}#${readyTick}`, starts, annotations, themes, activeId);
  }, [root, readyTick, doc.id, starts, annotations, themes, activeId]);

  useEffect(() => () => clearHighlights(), []);

  useReaderSearch({ root, readyTick, documentId: doc.id, text: shownText, starts });

  // Scroll the active annotation into view when chosen from the side panel.
  useEffect(() => {
    if (!root || !activeId) return;
    const a = useStore.getState().annotations.find((x) => x.id === activeId);
    if (!a) return;
    const i = starts.findIndex((s, k) => s <= a.start && a.start < starts[k + 1]);
    const p = root.children[i] as HTMLElement | undefined;
    const box = scrollRef.current;
    if (!p || !box) return;
    const pr = p.getBoundingClientRect();
    const br = box.getBoundingClientRect();
    if (pr.bottom < br.top || pr.top > br.bottom) p.scrollIntoView({ block: 'center' });
  }, [activeId, root, starts]);

  /** Opens the picker on the reader's selection; `fromKeys` leaves an open picker alone when there is none. */
  const captureSelection = useCallback(
    (fromKeys = false) => {
      if (!root) return;
      const off = selectionOffsets(root, doc.text, starts, window.getSelection());
      if (!off) {
        if (!fromKeys) setPending(null);
        return;
      }
      if (fromKeys && dismissed.current.range === off.range && dismissed.current.key === `${off.start}:${off.end}`) return;
      dismissed.current = { range: null, key: '' };
      setPending((p) => (p && p.start === off.start && p.end === off.end ? p : { start: off.start, end: off.end, range: off.range.cloneRange(), anchor: anchorOf(off.range) }));
    },
    [root, doc.text, starts, setPending],
  );

  /** After coding, the caret waits at the end of the passage: Shift+arrows start the next selection from there. */
  const finish = useCallback(
    (end: number) => {
      setPending(null);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      if (!root) return;
      root.focus({ preventScroll: true });
      const r = rangeFor(root, starts, end, end);
      if (r && sel) sel.addRange(r);
    },
    [root, starts, setPending],
  );

  const apply = useCallback(
    async (themeId: string | null) => {
      const p = pendingRef.current;
      if (!p) return;
      finish(p.end);
      await createAnnotation(p.start, p.end, themeId ? [themeId] : []);
    },
    [finish],
  );

  const create = useCallback(
    async (name: string) => {
      const p = pendingRef.current;
      if (!p) return;
      finish(p.end);
      await createThemeAndApply(name, p.start, p.end);
    },
    [finish],
  );

  const dismiss = useCallback(() => {
    const sel = window.getSelection();
    if (pending) dismissed.current = { range: sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null, key: `${pending.start}:${pending.end}` };
    setPending(null);
    if (root && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
  }, [pending, root, setPending]);

  // The selection as it was, painted while focus is in the picker's filter.
  useEffect(() => {
    if (!pending || !supportsHighlights()) return;
    const h = new Highlight(pending.range);
    h.priority = 20;
    CSS.highlights.set(PENDING_HIGHLIGHT, h);
    return () => {
      CSS.highlights.delete(PENDING_HIGHLIGHT);
    };
  }, [pending]);

  // Scrolling carries the selection along; the picker follows it, and closes once it is out of view.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || !pending) return;
    const onScroll = () => {
      const a = anchorOf(pending.range);
      const b = box.getBoundingClientRect();
      if (a.bottom < b.top || a.top > b.bottom) setPending(null);
      else setPending((p) => (p ? { ...p, anchor: a } : p));
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, [pending, setPending]);

  // Keyboard selections (Shift+arrows, Ctrl+A, a find match chosen with Esc) open the picker too; a mouse
  // drag opens it on release (onMouseUp), not at every step of the drag.
  const captureRef = useRef(captureSelection);
  captureRef.current = captureSelection;
  useEffect(() => {
    if (!root) return;
    let mouseDown = false;
    const down = () => {
      mouseDown = true;
    };
    const up = () => {
      mouseDown = false;
    };
    // At once, not after a pause: the next key may already move focus into the picker.
    const onChange = () => {
      if (mouseDown) return;
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !sel.anchorNode || !root.contains(sel.anchorNode)) return;
      captureRef.current(true);
    };
    // A drag and drop (the theme tree's) ends without a mouseup: dragend says the button is up again.
    const upEvents = ['mouseup', 'dragend', 'drop'] as const;
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('mousedown', down, true);
    for (const type of upEvents) document.addEventListener(type, up, true);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('mousedown', down, true);
      for (const type of upEvents) document.removeEventListener(type, up, true);
    };
  }, [root]);

  const onMouseUp = (e: React.MouseEvent) => {
    if (e.button !== 0) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) {
      captureSelection();
      return;
    }
    setPending(null);
    if (!root) return;
    const o = offsetAtPoint(root, starts, e.clientX, e.clientY);
    if (o === null) return;
    const hits = useStore
      .getState()
      .annotations.filter((a) => a.start <= o && o <= a.end && a.end > a.start)
      .sort((a, b) => {
        const ia = a.start <= o && o < a.end ? 0 : 1;
        const ib = b.start <= o && o < b.end ? 0 : 1;
        return ia - ib || a.end - a.start - (b.end - b.start);
      });
    if (hits.length > 0) {
      setActive(hits[0].id);
      setSideTab('annotation');
    }
  };

  const alpha = scheme === 'dark' ? 0.42 : 0.35;
  const meta = [doc.byline, doc.source, formatDate(doc.publishedAt)].filter(Boolean).join(' · ');

  return (
    <div className="reader-scroll" ref={scrollRef} onMouseUp={onMouseUp}>
      <style>{highlightCss(themes, alpha)}</style>
      <article className="reader-article">
        <header className="reader-header">
          <h1>{shownTitle || t('untitled')}</h1>
          {meta && <div className="reader-meta">{meta}</div>}
          {doc.url && <div className="reader-url">{doc.url}</div>}
          <div className="reader-header-tools">
            <RevisionTools />
            <ScriptSwitch />
          </div>
          <DocumentTools doc={doc} root={root} starts={starts} />
        </header>
        <LexicalComposer key={doc.id} initialConfig={initialConfig}>
          <PlainTextPlugin
            contentEditable={<ContentEditable className="reader-text" data-testid="reader-text" tabIndex={0} aria-label={shownTitle || t('untitled')} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <DocumentLoader paragraphs={paragraphs} starts={starts} marks={marks} onReady={onReady} />
          <ReaderExtras doc={doc} paragraphs={paragraphs} onChange={onReady} />
          <RootGrabber onRoot={setRoot} />
        </LexicalComposer>
      </article>
      {pending && (
        <CodePicker
          anchor={pending.anchor}
          onApply={(id) => void apply(id)}
          onCreate={(name) => void create(name)}
          onClose={dismiss}
          syncSelection={() => captureRef.current(true)}
        />
      )}
      <HoverCard root={root} starts={starts} scrollRef={scrollRef} disabled={pending !== null} />
    </div>
  );
}

export function Reader() {
  const t = useT();
  const doc = useStore((s) => s.doc);
  const loading = useStore((s) => s.docLoading);
  const mode = useStore(readerModeOf);
  const view = !doc ? null : mode === 'edit' ? <RevisionEditor key={doc.id} doc={doc} /> : mode === 'versions' ? <VersionsView key={doc.id} doc={doc} /> : <ReaderView key={doc.id} doc={doc} />;
  return (
    <main className="reader" data-testid="reader">
      {doc && mode === 'read' && <FindBar />}
      {view ?? <div className="empty">{loading ? t('loading') : t('selectDocument')}</div>}
    </main>
  );
}
