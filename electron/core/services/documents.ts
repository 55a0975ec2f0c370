import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DocumentRecord } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { normalizeLayout } from '../import/clean';
import { formatFor } from '../import/formats';
import { extractMetadata } from '../import/metadata';
import * as repo from '../repos/documents';
import type { ServiceContext } from './context';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportResult {
  file: string;
  status: 'imported' | 'duplicate' | 'failed';
  documentId?: string;
  title?: string;
  warnings: string[];
  error?: string;
}

/** read → decode → parse → clean → store, in one transaction per file. */
export function importBytes(ctx: ServiceContext, bytes: Uint8Array, fileName: string): ImportResult {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const existing = repo.findDocumentByHash(ctx.db, hash);
  if (existing) return { file: fileName, status: 'duplicate', documentId: existing, warnings: [] };
  const parsed = formatFor(fileName).parse(bytes, fileName);
  const text = normalizeLayout(parsed.text);
  if (!text) throw new PizhuError('invalid_input', `${fileName} holds no text.`);
  const meta = extractMetadata(text, basename(fileName).replace(/\.[^.]+$/, ''));
  const id = ctx.newId();
  repo.insertDocument(ctx.db, {
    id,
    title: meta.title,
    source: meta.source,
    byline: null,
    url: null,
    publishedAt: meta.publishedAt,
    text,
    original: Buffer.from(bytes),
    originalName: basename(fileName),
    contentHash: hash,
    author: ctx.userId,
    now: ctx.now(),
  });
  return { file: fileName, status: 'imported', documentId: id, title: meta.title, warnings: parsed.warnings };
}

/** Imports files one by one; a bad file is reported and never stops or undoes the others. */
export function importFiles(ctx: ServiceContext, files: string[]): ImportResult[] {
  return files.map((file) => {
    try {
      const bytes = readFileSync(file);
      if (bytes.length > MAX_IMPORT_BYTES) throw new PizhuError('invalid_input', `${file} is larger than ${MAX_IMPORT_BYTES >> 20} MB.`);
      return ctx.db.transaction(() => importBytes(ctx, bytes, file))();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException)?.code;
      const error = code === 'ENOENT' ? 'File not found.' : code === 'EISDIR' ? 'This is a folder, not a file.' : err instanceof Error ? err.message : String(err);
      return { file, status: 'failed' as const, warnings: [], error };
    }
  });
}

export function getDocumentOrThrow(ctx: ServiceContext, id: string): DocumentRecord {
  const doc = repo.getDocument(ctx.db, id);
  if (!doc) throw new PizhuError('not_found', `No document ${id}`);
  return doc;
}
