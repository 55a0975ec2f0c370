// Bench page for `npm run bench` (browser part). Not linked from the app; built as a second Vite entry.
// Everything is driven from bench/browser.ts through window.pizhuBench; nothing here talks to the API:
// the reader store is filled with useStore.setState, and fetch is trapped to prove it.
import { memo, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { create } from 'zustand';
import type { Annotation, DocumentRecord, Theme } from '../../shared/domain';
import { paragraphIndexAt, paragraphStarts, splitParagraphs } from '../../shared/offsets';
import { Reader } from '../src/components/Reader';
import { useStore } from '../src/store';
import '../src/styles.css';
import { mulberry32 } from '../../shared/random';

const DOC_LENGTH = 500_000;
const HIGHLIGHTS = 2_000;
const COLORS = ['#f59e0b', '#10b981', '#3b82f6', '#ef4444', '#8b5cf6', '#ec4899'];
const STAMP = { createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z', author: 'bench' };

// --- guard: the bench page must never reach the API -------------------------------------------
let apiCalls = 0;
window.fetch = (() => {
  apiCalls++;
  return Promise.reject(new Error('bench page: no API'));
}) as typeof fetch;

// --- data ---------------------------------------------------------------------------------------
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

interface Data {
  doc: DocumentRecord;
  paragraphs: string[];
  starts: number[];
  themes: Theme[];
  annotations: Annotation[];
}

function buildData(sentences: string[]): Data {
  if (sentences.length === 0) throw new Error('no seed sentences');
  const rnd = mulberry32(20240611);
  const paragraphs: string[] = [];
  let total = 0;
  let si = 0;
  while (total < DOC_LENGTH) {
    const target = 150 + Math.floor(rnd() * 250);
    let p = '';
    while (p.length < target) p += sentences[si++ % sentences.length];
    p = cut(p, 400);
    const room = DOC_LENGTH - total - (paragraphs.length ? 1 : 0);
    if (p.length >= room) p = cut(p, room);
    paragraphs.push(p);
    total += p.length + (paragraphs.length > 1 ? 1 : 0);
  }
  const text = paragraphs.join('\n');
  const starts = paragraphStarts(paragraphs);
  const themes: Theme[] = COLORS.map((color, i) => ({
    ...STAMP,
    id: `00000000-0000-4000-8000-00000000000${i}`,
    parentId: null,
    name: `主题${i + 1}`,
    memoJson: null,
    memoText: '',
    pinned: null,
    questions: '',
    color,
    description: '',
    sortOrder: i,
    annotationCount: 0,
  }));
  const annotations: Annotation[] = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    let start: number;
    let len = 4 + Math.floor(rnd() * 56);
    const prev = annotations[annotations.length - 1];
    if (prev && i % 8 === 0) {
      // overlap the previous highlight
      start = prev.start + Math.floor((prev.end - prev.start) / 2);
      len = prev.end - prev.start + 10;
    } else {
      start = Math.floor(((i + rnd() * 0.8) * text.length) / HIGHLIGHTS);
    }
    const pi = paragraphIndexAt(starts, start);
    const pEnd = starts[pi] + paragraphs[pi].length;
    if (start >= pEnd) start = Math.max(starts[pi], pEnd - 4);
    const end = Math.min(start + len, pEnd);
    const themeIds = [themes[i % themes.length].id];
    if (i % 5 === 0) themeIds.push(themes[(i + 2) % themes.length].id);
    annotations.push(makeAnnotation(`a-${i}`, text, start, end, themeIds));
  }
  annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  const doc: DocumentRecord = {
    ...STAMP,
    id: 'bench-doc',
    title: '基准测试文本',
    source: null,
    byline: null,
    url: null,
    publishedAt: null,
    editor: null,
    script: 'simplified',
    collectionId: null,
    collectionOrder: 0,
    removedCount: 0,
    removed: [],
    report: null,
    marks: [],
    length: text.length,
    annotationCount: annotations.length,
    text,
  };
  return { doc, paragraphs, starts, themes, annotations };
}

function makeAnnotation(id: string, text: string, start: number, end: number, themeIds: string[]): Annotation {
  return {
    ...STAMP,
    id,
    documentId: 'bench-doc',
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    themeIds,
    noteJson: null,
    noteText: '',
    deletedAt: null,
  };
}

// --- baseline: plain React paragraphs with <mark> spans ------------------------------------------
function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const PlainPara = memo(
  function PlainPara({ text, start, anns, colors }: { text: string; start: number; anns: Annotation[]; colors: Map<string, string> }) {
    if (anns.length === 0) return <p>{text}</p>;
    const cuts = new Set<number>([0, text.length]);
    for (const a of anns) {
      cuts.add(Math.max(0, a.start - start));
      cuts.add(Math.min(text.length, a.end - start));
    }
    const bounds = [...cuts].sort((x, y) => x - y);
    const out: React.ReactNode[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const s = bounds[k];
      const e = bounds[k + 1];
      const over = anns.filter((a) => a.start - start <= s && a.end - start >= e);
      const piece = text.slice(s, e);
      if (over.length === 0) out.push(piece);
      else {
        const top = over[over.length - 1];
        const color = colors.get(top.themeIds[0] ?? '') ?? '#facc15';
        out.push(
          <mark key={s} data-top={top.id} data-count={over.length} style={{ background: rgba(color, 0.35), color: 'inherit' }}>
            {piece}
          </mark>,
        );
      }
    }
    return <p>{out}</p>;
  },
  (a, b) => a.text === b.text && a.start === b.start && a.colors === b.colors && a.anns.length === b.anns.length && a.anns.every((x, i) => x === b.anns[i]),
);

function PlainDoc({ data, anns }: { data: Data; anns: Annotation[] }) {
  const colors = useMemo(() => new Map(data.themes.map((t) => [t.id, t.color])), [data.themes]);
  const byPara = useMemo(() => {
    const m: Annotation[][] = data.paragraphs.map(() => []);
    for (const a of anns) m[paragraphIndexAt(data.starts, a.start)].push(a);
    return m;
  }, [data, anns]);
  return (
    <main className="reader">
      <div className="reader-scroll">
        <article className="reader-article">
          <header className="reader-header">
            <h1>{data.doc.title}</h1>
          </header>
          <div className="reader-text">
            {data.paragraphs.map((p, i) => (
              <PlainPara key={i} text={p} start={data.starts[i]} anns={byPara[i]} colors={colors} />
            ))}
          </div>
        </article>
      </div>
    </main>
  );
}

// --- bench shell ------------------------------------------------------------------------------
type Mode = 'none' | 'reader' | 'plain';
const useBench = create<{ mode: Mode; plainAnns: Annotation[] | null }>(() => ({ mode: 'none', plainAnns: null }));
let data: Data | null = null;

function BenchApp() {
  const mode = useBench((s) => s.mode);
  const plainAnns = useBench((s) => s.plainAnns);
  return (
    <div style={{ height: '100vh' }}>
      {mode === 'reader' && <Reader />}
      {mode === 'plain' && data && plainAnns && <PlainDoc data={data} anns={plainAnns} />}
    </div>
  );
}

// Highlights are painted by CSS.highlights.set; record when the last one happened to split script time from rendering.
let lastHighlightSet = 0;
if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
  const reg = CSS.highlights;
  const orig = reg.set.bind(reg);
  reg.set = (name: string, h: Highlight) => {
    lastHighlightSet = performance.now();
    return orig(name, h);
  };
}

const raf = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

export interface Timing {
  ms: number;
  /** ms from start until script work ended: the last CSS.highlights.set (Reader), React's flush (plain) */
  scriptMs: number;
  /** ms from start until the start of the frame that showed the result (0: the same frame) */
  frameStartMs: number;
  apiCalls: number;
}

/**
 * Runs action() at the start of a frame (inside a rAF callback) and returns the time until that frame,
 * or the first later frame in which ready() holds, has been rendered (a message posted from the frame's
 * rAF runs right after its style/layout/paint). A result under one frame therefore means "shown in the
 * very next frame"; waiting for vsync before the action is not counted.
 */
function measure(action: () => void, ready: () => boolean, hl: boolean): Promise<Timing> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      const t0 = performance.now();
      action();
      let scriptEnd = 0;
      queueMicrotask(() => (scriptEnd = performance.now()));
      let frames = 0;
      const check = (frameStart: number) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const done = performance.now();
          if (ready()) {
            resolve({ ms: done - t0, scriptMs: (hl ? lastHighlightSet : scriptEnd) - t0, frameStartMs: frameStart - t0, apiCalls });
          } else if (++frames > 600) reject(new Error('never became ready'));
          else requestAnimationFrame(() => check(performance.now()));
        };
        ch.port2.postMessage(null);
      };
      check(t0);
    });
  });
}

function readerRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="reader-text"]');
}

async function settle() {
  await raf();
  await raf();
}

async function close(): Promise<void> {
  useStore.setState({ doc: null, annotations: [], activeId: null });
  useBench.setState({ mode: 'none', plainAnns: null });
  await settle();
}

function need(): Data {
  if (!data) throw new Error('call setup() first');
  return data;
}

const api = {
  setup(sentences: string[]) {
    data = buildData(sentences);
    useStore.setState({ scheme: 'light', lang: 'zh-CN', themes: data.themes, doc: null, annotations: [], activeId: null });
    return { length: data.doc.text.length, paragraphs: data.paragraphs.length, highlights: data.annotations.length, themes: data.themes.length };
  },
  close,
  async openReader(): Promise<Timing> {
    const d = need();
    await close();
    useBench.setState({ mode: 'reader' });
    await settle();
    const n = d.paragraphs.length;
    let t0 = 0;
    return measure(
      () => {
        t0 = performance.now();
        // As after openDocument: the document's draft looked up (there is none).
        useStore.setState({ doc: d.doc, annotations: d.annotations, themes: d.themes, activeId: null, draftSlot: { documentId: d.doc.id, draft: null } });
      },
      () => readerRoot()?.children.length === n && CSS.highlights.size > 0 && lastHighlightSet > t0,
      true,
    );
  },
  async addReaderHighlight(): Promise<Timing> {
    const d = need();
    const anns = useStore.getState().annotations;
    const a = makeAnnotation(`new-${anns.length}`, d.doc.text, d.starts[1] + 3, d.starts[1] + 23, [d.themes[0].id]);
    await settle();
    let t0 = 0;
    return measure(
      () => {
        t0 = performance.now();
        useStore.setState({ annotations: [...anns, a] });
      },
      () => lastHighlightSet > t0,
      true,
    );
  },
  async openPlain(): Promise<Timing> {
    const d = need();
    await close();
    const n = d.paragraphs.length;
    return measure(
      () => useBench.setState({ mode: 'plain', plainAnns: d.annotations }),
      () => document.querySelector('.reader-text')?.children.length === n,
      false,
    );
  },
  async addPlainHighlight(): Promise<Timing> {
    const d = need();
    const anns = useBench.getState().plainAnns ?? [];
    const a = makeAnnotation(`new-${anns.length}`, d.doc.text, d.starts[1] + 3, d.starts[1] + 23, [d.themes[0].id]);
    await settle();
    return measure(
      () => useBench.setState({ plainAnns: [...anns, a] }),
      () => document.querySelector(`mark[data-top="${a.id}"]`) !== null,
      false,
    );
  },
};

export type PizhuBench = typeof api;
declare global {
  interface Window {
    pizhuBench: PizhuBench;
  }
}
window.pizhuBench = api;

flushSync(() => createRoot(document.getElementById('root')!).render(<BenchApp />));
document.documentElement.dataset.benchReady = '1';
