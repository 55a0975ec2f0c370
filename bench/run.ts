// `npm run bench` (after `vite build`): backend and browser figures, each next to a naive baseline.
// Reports only: exits 0 even when a goal is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release, arch } from 'node:os';
import { benchMarkdownExport, benchSeedImport } from './backend';
import { benchBrowser } from './browser';
import { benchCodebook } from './codebook';
import { benchExchange } from './exchange';
import { benchWordExport } from './export';
import { benchImport } from './import';
import { benchLists } from './lists';
import { benchReanchor } from './reanchor';
import { benchScale } from './scale';
import { benchSearch } from './search';
import type { BenchRow } from './stats';

function fmt(n: number | null, unit: string): string {
  return n === null ? '—' : `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ${unit}`;
}

function table(rows: BenchRow[]): string {
  const head = ['benchmark', 'ours', 'baseline', 'baseline is', 'goal', ''];
  const body = rows.map((r) => [
    r.name,
    fmt(r.ours, r.unit),
    fmt(r.baseline, r.unit),
    r.baselineName,
    r.goal === null ? '—' : `< ${r.goal} ${r.unit}`,
    r.goal === null ? '' : r.ours < r.goal ? '✓' : '✗',
  ]);
  const w = head.map((_, i) => Math.max(...[head, ...body].map((row) => [...row[i]].length)));
  const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(w[i] - [...c].length)).join('  ').trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const rows: BenchRow[] = [benchSeedImport(), benchMarkdownExport()];
  rows.push(...(await benchImport()));
  rows.push(...(await benchExchange()));
  rows.push(...(await benchWordExport()));
  const search = await benchSearch();
  rows.push(...search.rows);
  const codebook = await benchCodebook();
  rows.push(...codebook.rows);
  const reanchor = benchReanchor();
  rows.push(...reanchor.rows);
  const scale = await benchScale();
  rows.push(...scale.rows);
  let browserDetail: unknown = null;
  try {
    const b = await benchBrowser();
    rows.push(...b.rows);
    browserDetail = b.detail;
  } catch (e) {
    console.error('browser bench failed:', e instanceof Error ? e.message : e);
  }
  let listsDetail: unknown = null;
  try {
    const l = await benchLists();
    rows.push(...l.rows);
    listsDetail = l.detail;
  } catch (e) {
    console.error('long-lists bench failed:', e instanceof Error ? e.message : e);
  }
  console.log(table(rows));
  const missed = rows.filter((r) => r.goal !== null && r.ours >= r.goal);
  if (missed.length) console.log(`\n${missed.length} goal(s) missed: ${missed.map((r) => r.name).join('; ')}`);
  const machine = {
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify({ machine, rows, browser: browserDetail, search: search.detail, codebook: codebook.detail, reanchor: reanchor.detail, scale: scale.detail, lists: listsDetail }, null, 2) + '\n');
  console.log('\nwrote bench-results/bench.json');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(0);
  },
);
