// Browser figures for `npm run bench`: the built bench page (dist/renderer/bench/index.html) in headless Chromium.
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { bundledSeedsDir } from '../electron/core/paths';
import { seedFiles } from '../electron/core/library';
import { median, type BenchRow } from './stats';
import { contentTypeFor } from '../shared/webPolicy';

const distDir = resolve('dist/renderer');

/** Serves the built renderer (also the long-lists bench, bench/lists.ts). */
export function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeFor(file) }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Sentences from the bundled seeds; the page builds its 500,000-character document from them. */
export function seedSentences(): string[] {
  const out: string[] = [];
  for (const f of seedFiles(bundledSeedsDir)) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      for (const s of line.trim().split(/(?<=[。！？；!?])/)) {
        const t = s.trim();
        if (t.length >= 8) out.push(t);
      }
    }
  }
  return out;
}

interface Timing {
  ms: number;
  scriptMs: number;
  frameStartMs: number;
  apiCalls: number;
}
type Step = 'openReader' | 'addReaderHighlight' | 'openPlain' | 'addPlainHighlight';

export interface BrowserDetail {
  setup: unknown;
  runs: Record<Step, Timing[]>;
  browserVersion: string;
}

export async function benchBrowser(runs = 5): Promise<{ rows: BenchRow[]; detail: BrowserDetail }> {
  if (!existsSync(join(distDir, 'bench', 'index.html'))) throw new Error('dist/renderer/bench/index.html missing: run `vite build` first');
  const server = await serve(distDir);
  const browser = await chromium.launch({
    executablePath: process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.benchReady === '1');
    const setup = await page.evaluate((s) => (globalThis as unknown as Bench).pizhuBench.setup(s), seedSentences());

    const step = (name: Step) => page.evaluate((n) => (globalThis as unknown as Bench).pizhuBench[n](), name);
    const all: Record<Step, Timing[]> = { openReader: [], addReaderHighlight: [], openPlain: [], addPlainHighlight: [] };
    for (let i = 0; i <= runs; i++) {
      // run 0 is the warm-up; each open unmounts the previous view first
      const r = { openReader: await step('openReader'), addReaderHighlight: await step('addReaderHighlight') };
      const p = { openPlain: await step('openPlain'), addPlainHighlight: await step('addPlainHighlight') };
      await page.evaluate(() => (globalThis as unknown as Bench).pizhuBench.close());
      if (i === 0) continue;
      for (const [k, v] of Object.entries({ ...r, ...p }) as [Step, Timing][]) all[k].push(v);
    }
    const apiCalls = Math.max(...Object.values(all).flat().map((t) => t.apiCalls));
    if (apiCalls > 0) throw new Error(`bench page called the API ${apiCalls} times`);
    if (errors.length) console.warn('bench page errors:\n' + errors.join('\n'));
    const med = (k: Step) => median(all[k].map((t) => t.ms));
    const s = setup as { length: number; highlights: number };
    const size = `${Math.round(s.length / 1000)}k chars, ${s.highlights} highlights`;
    const rows: BenchRow[] = [
      { name: `open document in Reader (${size})`, unit: 'ms', ours: med('openReader'), baseline: med('openPlain'), baselineName: 'plain React <p> + <mark> list', goal: 200 },
      { name: 'add one highlight → next painted frame', unit: 'ms', ours: med('addReaderHighlight'), baseline: med('addPlainHighlight'), baselineName: 'plain React <p> + <mark> list (memoised paragraphs)', goal: 16 },
    ];
    return { rows, detail: { setup, runs: all, browserVersion: browser.version() } };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}

interface Bench {
  pizhuBench: Record<Step, () => Promise<Timing>> & { setup(s: string[]): unknown; close(): Promise<void> };
}
