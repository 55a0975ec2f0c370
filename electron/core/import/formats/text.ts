// Plain text in any detected encoding.
import { PizhuError } from '../../../../shared/errors';
import { decodeBytes, decodeWith } from '../decode';
import type { ImportFormat } from './types';

/** Control characters or undecodable bytes in more than 1% of the first 8,000 characters mean this is not text. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad > sample.length / 100;
}

export const plainText: ImportFormat = {
  id: 'text',
  extensions: ['.txt', '.text'],
  parse(bytes, _fileName, options) {
    const warnings: string[] = [];
    const decoded = options.encoding ? decodeWith(bytes, options.encoding) : decodeBytes(bytes);
    if (looksBinary(decoded.text)) throw new PizhuError('invalid_input', 'This file looks binary, not text: nothing was imported.');
    if (decoded.text.includes('\ufffd')) warnings.push('Some bytes could not be decoded and were replaced by �.');
    return { text: decoded.text, format: 'text', encoding: decoded.encoding, confidence: decoded.confidence, meta: {}, marks: [], warnings };
  },
};
