// One error convention across every boundary (IPC, HTTP transport, CLI).
// Electron's invoke keeps only `message`, so errors travel as a plain serialised object.

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'io'
  /** The library file failed its integrity check; details: LibraryCorruptDetails (electron/core/backup). */
  | 'corrupt'
  | 'cancelled'
  | 'internal';

export class PizhuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'PizhuError';
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof PizhuError) return { code: err.code, message: err.message, details: err.details };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

export function deserializeError(e: SerializedError): PizhuError {
  return new PizhuError(e.code, e.message, e.details);
}

export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw deserializeError(r.error);
}
