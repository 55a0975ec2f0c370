// Opens a zip container (.docx) only after checking it cannot exhaust memory: sizes declared in the
// central directory are checked before anything is inflated, and the parts a parser will read are
// inflated once as a stream that stops as soon as one outgrows its declared size.
import JSZip from 'jszip';
import { PizhuError } from '../../../../shared/errors';

export interface ZipLimits {
  /** Total declared uncompressed size of all entries. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 20_000,
};

// jszip keeps the central directory's sizes on an internal field, and its typings lack the documented internalStream().
interface EntrySizes {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}
/** jszip's internalStream() handle, which its typings leave out. */
export interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

function sizesOf(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } {
  const data = (file as unknown as EntrySizes)._data;
  return { compressed: data?.compressedSize ?? 0, uncompressed: data?.uncompressedSize ?? 0 };
}

const MB = 1024 * 1024;

function bomb(what: string, detail: string): PizhuError {
  return new PizhuError('invalid_input', `${what} looks like a zip bomb (${detail}); it was not unpacked and nothing was imported.`);
}

/** Reads the central directory and refuses damaged archives and archives that would inflate too far. */
export async function openZip(bytes: Uint8Array, what: string, limits: ZipLimits = ZIP_LIMITS): Promise<JSZip> {
  if (!isZip(bytes)) throw new PizhuError('invalid_input', `${what} is not a zip archive (it may be damaged or renamed): nothing was imported.`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw new PizhuError(
      'invalid_input',
      `${what} is damaged or truncated; its zip directory cannot be read (${(e as Error).message}). Nothing was imported.`,
    );
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.maxEntries) throw bomb(what, `${files.length} entries`);
  let total = 0;
  for (const f of files) {
    const { compressed, uncompressed } = sizesOf(f);
    total += uncompressed;
    if (uncompressed > limits.ratioFloorBytes && uncompressed / Math.max(compressed, 1) > limits.maxRatio)
      throw bomb(what, `${f.name} would inflate ${Math.round(uncompressed / Math.max(compressed, 1))}-fold to ${Math.round(uncompressed / MB)} MB`);
  }
  if (total > limits.maxTotalBytes) throw bomb(what, `${Math.round(total / MB)} MB uncompressed, over the ${Math.round(limits.maxTotalBytes / MB)} MB limit`);
  return zip;
}

/**
 * Inflates `file` as a stream, stopping as soon as it yields more than its declared size (a
 * directory that lies about sizes); memory stays within one inflated chunk of the declared size.
 */
export function checkDeclaredSize(file: JSZip.JSZipObject, what: string): Promise<void> {
  const declared = sizesOf(file).uncompressed;
  return new Promise((resolve, reject) => {
    let seen = 0;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        seen += chunk.length;
        if (seen > declared) {
          stream.pause();
          reject(bomb(what, `${file.name} inflates beyond the ${declared} bytes its directory declares`));
        }
      })
      .on('error', (e) => reject(new PizhuError('invalid_input', `${what} is damaged (${file.name}: ${e.message}). Nothing was imported.`)))
      .on('end', () => resolve())
      .resume();
  });
}
