// GUIDs for REFI-QDA elements that have no record of their own in Pizhu (a coding, a theme's memo):
// name-based (UUID version 5 layout), so that exporting the same library twice gives the same GUIDs.
import { createHash } from 'node:crypto';

// A fixed namespace for Pizhu's derived GUIDs.
const NAMESPACE = '6f1d0c52-8a7e-4c1b-9d1e-2b7a51f0c9a4';

export function derivedGuid(kind: string, ...ids: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${kind}:${ids.join(':')}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A GUID as Pizhu stores ids (lower case, without braces), or null when it is not one. */
export function normalizeGuid(guid: string | undefined): string | null {
  if (!guid) return null;
  const g = guid.trim().toLowerCase();
  const bare = g.startsWith('{') && g.endsWith('}') ? g.slice(1, -1) : g;
  return UUID.test(bare) ? bare : null;
}
