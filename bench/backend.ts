// Backend figures for `npm run bench`: each measured next to a naive baseline in the same process.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Annotation, DocumentSummary, Theme } from '../shared/domain';
import { openLibrary, seedFiles } from '../electron/core/library';
import { bundledSeedsDir } from '../electron/core/paths';
import { markdownExport } from '../electron/core/services/export';
import { lexicalJsonToMarkdown } from '../electron/core/export/lexicalMarkdown';
import { noteJsonFromPlainText } from '../electron/core/services/annotations';
import { median, type BenchRow } from './stats';

function tempLibrary(): string {
  return mkdtempSync(join(tmpdir(), 'pizhu-bench-'));
}

/** Seed import through the real pipeline vs. a naive import that reads, decodes and inserts with one autocommit per line. */
export function benchSeedImport(runs = 5): BenchRow {
  const ours: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = tempLibrary();
    let t = performance.now();
    const lib = openLibrary({ libraryDir: dir, seedsDir: bundledSeedsDir });
    ours.push(performance.now() - t);
    lib.close();

    const db = new Database(join(dir, 'naive.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE lines (file TEXT, n INTEGER, text TEXT)');
    const insert = db.prepare('INSERT INTO lines VALUES (?, ?, ?)');
    t = performance.now();
    for (const f of seedFiles(bundledSeedsDir)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, n) => insert.run(f, n, line));
    }
    naive.push(performance.now() - t);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'seed import (5 files, 86 kB)', unit: 'ms', ours: median(ours), baseline: median(naive), baselineName: 'line-per-row autocommit insert', goal: null };
}

/** Markdown export of 2,000 highlights: one pass over preloaded rows vs. the N+1 query pattern. */
export function benchMarkdownExport(count = 2000, runs = 5): BenchRow {
  const dir = tempLibrary();
  const lib = openLibrary({ libraryDir: dir, seedsDir: bundledSeedsDir });
  const h = lib.handlers;
  const docs = h['documents.list']({}) as DocumentSummary[];
  const themes = (h['themes.addExamples']({}) as Theme[]).map((t) => t.id);
  const texts = docs.map((d) => (h['documents.get']({ id: d.id }) as { text: string }).text);
  lib.ctx.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const d = i % docs.length;
      const start = (i * 37) % (texts[d].length - 40);
      const a = h['annotations.create']({ documentId: docs[d].id, start, end: start + 20, themeIds: [themes[i % themes.length], themes[(i * 7) % themes.length]] }) as Annotation;
      if (i % 3 === 0) h['annotations.updateNote']({ id: a.id, noteJson: noteJsonFromPlainText(`笔记 ${i}`), noteText: `笔记 ${i}` });
    }
  })();
  const ours: number[] = [];
  const naive: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    size = (markdownExport(lib.ctx, { by: 'theme' }).content.length);
    ours.push(performance.now() - t);
    t = performance.now();
    naiveExport(lib.ctx.db);
    naive.push(performance.now() - t);
  }
  lib.close();
  rmSync(dir, { recursive: true, force: true });
  return { name: `Markdown export (${count} highlights, ${Math.round(size / 1024)} kB)`, unit: 'ms', ours: median(ours), baseline: median(naive), baselineName: 'N+1 queries per highlight', goal: null };
}

function naiveExport(db: Database.Database): string {
  const out: string[] = [];
  const themes = db.prepare('SELECT id, name FROM themes WHERE deleted_at IS NULL ORDER BY sort_order').all() as { id: string; name: string }[];
  for (const t of themes) {
    out.push(`## ${t.name}`);
    const ids = db.prepare('SELECT annotation_id FROM annotation_themes WHERE theme_id = ?').all(t.id) as { annotation_id: string }[];
    for (const { annotation_id } of ids) {
      const a = db.prepare('SELECT * FROM annotations WHERE id = ?').get(annotation_id) as { document_id: string; exact: string; start_offset: number; note_json: string | null; note_text: string };
      const d = db.prepare('SELECT title, source, published_at, text FROM documents WHERE id = ?').get(a.document_id) as { title: string; text: string };
      const names = (db.prepare('SELECT t.name FROM annotation_themes at JOIN themes t ON t.id = at.theme_id WHERE at.annotation_id = ?').all(annotation_id) as { name: string }[]).map((x) => x.name);
      const paragraph = d.text.slice(0, a.start_offset).split('\n').length;
      out.push(`> ${a.exact}`, names.join(' '), lexicalJsonToMarkdown(a.note_json, a.note_text), `${d.title} ${paragraph}`);
    }
  }
  return out.join('\n\n');
}

