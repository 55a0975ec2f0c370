// read → decode → parse → clean → split → store. Parsing may be async (PDF); storing is one
// transaction per file, so a failing file leaves the library exactly as it was.
import { createHash } from 'node:crypto';
import { writeTransaction } from '../db/connection';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportFileResult, ImportOptions, ImportReport } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { failedImport, MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { formatFor } from '../import/formats';
import type { ParsedDocument } from '../import/formats/types';
import { parseFile, titleFromName } from '../import/parseFile';
import { prepareImport, type PreparedImport } from '../import/pipeline';
import { insertCollection } from '../repos/collections';
import * as documents from '../repos/documents';
import { insertRemovedSpan } from '../repos/removedSpans';
import type { ServiceContext } from './context';

export { MAX_IMPORT_BYTES };

const emptyResult = (file: string): ImportFileResult => failedImport(file);

function failure(file: string, err: unknown): ImportFileResult {
  const code = (err as NodeJS.ErrnoException)?.code;
  const error =
    code === 'ENOENT' ? 'File not found.' : code === 'EISDIR' ? 'This is a folder, not a file.' : err instanceof Error ? err.message : String(err);
  return { ...emptyResult(file), error };
}

/** Options that change the result make a re-import of the same bytes legitimate. */
const wantsFreshCopy = (o: ImportOptions) => !!(o.encoding || o.disabledRules?.length || o.split === false);

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What an import of one article from `fileName` found and did, kept with the document. */
export function importReport(parsed: ParsedDocument, prepared: PreparedImport, fileName: string, mojibakeParagraphs: ImportReport['mojibakeParagraphs']): ImportReport {
  return {
    format: parsed.format,
    originalName: basename(fileName),
    encoding: parsed.encoding,
    confidence: parsed.confidence,
    rules: prepared.outcomes,
    charsRemoved: prepared.charsRemoved,
    mojibakeParagraphs,
    warnings: parsed.warnings,
  };
}

function store(ctx: ServiceContext, prepared: PreparedImport, parsed: ParsedDocument, bytes: Uint8Array, fileName: string, hash: string): ImportFileResult {
  const now = ctx.now();
  const collectionId = prepared.collectionName && prepared.documents.length > 1 ? ctx.newId() : null;
  return writeTransaction(ctx.db, () => {
    if (collectionId) insertCollection(ctx.db, { id: collectionId, name: prepared.collectionName!, author: ctx.userId, now });
    const created = prepared.documents.map((doc, order) => {
      const id = ctx.newId();
      const report = importReport(parsed, prepared, fileName, doc.mojibakeParagraphs);
      documents.insertDocument(ctx.db, {
        id,
        title: doc.title,
        source: doc.source,
        byline: doc.byline,
        editor: doc.editor,
        url: doc.url,
        publishedAt: doc.publishedAt,
        text: doc.text,
        script: doc.script,
        marks: doc.marks,
        report,
        collectionId,
        collectionOrder: order,
        // the original bytes once per file: the first article holds them
        original: order === 0 ? Buffer.from(bytes) : Buffer.alloc(0),
        originalName: basename(fileName),
        contentHash: hash,
        author: ctx.userId,
        now,
      });
      for (const span of doc.removed) insertRemovedSpan(ctx.db, { id: ctx.newId(), documentId: id, ...span, author: ctx.userId, now });
      return { id, title: doc.title };
    });
    return {
      ...emptyResult(fileName),
      status: 'imported' as const,
      documents: created,
      collectionId,
      format: parsed.format,
      encoding: parsed.encoding,
      confidence: parsed.confidence,
      rules: prepared.outcomes,
      charsRemoved: prepared.charsRemoved,
      mojibakeParagraphs: prepared.mojibakeParagraphs,
      warnings: parsed.warnings,
    };
  });
}

function duplicateOf(ctx: ServiceContext, hash: string, fileName: string, options: ImportOptions): ImportFileResult | null {
  if (wantsFreshCopy(options)) return null;
  const existing = documents.findDocumentByHash(ctx.db, hash);
  if (!existing) return null;
  const summary = documents.getDocumentSummary(ctx.db, existing);
  return {
    ...emptyResult(fileName),
    status: 'duplicate',
    documents: summary ? [{ id: summary.id, title: summary.title }] : [],
    warnings: ['Already in the library: nothing was imported.'],
  };
}

function checkSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new PizhuError('invalid_input', 'The file is empty: nothing was imported.');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new PizhuError('invalid_input', `The file is larger than ${MAX_IMPORT_BYTES >> 20} MB: nothing was imported.`);
}

/** Imports one file's bytes; never throws: a failure is a result with a message. */
export async function importBytes(ctx: ServiceContext, bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportFileResult> {
  try {
    checkSize(bytes);
    const hash = hashOf(bytes);
    const duplicate = duplicateOf(ctx, hash, fileName, options);
    if (duplicate) return duplicate;
    const { parsed, prepared } = await (ctx.parseFile ?? parseFile)(bytes, fileName, options);
    return store(ctx, prepared, parsed, bytes, fileName, hash);
  } catch (err) {
    return failure(fileName, err);
  }
}

/** The synchronous path for plain-text files (the first-run seeds), without an event loop. */
export function importTextFileSync(ctx: ServiceContext, path: string, options: ImportOptions = {}): ImportFileResult {
  try {
    const bytes = readFileSync(path);
    checkSize(bytes);
    const hash = hashOf(bytes);
    const duplicate = duplicateOf(ctx, hash, path, options);
    if (duplicate) return duplicate;
    const parsed = formatFor(path).parse(bytes, path, { encoding: options.encoding });
    if (parsed instanceof Promise) throw new PizhuError('unsupported', 'Only plain-text files can be imported synchronously.');
    return store(ctx, prepareImport(parsed, titleFromName(path), options), parsed, bytes, path, hash);
  } catch (err) {
    return failure(path, err);
  }
}

/** Imports files from disk one by one; a bad file is reported and never stops or undoes the others. */
export async function importPaths(
  ctx: ServiceContext,
  paths: string[],
  options: ImportOptions = {},
  onProgress?: (done: number, total: number, result: ImportFileResult) => void,
): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = [];
  for (const path of paths) {
    let result: ImportFileResult;
    try {
      if (statSync(path).size > MAX_IMPORT_BYTES) throw new PizhuError('invalid_input', `The file is larger than ${MAX_IMPORT_BYTES >> 20} MB: nothing was imported.`);
      result = await importBytes(ctx, readFileSync(path), path, options);
    } catch (err) {
      result = failure(path, err);
    }
    results.push(result);
    onProgress?.(results.length, paths.length, result);
  }
  return results;
}

/** Pasted text becomes a document like a UTF-8 file would. */
export async function importPastedText(ctx: ServiceContext, text: string, title: string | undefined, options: ImportOptions = {}): Promise<ImportFileResult> {
  const name = `${(title ?? 'Pasted text').replace(/[\\/:*?"<>|]/g, ' ').slice(0, 100)}.txt`;
  const result = await importBytes(ctx, new TextEncoder().encode(text), name, options);
  if (title && result.status === 'imported' && result.documents.length === 1) {
    const id = result.documents[0].id;
    const summary = documents.getDocumentSummary(ctx.db, id)!;
    documents.updateMetadata(ctx.db, id, { ...summary, title }, ctx.now());
    result.documents[0].title = title;
  }
  return result;
}
