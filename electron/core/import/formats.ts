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

/** Control characters or undecodable bytes in more than 1% of the first 8,000 characters mean this is not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad > sample.length / 100;
}

const plainText: ImportFormat = {
  id: 'text',
  extensions: ['.txt', '.md', '.markdown', '.text'],
  parse(bytes) {
    const warnings: string[] = [];
    const decoded = decodeBytes(bytes);
    if (looksBinary(decoded.text)) throw new PizhuError('invalid_input', 'This file looks binary, not text: nothing was imported.');
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
