// Base64 of a file's bytes for the import channel. Encoded in slices whose length is a
// multiple of 3, so that each slice's base64 ends on a boundary and the pieces simply join;
// no byte-by-byte string building and no argument list larger than the engine allows.
const SLICE = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE) {
    const slice = bytes.subarray(at, at + SLICE);
    parts.push(btoa(String.fromCharCode.apply(null, slice as unknown as number[])));
  }
  return parts.join('');
}

/** The bytes of a base64 string (an export file from the backend). */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
