// The whole library as one file (.pizhu) to carry to another machine: a zip of a consistent
// snapshot of the database — documents with their original bytes, themes, highlights, notes, memos,
// versions, settings: everything, so nothing can be left out — and a manifest with the format,
// schema and app versions, counts, and the size and SHA-256 of each entry. Import checks all of it
// before the current library is backed up and replaced.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { z } from 'zod';
import type { BackupInfo, ExportFile } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import pkg from '../../../package.json' with { type: 'json' };
import { openConnection, schemaVersion, type Db } from '../db/connection';
import { migrations } from '../db/migrations';
import { openZip, type StreamHelper } from '../import/formats/zip';
import { liveCounts, tableRowCounts, type LiveCounts } from '../repos/libraryCounts';
import type { LibraryControl } from './control';
import { replaceLibrary } from './restore';
import { createBackup, syncToDisk } from './snapshot';

export const ARCHIVE_FORMAT = 'pizhu-library';
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_EXTENSION = '.pizhu';
export const ARCHIVE_MIME = 'application/x-pizhu-library';
const MANIFEST_ENTRY = 'manifest.json';
const DATABASE_ENTRY = 'pizhu.sqlite';
/** A database larger than this is refused before anything is unpacked. */
const MAX_DATABASE_BYTES = 64 * 1024 * 1024 * 1024;

const entrySchema = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string(),
  counts: z.object({ documents: z.number(), themes: z.number(), annotations: z.number(), memos: z.number() }),
  /** Rows in every table of the snapshot, checked again after unpacking. */
  tables: z.record(z.string(), z.number().int().min(0)),
  entries: z.record(z.string(), entrySchema),
});

export type ArchiveManifest = z.infer<typeof manifestSchema>;

export interface ArchiveOptions {
  /** An open connection to the library, in process; without it the file is opened on its own (worker threads). */
  db?: Db;
  /** Progress in percent (done of 100). */
  onProgress?(done: number, total: number): void;
  /** Stops the export between steps and while compressing; it then rejects with PizhuError('cancelled'). */
  signal?: AbortSignal;
  now?: Date;
}

export interface LibraryArchive {
  bytes: Buffer;
  manifest: ArchiveManifest;
  suggestedName: string;
}

export function archiveFileName(at: Date): string {
  return `pizhu-library-${at.toISOString().slice(0, 10)}${ARCHIVE_EXTENSION}`;
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PizhuError('cancelled', 'The library export was cancelled.');
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Snapshots the library, describes it, and streams the zip into `sink`; returns the manifest. */
async function writeArchive(libraryDir: string, sink: Writable, options: ArchiveOptions): Promise<ArchiveManifest> {
  const progress = (done: number) => options.onProgress?.(Math.round(done), 100);
  const at = options.now ?? new Date();
  const work = mkdtempSync(join(tmpdir(), 'pizhu-archive-'));
  try {
    progress(0);
    const snapshot = join(work, DATABASE_ENTRY);
    const backup = createBackup(libraryDir, 'manual', { db: options.db, out: snapshot, now: at, withSearchIndex: true });
    stopIfCancelled(options.signal);
    progress(10);
    const db = openConnection(snapshot, { fileMustExist: true });
    let counts: LiveCounts;
    let tables: Record<string, number>;
    let version: number;
    try {
      counts = liveCounts(db);
      tables = tableRowCounts(db);
      version = schemaVersion(db);
    } finally {
      db.close();
    }
    const sha256 = await sha256OfFile(snapshot);
    stopIfCancelled(options.signal);
    progress(20);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      schemaVersion: version,
      appVersion: pkg.version,
      createdAt: at.toISOString(),
      counts,
      tables,
      entries: { [DATABASE_ENTRY]: { bytes: backup.bytes, sha256 } },
    };
    const zip = new JSZip();
    zip.file(MANIFEST_ENTRY, JSON.stringify(manifest, null, 2), { date: at });
    zip.file(DATABASE_ENTRY, createReadStream(snapshot), { date: at });
    const stream = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 } }, (meta) =>
      progress(20 + meta.percent * 0.8),
    );
    const onAbort = () => (stream as unknown as Writable).destroy(new PizhuError('cancelled', 'The library export was cancelled.'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await pipeline(stream, sink);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
    stopIfCancelled(options.signal);
    progress(100);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The library in `libraryDir` as one .pizhu archive in memory. Safe to call from a worker thread with only the path. */
export async function exportLibraryArchive(libraryDir: string, options: ArchiveOptions = {}): Promise<LibraryArchive> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const manifest = await writeArchive(libraryDir, sink, options);
  return { bytes: Buffer.concat(chunks), manifest, suggestedName: archiveFileName(options.now ?? new Date()) };
}

/** The archive as an export file (base64), as the libraryExport job returns it. */
export async function exportLibraryArchiveFile(libraryDir: string, options: ArchiveOptions = {}): Promise<ExportFile> {
  const archive = await exportLibraryArchive(libraryDir, options);
  return { data: archive.bytes.toString('base64'), encoding: 'base64', mime: ARCHIVE_MIME, suggestedName: archive.suggestedName, warnings: [] };
}

/** Writes the .pizhu archive to `outFile` as it is compressed (memory stays small for a large library). */
export async function writeLibraryArchive(libraryDir: string, outFile: string, options: ArchiveOptions = {}): Promise<ArchiveManifest> {
  const partial = `${outFile}.partial-${process.pid}`;
  try {
    const manifest = await writeArchive(libraryDir, createWriteStream(partial), options);
    syncToDisk(partial);
    renameSync(partial, outFile);
    return manifest;
  } finally {
    rmSync(partial, { force: true });
  }
}

function invalidArchive(reason: string): PizhuError {
  return new PizhuError('invalid_input', `This file is not a Pizhu library archive (${reason}); nothing was changed.`);
}

/** Reads and checks the manifest: the format, and a schema this build can open. */
export async function readArchiveManifest(zip: JSZip): Promise<ArchiveManifest> {
  const entry = zip.file(MANIFEST_ENTRY);
  if (!entry) throw invalidArchive('it has no manifest');
  let raw: unknown;
  try {
    raw = JSON.parse(await entry.async('string'));
  } catch {
    throw invalidArchive('its manifest is not JSON');
  }
  const head = z.object({ format: z.string(), formatVersion: z.number(), schemaVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== ARCHIVE_FORMAT) throw invalidArchive('its manifest is not a Pizhu manifest');
  if (head.data.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw new PizhuError('unsupported', `This archive was made by a newer Pizhu (archive format ${head.data.formatVersion}). Update Pizhu to import it; nothing was changed.`);
  }
  if (head.data.schemaVersion > migrations.length) {
    throw new PizhuError(
      'unsupported',
      `This archive holds a library from a newer Pizhu (schema ${head.data.schemaVersion}; this build knows ${migrations.length}). Update Pizhu to import it; nothing was changed.`,
      { schemaVersion: head.data.schemaVersion, supported: migrations.length },
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw invalidArchive(`its manifest is incomplete: ${parsed.error.issues[0]?.path.join('.')}`);
  return parsed.data;
}

/** Unpacks one entry into `file`, never writing more than the manifest says it holds, and checks its SHA-256. */
function unpackEntry(zip: JSZip, name: string, expected: { bytes: number; sha256: string }, file: string): Promise<void> {
  const entry = zip.file(name);
  if (!entry) return Promise.reject(invalidArchive(`${name} is missing`));
  const fd = openSync(file, 'w');
  const hash = createHash('sha256');
  let written = 0;
  return new Promise<void>((resolve, reject) => {
    // jszip's typings lack its documented internalStream().
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        written += chunk.length;
        if (written > expected.bytes) {
          stream.pause();
          reject(invalidArchive(`${name} is larger than its manifest says`));
          return;
        }
        hash.update(chunk);
        writeSync(fd, chunk);
      })
      .on('error', (e) => reject(invalidArchive(`${name} is damaged: ${e.message}`)))
      .on('end', () => {
        if (written !== expected.bytes) reject(invalidArchive(`${name} is shorter than its manifest says`));
        else if (hash.digest('hex') !== expected.sha256) reject(invalidArchive(`${name} does not match its checksum`));
        else resolve();
      })
      .resume();
  }).finally(() => closeSync(fd));
}

export interface ArchiveImportResult extends LiveCounts {
  manifest: ArchiveManifest;
  backupOfPrevious: BackupInfo | null;
}

/**
 * Replaces the library with the one in a .pizhu archive (bytes or a file path). The manifest, the
 * checksum, the database's integrity and row counts are all checked first; a library from a newer
 * Pizhu is refused; the current library is backed up (before-import); an older one is migrated.
 */
export async function importLibraryArchive(control: LibraryControl, archive: Buffer | string): Promise<ArchiveImportResult> {
  const bytes = typeof archive === 'string' ? readFileSync(archive) : archive;
  const zip = await openZip(bytes, 'This library archive', { maxTotalBytes: MAX_DATABASE_BYTES, maxRatio: 100, ratioFloorBytes: 1024 * 1024, maxEntries: 100 });
  const manifest = await readArchiveManifest(zip);
  const database = manifest.entries[DATABASE_ENTRY];
  if (!database) throw invalidArchive(`its manifest lists no ${DATABASE_ENTRY}`);
  if (database.bytes > MAX_DATABASE_BYTES) throw invalidArchive(`${DATABASE_ENTRY} is larger than Pizhu opens`);
  const backupOfPrevious = await replaceLibrary(control, 'The archive’s library', 'before-import', async (incoming) => {
    await unpackEntry(zip, DATABASE_ENTRY, database, incoming);
    const db = openConnection(incoming, { fileMustExist: true });
    let tables: Record<string, number>;
    try {
      tables = tableRowCounts(db);
    } catch (err) {
      throw invalidArchive(`its database cannot be read: ${(err as Error).message}`);
    } finally {
      db.close();
    }
    for (const [table, rows] of Object.entries(manifest.tables)) {
      if (tables[table] !== rows) throw invalidArchive(`${table} holds ${tables[table] ?? 0} rows, the manifest says ${rows}`);
    }
  });
  return { ...manifest.counts, manifest, backupOfPrevious };
}
