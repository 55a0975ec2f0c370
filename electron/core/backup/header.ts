// The first 100 bytes of a SQLite file: whether it is one at all, and its schema version
// (user_version, bytes 60–63), read without opening it as a database.
import { closeSync, openSync, readSync } from 'node:fs';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export interface SqliteHeader {
  userVersion: number;
}

/** The header of a SQLite file, or null if the file is shorter than a header or is not SQLite. */
export function readSqliteHeader(file: string): SqliteHeader | null {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES) return null;
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    return { userVersion: header.readUInt32BE(60) };
  } finally {
    closeSync(fd);
  }
}

export function isSqliteBytes(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_BYTES && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC);
}
