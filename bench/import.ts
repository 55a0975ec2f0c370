// Import figures for `npm run bench`: the real pipeline (decode → parse → clean → split → store → index)
// next to a naive import in the same process, with memory. Inputs are generated from the seeds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { chromium } from 'playwright-core';
import { openLibrary, seedFiles } from '../electron/core/library';
import { bundledSeedsDir } from '../electron/core/paths';
import { importBytes } from '../electron/core/services/imports';
import { median, type BenchRow } from './stats';

const seedText = (prefix: string) => readFileSync(seedFiles(bundledSeedsDir).find((f) => f.includes(`/${prefix}_`))!);

function tempLibrary() {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-import-'));
  // in-process search so that indexing is part of the measured import
  const lib = openLibrary({ libraryDir: dir, seedsDir: null, search: 'inline' });
  return {
    lib,
    done() {
      lib.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The naive way: decode the whole file with every candidate encoding and keep the one with the
 * fewest replacement characters, clean with one regex pass per rule over every line, and insert
 * one row per paragraph with autocommit.
 */
function naiveImport(db: Database.Database, bytes: Uint8Array, name: string): void {
  const candidates = ['utf-8', 'gb18030', 'big5'].map((e) => new TextDecoder(e).decode(bytes));
  const text = candidates.sort((a, b) => a.split('\ufffd').length - b.split('\ufffd').length)[0];
  const rules = [/^\s+|\s+$/g, /\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔù]+)\)/g, /^.*(版权所有|ICP备|相关新闻|蜘蛛池).*$/g, /^\d+、/g];
  const lines = text.split(/\r?\n/).map((l) => rules.reduce((s, r) => s.replace(r, ''), l)).filter(Boolean);
  const insert = db.prepare('INSERT INTO paragraphs (file, n, text) VALUES (?, ?, ?)');
  lines.forEach((line, n) => insert.run(name, n, line));
}

function naiveDb(dir: string): Database.Database {
  const db = new Database(join(dir, 'naive.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE paragraphs (file TEXT, n INTEGER, text TEXT)');
  return db;
}

interface Input {
  name: string;
  files: { bytes: Uint8Array; name: string }[];
  goal: number | null;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function measure(input: Input, runs: number): Promise<BenchRow> {
  const ours: number[] = [];
  const naive: number[] = [];
  let peakRss = 0;
  for (let i = 0; i < runs; i++) {
    const { lib, done } = tempLibrary();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss - rssBefore)), 5);
    let t = performance.now();
    for (const f of input.files) {
      const r = await importBytes(lib.ctx, f.bytes, f.name);
      if (r.status !== 'imported') throw new Error(`${f.name}: ${r.status} ${r.error ?? ''}`);
    }
    await lib.search.catchUp();
    ours.push(performance.now() - t);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss - rssBefore);

    const db = naiveDb(lib.ctx.libraryDir);
    t = performance.now();
    for (const f of input.files) naiveImport(db, f.bytes, f.name);
    naive.push(performance.now() - t);
    db.close();
    done();
  }
  return {
    name: `${input.name} (peak +${mb(peakRss)} RSS)`,
    unit: 'ms',
    ours: median(ours),
    baseline: median(naive),
    baselineName: 'decode ×3, regex per line, row-per-paragraph autocommit',
    goal: input.goal,
  };
}

/** A page as a browser saves it: site chrome around the article, scripts, a comment form. */
function htmlPage(i: number, body: string[]): string {
  const paragraphs = body.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>文章${i}_理论评论_黑河新闻网</title>
<script>window.tracker=1</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gn">国内要闻</a> <a href="/sz">黑河时政</a></div>
<div class="crumb">您当前的位置 : 东北网 &gt; 黑河新闻网 &gt; 理论</div>
<div class="article"><h1>重点把握以“新”促“质” 第${i}篇</h1><div class="info">2024-06-28 09:53:21 来源:黑河日报</div>
${paragraphs}</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">以大规模设备更新促进高质量发展</a></li></ul></div>
<div class="footer">Copyright©2002-2006 HEIHECHINA.com All Rights Reserved. 黑ICP备000000号</div></body></html>`;
}

async function pdfOfPages(pages: number, paragraphs: string[]): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath: process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const body: string[] = [];
    for (let p = 0; p < pages; p++) body.push(`<section style="page-break-after:always">${paragraphs.slice(0, 6).map((t) => `<p>${t}</p>`).join('')}</section>`);
    await page.setContent(`<html><body style="font-family:'Noto Serif CJK SC';font-size:12pt">${body.join('')}</body></html>`);
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">新质生产力学习材料</div>',
      footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** The longest the app's thread could not answer anything while one large file was imported, in ms. */
async function longestStall(bytes: Uint8Array, importWorker: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-stall-'));
  const lib = openLibrary({ libraryDir: dir, seedsDir: null, search: 'inline', importWorker });
  try {
    // Once before measuring: the worker thread started and its parsers loaded, as after a first import.
    await importBytes(lib.ctx, new TextEncoder().encode('预热'), 'warm.txt');
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    // The monitor counts from its second tick: let it tick before the import starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const r = await importBytes(lib.ctx, bytes, 'large.txt');
    // A turn of the loop after it, so that a stall that lasted to the end is recorded too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    delay.disable();
    if (r.status !== 'imported') throw new Error(`large.txt: ${r.status} ${r.error ?? ''}`);
    return delay.max / 1e6;
  } finally {
    await lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImport(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const heihe = seedText('003');
  const collection = seedText('001');
  rows.push(await measure({ name: 'import one seed (003, 7 kB)', files: [{ bytes: heihe, name: 'heihe.txt' }], goal: 50 }, 7));
  rows.push(await measure({ name: 'import seed 001 (43 kB → 7 articles)', files: [{ bytes: collection, name: 'collection.txt' }], goal: 50 }, 7));

  // 1 MB of GB18030: the seeds' body paragraphs repeated
  const paragraphs = seedFiles(bundledSeedsDir)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 60 && !l.includes('|'));
  let big = '';
  for (let i = 0; big.length < 530_000; i++) big += paragraphs[i % paragraphs.length] + '\n';
  const gb = iconv.encode(big, 'gb18030');
  rows.push(await measure({ name: `import ${(gb.length / 2 ** 20).toFixed(1)} MB GB18030 text`, files: [{ bytes: gb, name: 'big.txt' }], goal: 500 }, 3));

  // The app parses in the import worker: its own thread stays free for the reader and search meanwhile.
  const large = iconv.encode(big.repeat(16), 'gb18030');
  rows.push({
    name: `longest stall of the app's thread while importing ${(large.length / 2 ** 20).toFixed(0)} MB of GB18030`,
    unit: 'ms',
    ours: await longestStall(large, true),
    baseline: await longestStall(large, false),
    baselineName: 'the same import parsed on the app thread',
    goal: null,
  });

  const simplified = paragraphs.filter((p) => /[的了是]/.test(p));
  const html = Array.from({ length: 200 }, (_, i) => ({
    bytes: new TextEncoder().encode(htmlPage(i, simplified.slice(i % 20, (i % 20) + 6))),
    name: `page-${i}.html`,
  }));
  try {
    rows.push(await measure({ name: '200 seed-sized HTML pages', files: html, goal: null }, 2));
  } catch (e) {
    console.error('HTML import bench skipped:', e instanceof Error ? e.message : e);
  }
  try {
    const pdf = await pdfOfPages(100, simplified);
    rows.push(await measure({ name: `100-page PDF (${Math.round(pdf.length / 1024)} kB)`, files: [{ bytes: pdf, name: 'hundred.pdf' }], goal: null }, 2));
  } catch (e) {
    console.error('PDF import bench skipped:', e instanceof Error ? e.message : e);
  }
  return rows;
}
