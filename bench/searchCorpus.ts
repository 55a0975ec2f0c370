// A generated library for search tests and the search bench: the seeds' sentences shuffled into
// documents in simplified, traditional and mixed script, with Latin words, numbers and
// look-alikes ("said" beside "AI") sprinkled in. Deterministic for a given seed.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { toSimplified, toTraditional } from '../shared/chinese';
import type { Db } from '../electron/core/db/connection';
import { insertDocument } from '../electron/core/repos/documents';
import { seedFiles } from '../electron/core/library';
import { bundledSeedsDir } from '../electron/core/paths';
import { mulberry32 } from '../shared/random';

export interface CorpusDocument {
  title: string;
  text: string;
  publishedAt: string | null;
}

const LATIN = ['AI', 'ai', 'AI赋能', 'GDP', '5G网络', 'said', 'AIM', 'R&D', 'Made in China 2025', 'ＡＩ', 'e-commerce', '2024年', 'Ai'];

/** Sentences of the bundled seed files, in the script they were written in. */
export function seedSentences(): string[] {
  const out: string[] = [];
  for (const file of seedFiles(bundledSeedsDir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      for (const s of line.trim().split(/(?<=[。！？；!?])/)) {
        const t = s.trim();
        if (t.length >= 6) out.push(t);
      }
    }
  }
  return out;
}

export function* generateCorpus(count: number, charsPerDocument: number, seed = 1): Generator<CorpusDocument> {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const sentences = seedSentences();
  for (let n = 0; n < count; n++) {
    const script = n % 5 === 4 ? 'mixed' : n % 2 ? 'traditional' : 'simplified';
    const paragraphs: string[] = [];
    let length = 0;
    while (length < charsPerDocument) {
      let paragraph = '';
      const sentencesInParagraph = 1 + Math.floor(rand() * 6);
      for (let k = 0; k < sentencesInParagraph; k++) {
        let s = pick(sentences);
        if (rand() < 0.12) s = pick(LATIN) + s;
        if (script === 'traditional' || (script === 'mixed' && rand() < 0.5)) s = toTraditional(s);
        else s = toSimplified(s);
        paragraph += s;
      }
      paragraphs.push(paragraph);
      length += paragraph.length + 1;
    }
    const year = 2019 + Math.floor(rand() * 6);
    const publishedAt = rand() < 0.9 ? `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null;
    yield { title: `${n + 1} ${paragraphs[0].slice(0, 16)}`, text: paragraphs.join('\n'), publishedAt };
  }
}

/** Stores generated documents through the documents repository (as an import would), in one transaction per batch. */
export function insertCorpus(db: Db, author: string, docs: Iterable<CorpusDocument>, newId: () => string, batch = 500): string[] {
  const ids: string[] = [];
  let pending: CorpusDocument[] = [];
  const now = new Date().toISOString();
  const flush = db.transaction((list: CorpusDocument[]) => {
    for (const d of list) {
      const id = newId();
      const original = Buffer.from(d.text, 'utf8');
      insertDocument(db, {
        id,
        title: d.title,
        source: 'generated',
        byline: null,
        editor: null,
        url: null,
        publishedAt: d.publishedAt,
        text: d.text,
        script: 'mixed',
        marks: [],
        report: null,
        collectionId: null,
        collectionOrder: 0,
        original,
        originalName: null,
        contentHash: createHash('sha256').update(original).update(id).digest('hex'),
        author,
        now,
      });
      ids.push(id);
    }
  });
  for (const d of docs) {
    pending.push(d);
    if (pending.length >= batch) {
      flush(pending);
      pending = [];
    }
  }
  if (pending.length) flush(pending);
  return ids;
}
