// Edit mode in `npm run bench` (browser part): the built app in headless Chromium against the real backend
// (a library in a temporary folder behind the loopback transport, as the e2e tests run it), on a document of
// 500,000 characters with 2,000 highlights. Measured: opening edit mode (the click to the first frame with
// every paragraph and tint in the editor) and one keystroke (to the frame that shows it), next to a plain
// contenteditable holding the same paragraphs and highlights (<p> and <mark>), built and typed into in the
// same page. The timed steps run in the page: bench/editModePage.js.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Handlers } from '../shared/contract';
import type { Annotation, DocumentRecord, DocumentSummary, Theme } from '../shared/domain';
import { openLibrary } from '../electron/core/library';
import { bundledSeedsDir, projectRoot, rendererDistDir } from '../electron/core/paths';
import { startServer } from '../electron/core/server/http';
import { median, type BenchRow } from './stats';

const LENGTH = 500_000;
const HIGHLIGHTS = 2_000;
const TERM = '新质生产力';
const RUNS = 5;
/** Where the keystroke goes: a paragraph in the first screen, a few characters in. */
const TYPE_AT = { paragraph: 1, offset: 5 };

interface LongDocument {
  id: string;
  text: string;
  paragraphs: number;
  ranges: [number, number][];
}

/** Paragraphs of the seeds' real text to LENGTH characters, with HIGHLIGHTS occurrences of TERM auto-coded. */
async function longDocument(h: Handlers): Promise<LongDocument> {
  const source = (h['documents.list']({}) as DocumentSummary[]).map((d) => (h['documents.get']({ id: d.id }) as DocumentRecord).text).join('\n');
  const paragraphs = source.split('\n').filter((p) => p.length >= 40);
  const parts: string[] = [];
  for (let i = 0, length = 0; length < LENGTH; i++) {
    const p = paragraphs[i % paragraphs.length].slice(0, 400);
    parts.push(p);
    length += p.length + 1;
  }
  const imported = (await h['import.text']({ text: parts.join('\n'), title: '五十万字长文', options: { split: false } })) as { documents: { id: string }[] };
  const id = imported.documents[0].id;
  const theme = h['themes.create']({ name: TERM, color: '#4c8bf5' }) as Theme;
  const coded = ((await h['annotations.autocode']({ query: TERM, themeId: theme.id, documentIds: [id] })) as { createdIds: string[] }).createdIds;
  if (coded.length < HIGHLIGHTS) throw new Error(`only ${coded.length} occurrences of ${TERM} to highlight`);
  h['annotations.deleteMany']({ ids: coded.slice(HIGHLIGHTS) });
  const text = (h['documents.get']({ id }) as DocumentRecord).text;
  const live = (h['annotations.list']({ documentId: id }) as Annotation[]).filter((a) => !a.deletedAt);
  return { id, text, paragraphs: text.split('\n').length, ranges: live.map((a) => [a.start, a.end]) };
}

interface PageBench {
  pizhuEditBench: {
    openOurs(paragraphs: number): Promise<number>;
    typeOurs(paragraph: number, offset: number): Promise<number>;
    openPlain(text: string, ranges: [number, number][]): Promise<number>;
    typePlain(paragraph: number, offset: number): Promise<number>;
    closePlain(): Promise<number>;
  };
}

/** The reader with the long document, every highlight painted. */
async function showInReader(page: Page): Promise<void> {
  await page.getByTestId('reader-text').waitFor();
  await page.waitForFunction((n) => {
    let painted = 0;
    (globalThis as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }).CSS.highlights.forEach((h) => (painted += h.size));
    return painted >= n;
  }, HIGHLIGHTS);
}

export interface EditModeDetail {
  length: number;
  paragraphs: number;
  highlights: number;
  runs: { openOurs: number[]; typeOurs: number[]; openPlain: number[]; typePlain: number[] };
  browserVersion: string;
}

export async function benchEditMode(): Promise<{ rows: BenchRow[]; detail: EditModeDetail }> {
  if (!existsSync(join(rendererDistDir, 'index.html'))) throw new Error('dist/renderer/index.html missing: run `vite build` first');
  const libraryDir = mkdtempSync(join(tmpdir(), 'pizhu-bench-edit-'));
  const lib = openLibrary({ libraryDir, seedsDir: bundledSeedsDir, userName: 'bench', warmSearch: true, dailyBackup: false });
  const server = await startServer({ handlers: lib.handlers, staticDir: rendererDistDir });
  const browser = await chromium.launch({
    executablePath: process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const doc = await longDocument(lib.handlers);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.evaluate(readFileSync(join(projectRoot, 'bench', 'editModePage.js'), 'utf8'));
    await page.getByTestId('doc-item').filter({ hasText: '五十万字长文' }).first().click();
    await showInReader(page);

    const runs: EditModeDetail['runs'] = { openOurs: [], typeOurs: [], openPlain: [], typePlain: [] };
    for (let i = 0; i <= RUNS; i++) {
      // Run 0 warms up. Each round: open edit mode, type one character, leave without saving.
      const openOurs = await page.evaluate((n) => (globalThis as unknown as PageBench).pizhuEditBench.openOurs(n), doc.paragraphs);
      const typeOurs = await page.evaluate(([p, o]) => (globalThis as unknown as PageBench).pizhuEditBench.typeOurs(p, o), [TYPE_AT.paragraph, TYPE_AT.offset] as const);
      await page.keyboard.press('Escape');
      await page.getByTestId('revision-discard').click();
      await showInReader(page);
      const openPlain = await page.evaluate(([text, ranges]) => (globalThis as unknown as PageBench).pizhuEditBench.openPlain(text, ranges), [doc.text, doc.ranges] as const);
      const typePlain = await page.evaluate(([p, o]) => (globalThis as unknown as PageBench).pizhuEditBench.typePlain(p, o), [TYPE_AT.paragraph, TYPE_AT.offset] as const);
      await page.evaluate(() => (globalThis as unknown as PageBench).pizhuEditBench.closePlain());
      if (i === 0) continue;
      Object.entries({ openOurs, typeOurs, openPlain, typePlain }).forEach(([k, v]) => runs[k as keyof typeof runs].push(v));
    }
    if (errors.length) console.warn('edit-mode page errors:\n' + errors.join('\n'));
    const size = `${Math.round(doc.text.length / 1000)}k chars, ${doc.ranges.length.toLocaleString('en')} highlights`;
    const baselineName = 'plain contenteditable: <p> per paragraph, <mark> per highlight';
    const rows: BenchRow[] = [
      { name: `edit mode: open a long document (${size})`, unit: 'ms', ours: median(runs.openOurs), baseline: median(runs.openPlain), baselineName, goal: null },
      { name: 'edit mode: one keystroke → next painted frame', unit: 'ms', ours: median(runs.typeOurs), baseline: median(runs.typePlain), baselineName, goal: null },
    ];
    return { rows, detail: { length: doc.text.length, paragraphs: doc.paragraphs, highlights: doc.ranges.length, runs, browserVersion: browser.version() } };
  } finally {
    await browser.close();
    await server.close();
    lib.close();
    rmSync(libraryDir, { recursive: true, force: true });
  }
}
