// Crash safety with real processes: a writer (fixtures/crashWriter.ts) imports texts and writes
// highlights and notes in a loop, printing a line after each commit; it is killed with SIGKILL at
// a random moment, 50 times, on one library. After each kill the library must open, pass
// PRAGMA integrity_check and foreign_key_check, and hold every write that was reported committed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { listBackups } from '../../electron/core/backup';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/library';
import { projectRoot } from '../../electron/core/paths';
import { tempDir } from './helpers';

const KILLS = 50;
const require = createRequire(import.meta.url);

/** A small seeded generator, so that a failing run can be repeated with PIZHU_CRASH_SEED. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let writer = '';

// One bundled file starts in a fraction of the time tsx takes to compile the sources at every start.
beforeAll(async () => {
  const dir = tempDir();
  writer = join(dir, 'crashWriter.mjs');
  const sqlite = require.resolve('better-sqlite3');
  const bundle = (entry: string, outfile: string) =>
    build({
      entryPoints: [join(projectRoot, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      plugins: [{ name: 'native', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    });
  // The jobs worker where the bundled writer looks for it (beside it, by its source-tree name), so that
  // the day's backup runs in the writer as in the app, and a kill can land in the middle of it.
  await Promise.all([bundle('tests/unit/fixtures/crashWriter.ts', writer), bundle('electron/core/jobs/worker.ts', join(dir, 'workerEntry.mjs'))]);
}, 60_000);

interface Committed {
  documents: Set<string>;
  annotations: Map<string, { documentId: string; start: number }>;
  notes: Map<string, string>;
}

/**
 * Runs the writer and SIGKILLs it `afterMs` after it started (`fromOpen` false) or after it reported
 * the library open (true); returns the lines it finished printing.
 */
function runAndKill(libraryDir: string, run: number, afterMs: number, fromOpen: boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, libraryDir, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const killLater = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (fromOpen && out.startsWith('open\n')) killLater();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    if (!fromOpen) killLater();
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (code ${code}): ${err}`));
      // A line cut off by the kill was not fully reported: only whole lines count.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

function record(lines: string[], into: Committed): number {
  let writes = 0;
  for (const line of lines) {
    const [kind, id, ...rest] = line.split(' ');
    if (kind === 'doc') into.documents.add(id);
    else if (kind === 'ann') into.annotations.set(id, { documentId: rest[0], start: Number(rest[1]) });
    else if (kind === 'note') into.notes.set(id, rest.join(' '));
    else continue;
    writes++;
  }
  return writes;
}

describe('crash safety', () => {
  it(`keeps every committed write through ${KILLS} SIGKILLs at random moments`, async () => {
    const seed = Number(process.env.PIZHU_CRASH_SEED) || Date.now() % 1_000_000;
    const next = random(seed);
    const libraryDir = tempDir();
    const committed: Committed = { documents: new Set(), annotations: new Map(), notes: new Map() };
    let writesReported = 0;
    let killedBeforeOpen = 0;
    let checks = 0;
    const began = performance.now();
    for (let run = 0; run < KILLS; run++) {
      // Mostly while writing, sometimes while starting (opening, checking, the day's backup).
      const whileStarting = next() < 0.2;
      const afterMs = whileStarting ? next() * 400 : 100 + next() * 600;
      const lines = await runAndKill(libraryDir, run, afterMs, !whileStarting);
      if (!lines.includes('open')) killedBeforeOpen++;
      writesReported += record(lines, committed);

      const lib = openLibrary({ libraryDir, seedsDir: null, search: 'inline', userName: 'checker', dailyBackup: false });
      try {
        const db = lib.ctx.db;
        const context = `seed ${seed}, run ${run}, killed ${Math.round(afterMs)} ms after ${whileStarting ? 'starting' : 'opening'}`;
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        const documents = new Set(db.prepare('SELECT id FROM documents').pluck().all() as string[]);
        for (const id of committed.documents) expect(documents.has(id), `document ${id}, ${context}`).toBe(true);
        const rows = new Map(
          (db.prepare('SELECT id, document_id, start_offset, note_text FROM annotations').all() as { id: string; document_id: string; start_offset: number; note_text: string }[]).map((r) => [r.id, r]),
        );
        for (const [id, a] of committed.annotations) expect(rows.get(id), `highlight ${id}, ${context}`).toMatchObject({ document_id: a.documentId, start_offset: a.start });
        for (const [id, text] of committed.notes) expect(rows.get(id)?.note_text, `note ${id}, ${context}`).toBe(text);
        checks += committed.documents.size + committed.annotations.size + committed.notes.size;
      } finally {
        lib.close();
      }
    }
    const unique = committed.documents.size + committed.annotations.size + committed.notes.size;
    console.log(
      `crash test (seed ${seed}): ${KILLS} SIGKILLs (${killedBeforeOpen} before the library had opened), ${writesReported} committed writes reported ` +
        `(${committed.documents.size} imports, ${committed.annotations.size} highlights, ${committed.notes.size} notes), all ${unique} present after every kill ` +
        `(${checks} checks), ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    expect(unique).toBeGreaterThan(KILLS * 5);
    // The writers took the day's backup in their job thread, between and under the kills.
    expect(listBackups(libraryDir).map((b) => b.reason)).toContain('daily');
  }, 120_000);
});
