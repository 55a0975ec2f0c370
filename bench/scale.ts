// The scale bench in `npm run bench`: a library of 10,000 documents and 100,000 highlights (built once
// and kept under bench-results/, rebuilt when its parameters change), opened by a backend process of
// its own (bench/scaleProbe.ts) that lists the documents, pages through the highlights, searches and
// exports 5,000 excerpts; its peak RSS (goal < 500 MB) next to a naive backend's, which holds every
// text and every highlight in memory at once, each in a fresh process. The probe and its worker
// threads are bundled by esbuild as the app's backend is (scripts/build-electron.mjs), so the
// figure is the shipped backend's, not the TypeScript loader's.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { openLibrary } from '../electron/core/library';
import { catchUp } from '../electron/core/search/indexer';
import { listThemes } from '../electron/core/repos/themes';
import { createTheme } from '../electron/core/services/themes';
import { insertHighlights } from './codebook';
import { STEP, type ProbeResult, type ProbeStep } from './scaleSteps';
import { generateCorpus, insertCorpus, type CorpusDocument } from './searchCorpus';
import type { BenchRow } from './stats';

const DOCUMENTS = 10_000;
const HIGHLIGHTS = 100_000;
const CHARS_PER_DOCUMENT = 2000;
/** Bump when the way the library is built changes. */
const BUILD = 1;
const MEMORY_GOAL_MB = 500;
const QUERY = '新质生产力';
const EXPORTED = 5000;

export interface ScaleDetail {
  library: { dir: string; documents: number; highlights: number; charsPerDocument: number; builtMs: number | null; fileMB: number };
  ours: ProbeResult;
  naive: ProbeResult;
}

function sizeMB(file: string): number {
  return existsSync(file) ? statSync(file).size / 1024 / 1024 : 0;
}

/** The library, from the cache when it was built with the same parameters; the build time when built now. */
function library(): { dir: string; builtMs: number | null } {
  const dir = resolve('bench-results', 'scale-library');
  const params = JSON.stringify({ DOCUMENTS, HIGHLIGHTS, CHARS_PER_DOCUMENT, BUILD });
  const stamp = join(dir, 'bench-params.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === params && existsSync(join(dir, 'pizhu.sqlite'))) return { dir, builtMs: null };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t = performance.now();
  const lib = openLibrary({ libraryDir: dir, seedsDir: null, userName: 'bench', search: 'inline', dailyBackup: false });
  try {
    const { ctx } = lib;
    const corpus: CorpusDocument[] = [...generateCorpus(DOCUMENTS, CHARS_PER_DOCUMENT, 41)];
    const ids = insertCorpus(ctx.db, ctx.userId, corpus, ctx.newId);
    for (let p = 0; p < 10; p++) {
      const parent = createTheme(ctx, { name: `主题${p + 1}` });
      for (let c = 0; c < 4; c++) createTheme(ctx, { name: `主题${p + 1}.${c + 1}`, parentId: parent.id });
    }
    const themeIds = listThemes(ctx.db).map((x) => x.id);
    insertHighlights(
      ctx.db,
      ctx.userId,
      ids.map((id, i) => ({ id, text: corpus[i].text })),
      themeIds,
      HIGHLIGHTS,
      ctx.newId,
    );
    // The search index, as the app would have it after the imports.
    catchUp(ctx.db);
    ctx.db.pragma('optimize');
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    lib.close();
  }
  writeFileSync(stamp, params);
  return { dir, builtMs: performance.now() - t };
}

/** The probe beside the search and job workers, as dist-electron/main holds the app's bundle and its workers. */
async function bundleProbe(): Promise<string> {
  const out = resolve('bench-results', 'scale-probe');
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', external: ['better-sqlite3'] };
  await Promise.all([
    build({ ...common, entryPoints: ['bench/scaleProbe.ts'], outfile: join(out, 'probe.cjs'), logOverride: { 'empty-import-meta': 'silent' } }),
    build({ ...common, entryPoints: ['electron/core/search/worker.ts'], outfile: join(out, 'searchWorker.cjs') }),
    build({ ...common, entryPoints: ['electron/core/jobs/worker.ts'], outfile: join(out, 'jobWorker.cjs') }),
  ]);
  return join(out, 'probe.cjs');
}

/**
 * Reads the library file once, so that each side opens it from the page cache: this machine keeps little cache
 * between runs, and whichever side ran first paid for the disk (open took 2 s warm and 6 s cold).
 */
function readThrough(file: string): void {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(8 * 1024 * 1024);
  try {
    while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

function probe(script: string, side: 'ours' | 'naive', dir: string): ProbeResult {
  readThrough(join(dir, 'pizhu.sqlite'));
  const r = spawnSync(process.execPath, [script, side, dir, QUERY, String(EXPORTED)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`scale probe (${side}) failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as ProbeResult;
}

const stepOf = (r: ProbeResult, name: string): ProbeStep => r.steps.find((s) => s.step === name)!;

export async function benchScale(): Promise<{ rows: BenchRow[]; detail: ScaleDetail }> {
  const { dir, builtMs } = library();
  const script = await bundleProbe();
  const ours = probe(script, 'ours', dir);
  const naive = probe(script, 'naive', dir);
  const size = `${(DOCUMENTS / 1000).toFixed(0)}k documents, ${(HIGHLIGHTS / 1000).toFixed(0)}k highlights`;
  const ms = (name: string, label: string, baselineName: string): BenchRow => ({
    name: `${label} (${size})`,
    unit: 'ms',
    ours: stepOf(ours, name).ms,
    baseline: stepOf(naive, name).ms,
    baselineName,
    goal: null,
  });
  const peak = (name: string, label: string): BenchRow => ({
    name: `backend peak RSS: open, list, page, search, ${label} (${size})`,
    unit: 'MB',
    ours: stepOf(ours, name).peakMB,
    baseline: stepOf(naive, name).peakMB,
    baselineName: 'every text and highlight in memory',
    goal: MEMORY_GOAL_MB,
  });
  const rows: BenchRow[] = [
    peak(STEP.markdown, `export ${EXPORTED.toLocaleString('en')} to Markdown`),
    peak(STEP.word, `then to Word`),
    ms(STEP.open, 'open the library (file in the page cache)', 'read every text and highlight'),
    ms(STEP.list, 'documents.list', 'map the loaded texts'),
    {
      name: `library panel refresh after adding a highlight (${size})`,
      unit: 'ms',
      ours: stepOf(ours, STEP.refreshOneRow).ms,
      baseline: stepOf(ours, STEP.refreshWholeList).ms,
      baselineName: 'the whole list again (as before), serialised',
      goal: null,
    },
    ms(STEP.firstPage, 'annotations: first page of 200', 'sort all in memory, slice'),
    ms(STEP.lastPage, 'annotations: last page of 200', 'sort all in memory, slice'),
    ms(STEP.search, `search ${QUERY}`, 'indexOf over every text'),
  ];
  return { rows, detail: { library: { dir, documents: DOCUMENTS, highlights: HIGHLIGHTS, charsPerDocument: CHARS_PER_DOCUMENT, builtMs, fileMB: sizeMB(join(dir, 'pizhu.sqlite')) }, ours, naive } };
}
