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
import { DocumentTools } from './DocumentTools';
import { ReaderExtras, readerNodes } from './RemovedSpans';
import { useT } from '../i18n';
import { offsetAtPoint, selectionOffsets } from '../lib/domOffsets';
import { $appendParagraphs } from '../lib/readerStructure';
import { clearHighlights, highlightCss, paintHighlights } from '../lib/highlights';
import { useDisplayText } from '../search/chinese';
import { FindBar } from '../search/FindBar';
import { ScriptSwitch } from '../search/ScriptSwitch';
import { useReaderSearch } from '../search/useReaderSearch';
import { useStore } from '../store';

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
  x: number;
  y: number;
}

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
  const starts = useMemo(() => paragraphStarts(paragraphs), [paragraphs]);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [readyTick, setReadyTick] = useState(0);
  const [pending, setPending] = useState<Pending | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
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

  const captureSelection = useCallback(() => {
    if (!root) return;
    const sel = window.getSelection();
    const off = selectionOffsets(root, doc.text, starts, sel);
    if (!off) {
      setPending(null);
      return;
    }
    const rects = off.range.getClientRects();
    const last = rects[rects.length - 1] ?? off.range.getBoundingClientRect();
    setPending({ start: off.start, end: off.end, x: last.right, y: last.bottom });
  }, [root, doc.text, starts]);

  const apply = useCallback(
    async (themeId: string | null) => {
      if (!pending) return;
      const { start, end } = pending;
      setPending(null);
      window.getSelection()?.removeAllRanges();
      await createAnnotation(start, end, themeId ? [themeId] : []);
    },
    [pending],
  );

  // Keys while the toolbar is open: 1–9 apply a theme, Esc closes.
  useEffect(() => {
    if (!pending) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        setPending(null);
        return;
      }
      if (/^[1-9]$/.test(e.key)) {
        const th = useStore.getState().themes[Number(e.key) - 1];
        if (th) {
          e.preventDefault();
          void apply(th.id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, apply]);

  // Scrolling moves the selection; drop the toolbar.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || !pending) return;
    const onScroll = () => setPending(null);
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, [pending]);

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

  const onKeyUp = (e: React.KeyboardEvent) => {
    if (e.key.startsWith('Shift') || e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || (e.key === 'a' && (e.ctrlKey || e.metaKey))) {
      captureSelection();
    }
  };

  const alpha = scheme === 'dark' ? 0.42 : 0.35;
  const meta = [doc.byline, doc.source, formatDate(doc.publishedAt)].filter(Boolean).join(' · ');

  return (
    <div className="reader-scroll" ref={scrollRef} onMouseUp={onMouseUp} onKeyUp={onKeyUp}>
      <style>{highlightCss(themes, alpha)}</style>
      <article className="reader-article">
        <header className="reader-header">
          <h1>{shownTitle || t('untitled')}</h1>
          {meta && <div className="reader-meta">{meta}</div>}
          {doc.url && <div className="reader-url">{doc.url}</div>}
          <ScriptSwitch />
          <DocumentTools doc={doc} root={root} starts={starts} />
        </header>
        <LexicalComposer key={doc.id} initialConfig={initialConfig}>
          <PlainTextPlugin
            contentEditable={<ContentEditable className="reader-text" data-testid="reader-text" tabIndex={0} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <DocumentLoader paragraphs={paragraphs} starts={starts} marks={doc.marks} onReady={onReady} />
          <ReaderExtras doc={doc} paragraphs={paragraphs} onChange={onReady} />
          <RootGrabber onRoot={setRoot} />
        </LexicalComposer>
      </article>
      {pending && (
        <div
          className="selection-toolbar"
          data-testid="selection-toolbar"
          style={{ left: Math.max(8, Math.min(pending.x - 40, window.innerWidth - 460)), top: pending.y + 8 }}
          onMouseUp={(e) => e.stopPropagation()}
          onMouseDown={(e) => e.preventDefault()}
        >
          {themes.map((th, i) => (
            <button
              key={th.id}
              type="button"
              data-testid="apply-theme"
              data-theme-name={th.name}
              title={i < 9 ? `${i + 1}` : undefined}
              onClick={() => void apply(th.id)}
            >
              <span className="swatch" style={{ background: th.color }} />
              {th.name}
              {i < 9 && <kbd>{i + 1}</kbd>}
            </button>
          ))}
          <button type="button" data-testid="apply-plain" className="plain" onClick={() => void apply(null)}>
            {t('highlight')}
          </button>
        </div>
      )}
    </div>
  );
}

export function Reader() {
  const t = useT();
  const doc = useStore((s) => s.doc);
  const loading = useStore((s) => s.docLoading);
  return (
    <main className="reader" data-testid="reader">
      {doc && <FindBar />}
      {doc ? <ReaderView key={doc.id} doc={doc} /> : <div className="empty">{loading ? t('loading') : t('selectDocument')}</div>}
    </main>
  );
}
