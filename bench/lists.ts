// Long lists in `npm run bench` (browser part): the built long-lists page (dist/renderer/bench/lists) in
// headless Chromium renders the library panel with 10,000 documents and the annotations browser with
// 100,000 highlights, windowed as in the app, next to the same rows all rendered at once. Reported: time
// to the painted list, time per scroll step, DOM nodes.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { seedSentences, serve } from './browser';
import { median, type BenchRow } from './stats';

const DOCUMENTS = 10_000;
const HIGHLIGHTS = 100_000;
const RUNS = 3;
type View = 'library' | 'naiveLibrary' | 'browser' | 'naiveBrowser';

/** What the page measures (renderer/bench/lists/main.tsx). */
interface ListTiming {
  ms: number;
  fromAnswerMs: number | null;
  domNodes: number;
  rows: number;
  scrollMedianMs: number;
  scrollMaxMs: number;
  heapMB: number | null;
}

interface Page {
  pizhuListsBench: { setup(sentences: string[], documents: number, highlights: number): unknown; open(view: View): Promise<ListTiming>; unexpectedCalls(): string[] };
  document: { documentElement: { dataset: Record<string, string> } };
}

export interface ListsDetail {
  runs: Record<View, ListTiming[]>;
  browserVersion: string;
}

export async function benchLists(): Promise<{ rows: BenchRow[]; detail: ListsDetail }> {
  const distDir = resolve('dist/renderer');
  if (!existsSync(join(distDir, 'bench', 'lists', 'index.html'))) throw new Error('dist/renderer/bench/lists/index.html missing: run `vite build` first');
  const server = await serve(distDir);
  const browser = await chromium.launch({
    executablePath: process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bench/lists/index.html`);
    await page.waitForFunction(() => (globalThis as unknown as Page).document.documentElement.dataset.benchReady === '1');
    await page.evaluate(([s, d, h]) => (globalThis as unknown as Page).pizhuListsBench.setup(s, d, h), [seedSentences(), DOCUMENTS, HIGHLIGHTS] as [string[], number, number]);
    const open = (view: View) => page.evaluate((v) => (globalThis as unknown as Page).pizhuListsBench.open(v), view);
    const runs: Record<View, ListTiming[]> = { library: [], naiveLibrary: [], browser: [], naiveBrowser: [] };
    for (const view of Object.keys(runs) as View[]) {
      // Rendering 100,000 rows at once takes long: measured once, after no warm-up.
      const n = view === 'naiveBrowser' ? 1 : RUNS;
      if (view !== 'naiveBrowser') await open(view);
      for (let i = 0; i < n; i++) runs[view].push(await open(view));
    }
    const unexpected = await page.evaluate(() => (globalThis as unknown as Page).pizhuListsBench.unexpectedCalls());
    if (unexpected.length) throw new Error(`long-lists page called ${unexpected.join(', ')}`);
    if (errors.length) console.warn('long-lists page errors:\n' + errors.join('\n'));
    const med = (view: View, key: 'ms' | 'scrollMedianMs' | 'domNodes') => median(runs[view].map((r) => r[key]));
    const rows: BenchRow[] = [
      { name: `library panel, ${DOCUMENTS.toLocaleString('en')} documents: render`, unit: 'ms', ours: med('library', 'ms'), baseline: med('naiveLibrary', 'ms'), baselineName: 'every row rendered', goal: null },
      { name: `library panel, ${DOCUMENTS.toLocaleString('en')} documents: DOM nodes`, unit: 'nodes', ours: med('library', 'domNodes'), baseline: med('naiveLibrary', 'domNodes'), baselineName: 'every row rendered', goal: null },
      { name: `library panel: one scroll step (2,400 px) to painted rows`, unit: 'ms', ours: med('library', 'scrollMedianMs'), baseline: med('naiveLibrary', 'scrollMedianMs'), baselineName: 'every row rendered', goal: null },
      {
        name: `annotations browser, ${HIGHLIGHTS.toLocaleString('en')} highlights: render (from the answer)`,
        unit: 'ms',
        ours: median(runs.browser.map((r) => r.fromAnswerMs ?? r.ms)),
        baseline: med('naiveBrowser', 'ms'),
        baselineName: 'every row rendered',
        goal: null,
      },
      { name: `annotations browser, ${HIGHLIGHTS.toLocaleString('en')} highlights: DOM nodes`, unit: 'nodes', ours: med('browser', 'domNodes'), baseline: med('naiveBrowser', 'domNodes'), baselineName: 'every row rendered', goal: null },
      { name: `annotations browser: one scroll step (2,400 px) to painted rows`, unit: 'ms', ours: med('browser', 'scrollMedianMs'), baseline: med('naiveBrowser', 'scrollMedianMs'), baselineName: 'every row rendered', goal: null },
    ];
    return { rows, detail: { runs, browserVersion: browser.version() } };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}
