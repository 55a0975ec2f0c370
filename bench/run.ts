// `npm run bench` (after `vite build`): backend and browser figures, each next to a naive baseline;
// `npm run bench -- browser edit-mode` runs only the sections named (see `sections` below).
// Reports only: exits 0 even when a goal is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release, arch } from 'node:os';
import { benchMarkdownExport, benchSeedImport } from './backend';
import { benchBrowser } from './browser';
import { benchCodebook } from './codebook';
import { benchDailyBackup } from './dailyBackup';
import { benchDrafts } from './drafts';
import { benchEditMode } from './editMode';
import { benchExchange } from './exchange';
import { benchWordExport } from './export';
import { benchImport } from './import';
import { benchIndexContention } from './indexContention';
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

interface Section {
  rows: BenchRow[];
  detail?: unknown;
}

/** Every section, in the order a full run takes them; `npm run bench -- NAME…` runs only those named. */
const sections: Record<string, () => Section | Promise<Section>> = {
  backend: () => ({ rows: [benchSeedImport(), benchMarkdownExport()] }),
  import: async () => ({ rows: await benchImport() }),
  exchange: async () => ({ rows: await benchExchange() }),
  'daily-backup': () => benchDailyBackup(),
  export: async () => ({ rows: await benchWordExport() }),
  search: () => benchSearch(),
  'index-contention': () => benchIndexContention(),
  codebook: () => benchCodebook(),
  reanchor: () => benchReanchor(),
  drafts: async () => ({ rows: await benchDrafts() }),
  scale: () => benchScale(),
  browser: () => benchBrowser(),
  lists: () => benchLists(),
  'edit-mode': () => benchEditMode(),
};

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in sections));
  if (unknown.length) {
    console.error(`unknown bench section(s): ${unknown.join(', ')}; sections: ${Object.keys(sections).join(', ')}`);
    process.exit(1);
  }
  const chosen = asked.length ? Object.keys(sections).filter((name) => asked.includes(name)) : Object.keys(sections);
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  for (const name of chosen) {
    try {
      const section = await sections[name]();
      rows.push(...section.rows);
      if (section.detail !== undefined) details[name] = section.detail;
    } catch (e) {
      // One section failing (e.g. no Chromium) leaves the others' figures.
      console.error(`${name} bench failed:`, e instanceof Error ? e.message : e);
    }
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
  // A partial run does not overwrite the full run's figures.
  const file = `bench-results/${asked.length ? `bench-${chosen.join('-')}` : 'bench'}.json`;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(file, JSON.stringify({ machine, rows, ...details }, null, 2) + '\n');
  console.log(`\nwrote ${file}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(0);
  },
);
