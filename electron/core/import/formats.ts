// Import formats are registered modules with one interface; each collects warnings instead of aborting.
import { PizhuError } from '../../../shared/errors';
import { decodeBytes } from './decode';

export interface ParsedText {
  text: string;
  warnings: string[];
}

export interface ImportFormat {
  id: string;
  extensions: string[];
  parse(bytes: Uint8Array, fileName: string): ParsedText;
}

const plainText: ImportFormat = {
  id: 'text',
  extensions: ['.txt', '.md', '.markdown', '.text'],
  parse(bytes) {
    const warnings: string[] = [];
    const sample = bytes.subarray(0, 8192);
    let zeros = 0;
    for (const b of sample) if (b === 0) zeros++;
    const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!isUtf16 && zeros > sample.length / 100) throw new PizhuError('invalid_input', 'This file looks binary, not text.');
    const decoded = decodeBytes(bytes);
    if (decoded.encoding !== 'utf-8' || decoded.confidence < 0.9)
      warnings.push(`Decoded as ${decoded.encoding} (confidence ${decoded.confidence.toFixed(2)}).`);
    if (decoded.text.includes('\ufffd')) warnings.push('Some bytes could not be decoded and were replaced by �.');
    return { text: decoded.text, warnings };
  },
};

export const importFormats: ImportFormat[] = [plainText];

export function formatFor(fileName: string): ImportFormat {
  const lower = fileName.toLowerCase();
  const f = importFormats.find((fmt) => fmt.extensions.some((e) => lower.endsWith(e)));
  if (!f) throw new PizhuError('unsupported', `No importer for ${fileName}; supported: ${importFormats.flatMap((x) => x.extensions).join(' ')}`);
  return f;
}
