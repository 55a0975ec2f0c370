// Imports parsed in the import worker thread, as the app does: the same documents as an import in
// process (text, marks, removed spans, report) for each format, the same messages for bad files,
// and the app's thread free to answer other work while a large file is parsed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, ImportFileResult } from '../../shared/domain';
import { seedFiles } from '../../electron/core/library';
import { bundledSeedsDir } from '../../electron/core/paths';
import { buildDocx } from './fixtures/docx';
import { encodeLegacy } from './fixtures/legacy-encoding';
import { handWrittenPdf } from './fixtures/pdf';
import { loopTurnsWhile, open } from './helpers';

type Handlers = Record<string, (input: unknown) => unknown>;

function library(importWorker: boolean): Handlers {
  return open({ seedsDir: null, importWorker }).handlers as unknown as Handlers;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function importFile(h: Handlers, name: string, bytes: Uint8Array): Promise<{ result: ImportFileResult; documents: DocumentRecord[] }> {
  const result = (await h['import.file']({ name, data: base64(bytes), options: {} })) as ImportFileResult;
  const documents = result.documents.map((d) => h['documents.get']({ id: d.id }) as DocumentRecord);
  return { result, documents };
}

/** What an import made, without the ids and times that differ between two libraries. */
function made({ result, documents }: Awaited<ReturnType<typeof importFile>>) {
  return {
    status: result.status,
    error: result.error,
    format: result.format,
    encoding: result.encoding,
    rules: result.rules,
    warnings: result.warnings,
    documents: documents.map((d) => ({ title: d.title, text: d.text, marks: d.marks, removed: d.removed.map((r) => [r.position, r.sourceOffset, r.text, r.rule]), report: d.report })),
  };
}

describe('The import worker', () => {
  it('imports every format as an import in process does, and reports bad files with the same message', async () => {
    const seed = seedFiles(bundledSeedsDir).find((f) => f.includes('/001_'))!;
    const inputs: [string, Uint8Array][] = [
      ['seven-articles.txt', readFileSync(seed)],
      ['gb18030.txt', encodeLegacy('新质生产力是创新起主导作用的先进生产力质态。\n\n发展新质生产力是推动高质量发展的内在要求。\n', 'gb18030')],
      ['notes.docx', await buildDocx([{ style: 'Title', runs: [{ text: '因地制宜发展新质生产力' }] }, { runs: [{ text: '先立后破。', bold: true }, { text: '因地制宜，分类指导。' }] }])],
      ['line.pdf', handWrittenPdf('New quality productive forces')],
      ['encrypted.pdf', handWrittenPdf('secret', true)],
      ['broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
      ['junk.txt', new Uint8Array(4096).map((_, i) => (i * 7919) % 256)],
    ];
    const inWorker = library(true);
    const inProcess = library(false);
    const outcomes: string[] = [];
    for (const [name, bytes] of inputs) {
      const a = made(await importFile(inWorker, name, bytes));
      const b = made(await importFile(inProcess, name, bytes));
      expect(a, name).toEqual(b);
      outcomes.push(a.status);
    }
    // The inputs cover both outcomes: documents made, and clear refusals.
    expect(outcomes.filter((s) => s === 'imported').length).toBeGreaterThanOrEqual(4);
    expect(outcomes.filter((s) => s === 'failed').length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the app’s thread free while a large file is parsed', async () => {
    // About 12 MB of text: seconds of decoding and cleaning.
    const text = readFileSync(seedFiles(bundledSeedsDir).find((f) => f.includes('/001_'))!, 'utf8');
    const big = new TextEncoder().encode(Array.from({ length: Math.ceil((12 << 20) / Buffer.byteLength(text)) }, () => text).join('\n'));
    const turnsWhileImporting = async (h: Handlers) => {
      const { value, turns } = await loopTurnsWhile(() => importFile(h, 'big.txt', big));
      expect(value.result.status).toBe('imported');
      return turns;
    };
    // In process the parse holds the thread from start to end; in the worker the thread keeps turning.
    expect(await turnsWhileImporting(library(false))).toBeLessThanOrEqual(2);
    expect(await turnsWhileImporting(library(true))).toBeGreaterThan(20);
  });
});
