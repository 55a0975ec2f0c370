// Edit-mode drafts in `npm run bench` (issue 7): what keeping the typed text on disk costs per pause in typing,
// on a 500,000-character document with 2,000 highlights. Ours: drafts.save (one row rewritten, SHA-256 of the
// base text, synchronous=FULL commit). Baseline: keeping the work by saving a version at each pause instead
// (documents.revise: diff, re-anchoring every highlight, the search index following).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentRecord, ImportFileResult } from '../shared/domain';
import { openLibrary } from '../electron/core/library';
import { insertAnnotation } from '../electron/core/repos/annotations';
import { makeAnchor } from '../shared/offsets';
import { generateCorpus } from './searchCorpus';
import { median, type BenchRow } from './stats';

const DOCUMENT_CHARS = 500_000;
const HIGHLIGHTS = 2_000;
const RUNS = 9;

export async function benchDrafts(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-drafts-'));
  const lib = openLibrary({ libraryDir: dir, seedsDir: null, dailyBackup: false });
  try {
    const h = lib.handlers;
    const text = generateCorpus(1, DOCUMENT_CHARS, 7).next().value!.text.slice(0, DOCUMENT_CHARS);
    const imported = (await h['import.text']({ text, title: '五十万字', options: { split: false } })) as ImportFileResult;
    const id = imported.documents[0].id;
    const doc = h['documents.get']({ id }) as DocumentRecord;
    // Through the repository in one transaction: the channel reads the whole document per highlight.
    const now = lib.ctx.now();
    lib.ctx.db.transaction(() => {
      for (let i = 0; i < HIGHLIGHTS; i++) {
        const start = Math.floor((i * (doc.text.length - 12)) / HIGHLIGHTS);
        const anchor = makeAnchor(doc.text, start, start + 12);
        insertAnnotation(lib.ctx.db, { id: lib.ctx.newId(), documentId: id, ...anchor, author: lib.ctx.userId, now });
      }
    })();
    // Each pause: one more character typed somewhere in the middle.
    const typed = (n: number) => doc.text.slice(0, 250_000) + '校'.repeat(n) + doc.text.slice(250_000);

    const ours: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const t = performance.now();
      await h['drafts.save']({ documentId: id, text: typed(i), baseVersion: 1 });
      ours.push(performance.now() - t);
    }
    const baseline: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const t = performance.now();
      await h['documents.revise']({ id, text: typed(i) });
      baseline.push(performance.now() - t);
    }
    return [
      {
        name: `draft write per pause (${DOCUMENT_CHARS / 1000}k chars, ${HIGHLIGHTS} highlights)`,
        unit: 'ms',
        ours: median(ours),
        baseline: median(baseline),
        baselineName: 'a version saved at each pause',
        goal: null,
      },
    ];
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
