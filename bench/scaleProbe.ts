// One side of the scale bench (bench/scale.ts), run in a process of its own so that its peak memory is
// its own: `ours` opens the library as the app does and answers through the real channels (the export
// as a job in its worker thread, counted in this process); `naive` loads every document's text and
// every highlight into memory at once and answers from there, as a backend without paging would.
// Prints one JSON line: timings and memory after each step, and the process's peak RSS.
// Usage: node --import tsx bench/scaleProbe.ts ours|naive LIBRARY_DIR QUERY EXPORTED
import { resourceUsage } from 'node:process';
import Database from 'better-sqlite3';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import type { JobInfo } from '../shared/domain';
import { dispatch } from '../electron/core/dispatch';
import { openLibrary, type Library } from '../electron/core/library';
import { exportFile } from '../electron/core/services/export';
import { STEP, type ProbeResult, type ProbeStep } from './scaleSteps';

const [side, dir, QUERY, exported] = process.argv.slice(2);
const EXPORTED = Number(exported);
const MB = 1024 * 1024;
const steps: ProbeStep[] = [];

async function step<T>(name: string, fn: () => T | Promise<T>, note?: (value: T) => string): Promise<T> {
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  const m = process.memoryUsage();
  steps.push({ step: name, ms, rssMB: m.rss / MB, heapMB: m.heapUsed / MB, peakMB: resourceUsage().maxRSS / 1024, ...(note ? { note: note(value) } : {}) });
  return value;
}

async function call<C extends Channel>(lib: Library, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await dispatch(lib.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}

const jsonKB = (json: string) => `${Math.round(json.length / 1024)} kB of JSON`;
const kB = (base64: string) => `${Math.round((base64.length * 3) / 4 / 1024)} kB`;

async function ours(dir: string): Promise<void> {
  await step('loaded', () => null);
  // As the app opens it: the search worker started and its texts loaded (no daily backup in a bench).
  const lib = await step(STEP.open, async () => {
    const l = openLibrary({ libraryDir: dir, seedsDir: null, userName: 'bench', warmSearch: false, dailyBackup: false });
    await l.search.warm();
    return l;
  });
  const listed = await step(STEP.list, () => call(lib, 'documents.list', {}), (d) => `${d.length} documents`);
  const changed = listed[Math.floor(listed.length / 2)].id;
  await step(STEP.refreshOneRow, async () => JSON.stringify(await call(lib, 'documents.summaries', { ids: [changed] })), jsonKB);
  await step(STEP.refreshWholeList, async () => JSON.stringify(await call(lib, 'documents.list', {})), jsonKB);
  const first = await step(STEP.firstPage, () => call(lib, 'annotations.query', { limit: 200 }), (p) => `${p.items.length} of ${p.total}`);
  await step(STEP.middlePage, () => call(lib, 'annotations.query', { limit: 200, offset: 50_000 }));
  await step(STEP.lastPage, () => call(lib, 'annotations.query', { limit: 200, offset: first.total - 200 }));
  await step(STEP.search, () => call(lib, 'search.query', { query: QUERY }), (r) => `${QUERY}: ${r.total} matches in ${r.documentCount} documents`);
  const ids = (await call(lib, 'annotations.query', { limit: EXPORTED, offset: 20_000 })).items.map((p) => p.annotation.id);
  const exportJob = async (format: 'md' | 'docx') => {
    let info: JobInfo = await call(lib, 'jobs.start', { kind: 'export', input: { format, annotationIds: ids } });
    while (info.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      info = await call(lib, 'jobs.get', { id: info.id });
    }
    if (info.state !== 'done' || info.result?.kind !== 'export') throw new Error(`export job ${info.state}: ${info.error?.message}`);
    return info.result.file.data;
  };
  await step(STEP.markdown, () => exportJob('md'), (data) => `a job in its worker thread, ${kB(data)}`);
  await step(STEP.word, () => exportJob('docx'), (data) => `a job in its worker thread, ${kB(data)}`);
  await lib.close();
}

interface NaiveAnnotation {
  id: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  note: string;
  created: string;
  themes: string[];
}

async function naive(dir: string): Promise<void> {
  await step('loaded', () => null);
  const db = new Database(`${dir}/pizhu.sqlite`, { readonly: true });
  // Everything in memory at once: each document with its text and original bytes, each highlight with its themes.
  const all = await step(
    STEP.open,
    () => {
      const docs = db.prepare('SELECT * FROM documents WHERE deleted_at IS NULL').all() as { id: string; title: string; text: string; published_at: string | null }[];
      const themesOf = new Map<string, string[]>();
      for (const r of db.prepare('SELECT annotation_id AS a, theme_id AS t FROM annotation_themes').all() as { a: string; t: string }[]) {
        const list = themesOf.get(r.a);
        if (list) list.push(r.t);
        else themesOf.set(r.a, [r.t]);
      }
      const annotations: NaiveAnnotation[] = (
        db.prepare('SELECT id, document_id, start_offset, end_offset, exact, note_text, created_at FROM annotations WHERE deleted_at IS NULL').all() as {
          id: string;
          document_id: string;
          start_offset: number;
          end_offset: number;
          exact: string;
          note_text: string;
          created_at: string;
        }[]
      ).map((a) => ({ id: a.id, documentId: a.document_id, start: a.start_offset, end: a.end_offset, exact: a.exact, note: a.note_text, created: a.created_at, themes: themesOf.get(a.id) ?? [] }));
      return { docs, byId: new Map(docs.map((d) => [d.id, d])), annotations };
    },
    () => 'every text and highlight loaded',
  );
  await step(STEP.list, () => all.docs.map((d) => ({ id: d.id, title: d.title, publishedAt: d.published_at, length: d.text.length })), (d) => `${d.length} documents`);
  const sorted = (items: NaiveAnnotation[]) =>
    [...items].sort((a, b) => (all.byId.get(a.documentId)!.published_at ?? '').localeCompare(all.byId.get(b.documentId)!.published_at ?? '') || a.start - b.start);
  const page = (offset: number) =>
    sorted(all.annotations)
      .slice(offset, offset + 200)
      .map((a) => {
        const text = all.byId.get(a.documentId)!.text;
        return { a, before: text.slice(Math.max(0, a.start - 40), a.start), after: text.slice(a.end, a.end + 40), paragraph: text.slice(0, a.start).split('\n').length };
      });
  await step(STEP.firstPage, () => page(0));
  await step(STEP.middlePage, () => page(50_000));
  await step(STEP.lastPage, () => page(all.annotations.length - 200));
  await step(STEP.search, () => {
    let total = 0;
    for (const d of all.docs) for (let at = d.text.indexOf(QUERY); at >= 0; at = d.text.indexOf(QUERY, at + 1)) total++;
    return total;
  });
  const chosen = sorted(all.annotations).slice(20_000, 20_000 + EXPORTED);
  await step(
    STEP.markdown,
    () => chosen.map((a) => `> ${a.exact}\n\n${a.note}\n\n——《${all.byId.get(a.documentId)!.title}》`).join('\n\n'),
    () => 'built in process',
  );
  // The same Word writer as ours, run in process beside everything already loaded.
  const ctx = { db, userId: '', userName: 'bench', libraryDir: dir, now: () => new Date().toISOString(), newId: () => crypto.randomUUID() };
  await step(STEP.word, async () => (await exportFile(ctx, { format: 'docx', annotationIds: chosen.map((a) => a.id) })).data, (data) => `the same writer, in process, ${kB(data)}`);
  db.close();
}

// No top-level await: bench/scale.ts bundles this file as CommonJS, as the app's backend is bundled.
void (async () => {
  if ((side !== 'ours' && side !== 'naive') || !dir || !QUERY || !(EXPORTED > 0)) throw new Error('usage: scaleProbe ours|naive LIBRARY_DIR QUERY EXPORTED');
  await (side === 'ours' ? ours(dir) : naive(dir));
  const result: ProbeResult = { side, steps, peakMB: resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(result));
  process.exit(0);
})();
