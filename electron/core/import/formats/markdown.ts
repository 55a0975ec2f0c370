// Markdown: the text a reader sees, with headings and emphasis as marks instead of `#` and `**`,
// and YAML front matter (title, date, source, author, url) read as metadata.
import type { TextMark } from '../../../../shared/domain';
import { PizhuError } from '../../../../shared/errors';
import { decodeBytes, decodeWith } from '../decode';
import { looksBinary } from './text';
import type { ImportFormat, ParsedMeta } from './types';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
const INLINE = /(\*\*|__)(.+?)\1|\*(?!\s)([^*\n]+?)\*|!\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\([^)]*\)|`([^`]+)`/g;

function frontMatter(yaml: string): ParsedMeta {
  const meta: ParsedMeta = {};
  for (const line of yaml.split(/\r?\n/)) {
    const m = line.match(/^(\w+)\s*:\s*["']?(.*?)["']?\s*$/);
    if (!m || !m[2]) continue;
    const [, key, value] = m;
    if (key === 'title') meta.title = value;
    else if (key === 'source') meta.source = value;
    else if (key === 'author') meta.byline = value;
    else if (key === 'editor') meta.editor = value;
    else if (key === 'url') meta.url = value;
    else if (key === 'date' && /^\d{4}-\d{2}-\d{2}/.test(value)) meta.publishedAt = value.slice(0, 10);
  }
  return meta;
}

/** One line's inline markup → plain text, with bold/italic marks relative to `base`. */
function inline(line: string, base: number, marks: TextMark[]): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    out += line.slice(last, m.index);
    const [, strongMarker, strong, em, imageAlt, linkText, code] = m;
    const text = strongMarker ? strong : em ?? imageAlt ?? linkText ?? code ?? '';
    const start = base + out.length;
    if (strongMarker) marks.push({ start, end: start + text.length, kind: 'bold' });
    else if (em !== undefined) marks.push({ start, end: start + text.length, kind: 'italic' });
    out += text;
    last = m.index! + m[0].length;
  }
  return out + line.slice(last);
}

export const markdown: ImportFormat = {
  id: 'markdown',
  extensions: ['.md', '.markdown'],
  parse(bytes, _fileName, options) {
    const decoded = options.encoding ? decodeWith(bytes, options.encoding) : decodeBytes(bytes);
    if (looksBinary(decoded.text)) throw new PizhuError('invalid_input', 'This file looks binary, not text: nothing was imported.');
    let source = decoded.text;
    let meta: ParsedMeta = {};
    const fm = source.match(FRONT_MATTER);
    if (fm) {
      meta = frontMatter(fm[1]);
      source = source.slice(fm[0].length);
    }
    const marks: TextMark[] = [];
    const lines: string[] = [];
    let at = 0;
    let inFence = false;
    for (const raw of source.split(/\r?\n|\r/)) {
      if (FENCE.test(raw)) {
        inFence = !inFence;
        continue;
      }
      let line: string;
      if (inFence) line = raw;
      else {
        const heading = raw.match(HEADING);
        const body = heading ? heading[2] : raw.replace(/^\s{0,3}>\s?/, '').replace(/^\s*([-*+])\s+/, '• ');
        if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) continue; // a rule line
        line = inline(body, at, marks);
        if (heading) marks.push({ start: at, end: at + line.length, kind: (['h1', 'h2', 'h3'] as const)[Math.min(heading[1].length, 3) - 1] });
      }
      lines.push(line);
      at += line.length + 1;
    }
    const warnings = decoded.text.includes('\ufffd') ? ['Some bytes could not be decoded and were replaced by �.'] : [];
    return { text: lines.join('\n'), format: 'markdown', encoding: decoded.encoding, confidence: decoded.confidence, meta, marks, warnings };
  },
};
