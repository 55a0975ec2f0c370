// Long-lists bench page for `npm run bench` (bench/browser.ts): the library panel with 10,000 documents and
// the annotations browser with 100,000 highlights, windowed as the app renders them, next to the same
// rows all rendered at once (the naive baseline). Time to the painted list, time per scroll step and the
// DOM nodes of each. The data is made in the page; the annotations come from an in-page backend.
import './fakeBackend';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { CodedPassage, DocumentSummary, Theme } from '../../../shared/domain';
import { mulberry32 } from '../../../shared/random';
import { AnnotationBrowser } from '../../src/codebook/AnnotationBrowser';
import { LibraryPanel } from '../../src/components/LibraryPanel';
import { useStore } from '../../src/store';
import { backend } from './fakeBackend';
import '../../src/styles.css';

const STAMP = { createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z', author: 'bench' };
const COLORS = ['#f59e0b', '#10b981', '#3b82f6', '#ef4444', '#8b5cf6', '#ec4899'];

let docs: DocumentSummary[] = [];
let themes: Theme[] = [];

function setup(sentences: string[], documents: number, highlights: number) {
  const rnd = mulberry32(7);
  const pick = () => sentences[Math.floor(rnd() * sentences.length)];
  themes = COLORS.map((color, i) => ({ ...STAMP, id: `theme-${i}`, parentId: null, name: `主题${i + 1}`, memoJson: null, memoText: '', pinned: null, questions: '', color, description: '', sortOrder: i, annotationCount: 0 }));
  docs = Array.from({ length: documents }, (_, i) => ({
    ...STAMP,
    id: `doc-${i}`,
    title: `${i + 1} ${pick().slice(0, 24)}`,
    source: i % 7 ? '新华社' : null,
    byline: null,
    url: null,
    publishedAt: i % 7 ? `20${19 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : null,
    editor: null,
    script: i % 2 ? 'traditional' : 'simplified',
    collectionId: null,
    collectionOrder: 0,
    length: 2000,
    annotationCount: Math.floor(highlights / documents),
    removedCount: 0,
  }));
  backend.passages = Array.from({ length: highlights }, (_, i): CodedPassage => {
    const doc = docs[i % documents];
    const text = pick();
    const cut = Math.min(text.length - 1, 4 + Math.floor(rnd() * 12));
    return {
      annotation: {
        ...STAMP,
        id: `a-${i}`,
        documentId: doc.id,
        start: i * 10,
        end: i * 10 + cut,
        exact: text.slice(0, cut),
        prefix: '',
        suffix: '',
        themeIds: [themes[i % themes.length].id, ...(i % 5 ? [] : [themes[(i + 2) % themes.length].id])],
        noteJson: null,
        noteText: i % 4 ? '' : `笔记 ${i}：${pick()}`,
        deletedAt: null,
      },
      documentTitle: doc.title,
      source: doc.source,
      publishedAt: doc.publishedAt,
      paragraph: 1 + (i % 30),
      before: pick(),
      after: text.slice(cut) + pick(),
    };
  });
  useStore.setState({ scheme: 'light', lang: 'zh-CN', themes, docs, docsLoaded: true, collections: [], doc: null, annotations: [], browseScope: 'library', browseCursor: 0 });
  return { documents: docs.length, highlights: backend.passages.length };
}

// --- the naive baselines: every row rendered, the markup of the rows as they were before windowing ---
function NaiveLibrary() {
  return (
    <nav className="library" style={{ overflowY: 'auto', display: 'block' }}>
      <ul className="naive-list">
        {docs.map((d) => (
          <li key={d.id}>
            <button type="button" className="doc-item" style={{ position: 'static', height: 'auto', width: '100%', textAlign: 'left' }}>
              <span className="doc-title">{d.title}</span>
              <span className="doc-meta">{[d.source, d.publishedAt].filter(Boolean).join(' · ')}</span>
              <span className="doc-count">{d.annotationCount} 处高亮</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NaiveBrowser() {
  const byId = new Map(themes.map((t) => [t.id, t]));
  return (
    <div className="browse-panel">
      <div className="browse-list" role="listbox">
        {backend.passages.map((p, i) => (
          <div key={p.annotation.id} role="option" aria-selected={i === 0} className="browse-row" style={{ position: 'static', height: 96 }}>
            <div className="br-head">
              <span className="ann-swatches">
                {p.annotation.themeIds.map((id) => (
                  <span key={id} className="swatch" style={{ background: byId.get(id)?.color }} />
                ))}
              </span>
              <span className="br-where">《{p.documentTitle}》</span>
              <span className="br-para">第 {p.paragraph} 段</span>
              <span className="br-date">{p.annotation.createdAt.slice(0, 10)}</span>
            </div>
            <div className="br-quote">
              <span className="br-ctx">{p.before.slice(-24)}</span>
              <mark>{p.annotation.exact}</mark>
              <span className="br-ctx">{p.after.slice(0, 40)}</span>
            </div>
            <div className="br-note">{p.annotation.noteText}</div>
          </div>
        ))}
      </div>
    </div>
  );
}

// --- shell and measurements ---
type View = 'library' | 'naiveLibrary' | 'browser' | 'naiveBrowser';
const VIEWS: Record<View, () => React.ReactNode> = {
  library: () => <LibraryPanel />,
  naiveLibrary: () => <NaiveLibrary />,
  browser: () => <AnnotationBrowser />,
  naiveBrowser: () => <NaiveBrowser />,
};
const root = createRoot(document.getElementById('root')!);
const frame = document.getElementById('root')!;
frame.style.cssText = 'height: 100vh; width: 360px; display: flex; flex-direction: column;';

/** Resolves after the next frame has been rendered (a message posted from rAF runs after its paint). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    }),
  );
}

export interface ListTiming {
  /** From the render call to the first painted frame showing rows. */
  ms: number;
  /** The annotations browser: from the backend's answer to the painted rows (its 150 ms query pause left out). */
  fromAnswerMs: number | null;
  domNodes: number;
  rows: number;
  scrollMedianMs: number;
  scrollMaxMs: number;
  heapMB: number | null;
}

const ROW_SELECTOR: Record<View, string> = {
  library: '[data-testid="doc-item"]',
  naiveLibrary: '.doc-item',
  browser: '[data-testid="browse-item"]',
  naiveBrowser: '.browse-row',
};
const SCROLLER: Record<View, string> = { library: '.library-list', naiveLibrary: '.library', browser: '.browse-list', naiveBrowser: '.browse-list' };

/** Whether rendered rows fill the scroller's view from top to bottom. */
function covered(view: View, scroller: HTMLElement): boolean {
  const box = scroller.getBoundingClientRect();
  let top = Infinity;
  let bottom = -Infinity;
  for (const row of scroller.querySelectorAll(ROW_SELECTOR[view])) {
    const r = row.getBoundingClientRect();
    if (r.bottom < box.top || r.top > box.bottom) continue;
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return top <= box.top + 100 && bottom >= box.bottom - 100;
}

async function open(view: View): Promise<ListTiming> {
  flushSync(() => root.render(null));
  useStore.setState({ browseOutcome: { status: 'idle', page: null, error: null }, browseCursor: 0 });
  await afterPaint();
  const t0 = performance.now();
  backend.answeredAt = 0;
  flushSync(() => root.render(<>{VIEWS[view]()}</>));
  let painted = await afterPaint();
  for (let n = 0; !frame.querySelector(ROW_SELECTOR[view]); n++) {
    if (n > 2000) throw new Error(`${view}: no rows`);
    painted = await afterPaint();
  }
  const ms = painted - t0;
  const fromAnswerMs = backend.answeredAt ? painted - backend.answeredAt : null;
  const scroller = frame.querySelector<HTMLElement>(SCROLLER[view])!;
  const steps: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    scroller.scrollTop += 2400;
    let shown = await afterPaint();
    // Until the rows cover the view again (a windowed list renders the new rows after the scroll event).
    for (let n = 0; !covered(view, scroller) && n < 120; n++) shown = await afterPaint();
    steps.push(shown - s);
  }
  steps.sort((a, b) => a - b);
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return {
    ms,
    fromAnswerMs,
    domNodes: frame.querySelectorAll('*').length,
    rows: frame.querySelectorAll(ROW_SELECTOR[view]).length,
    scrollMedianMs: steps[steps.length >> 1],
    scrollMaxMs: steps[steps.length - 1],
    heapMB: memory ? memory.usedJSHeapSize / 1024 / 1024 : null,
  };
}

const api = {
  setup,
  open,
  async close() {
    flushSync(() => root.render(null));
    await afterPaint();
  },
  unexpectedCalls: () => backend.unexpected.slice(),
};

export type PizhuListsBench = typeof api;
declare global {
  interface Window {
    pizhuListsBench: PizhuListsBench;
  }
}
window.pizhuListsBench = api;
document.documentElement.dataset.benchReady = '1';
