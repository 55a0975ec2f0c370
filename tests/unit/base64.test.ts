import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../renderer/src/lib/base64';

describe('bytesToBase64', () => {
  it('matches Node for sizes around the slice boundary and for every byte value', () => {
    for (const n of [0, 1, 2, 3, 24575, 24576, 24577, 24576 * 3 + 2, 200_001]) {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = (i * 131 + 7) & 0xff;
      expect(bytesToBase64(bytes), String(n)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
