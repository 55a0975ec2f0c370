// The seeds re-encoded in every supported encoding (generated here with iconv-lite) import to
// the same cleaned text, with the encoding detected and reported; a forced encoding re-imports.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, ImportFileResult } from '../../shared/domain';
import { seedFiles } from '../../electron/core/library';
import { bundledSeedsDir } from '../../electron/core/paths';
import { importBytes, importPastedText, importPaths } from '../../electron/core/services/imports';
import { open, tempDir } from './helpers';

const seed = (prefix: string) => readFileSync(seedFiles(bundledSeedsDir).find((f) => f.includes(`/${prefix}_`))!, 'utf8');

/** Lines that survive a round trip through the encoding (strict Big5 lacks NBSP and some characters). */
function encodable(text: string, encoding: string): string {
  return text
    .split('\n')
    .filter((line) => iconv.decode(iconv.encode(line, encoding), encoding) === line)
    .join('\n');
}

function withBom(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', text: string): Buffer {
  const bom = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] }[encoding];
  return Buffer.concat([Buffer.from(bom), iconv.encode(text, encoding)]);
}

async function importOne(bytes: Uint8Array, name: string, options = {}) {
  const lib = open({ seedsDir: null });
  const result = await importBytes(lib.ctx, bytes, name, options);
  expect(result.status, result.error).toBe('imported');
  const docs = result.documents.map((d) => lib.handlers['documents.get']({ id: d.id }) as DocumentRecord);
  return { lib, result, docs };
}

describe('encodings', () => {
  const simplified = seed('003');
  const traditional = seed('000');

  it.each([
    ['utf-8 without BOM', () => Buffer.from(simplified, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', () => withBom('utf-8', simplified), 'utf-8'],
    ['utf-16le with BOM', () => withBom('utf-16le', simplified), 'utf-16le'],
    ['utf-16be with BOM', () => withBom('utf-16be', simplified), 'utf-16be'],
    ['gb18030', () => iconv.encode(simplified, 'gb18030'), 'gb18030'],
  ])('%s: detected and cleaned like the UTF-8 original', async (_name, bytes, encoding) => {
    const reference = await importOne(Buffer.from(simplified, 'utf8'), 'ref.txt');
    const { result, docs } = await importOne(bytes(), 'page.txt');
    expect(result.encoding).toBe(encoding);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(docs[0].text).toBe(reference.docs[0].text);
    expect(docs[0]).toMatchObject({ title: reference.docs[0].title, publishedAt: '2024-06-28', source: '黑河日报' });
  });

  it('tells GB18030 from Big5 on traditional text too', async () => {
    const text = encodable(traditional, 'big5');
    expect(text.length).toBeGreaterThan(1000);
    const big5 = await importOne(iconv.encode(text, 'big5'), 'big5.txt');
    const gb = await importOne(iconv.encode(text, 'gb18030'), 'gb.txt');
    const utf8 = await importOne(Buffer.from(text, 'utf8'), 'utf8.txt');
    expect(big5.result.encoding).toBe('big5');
    expect(gb.result.encoding).toBe('gb18030');
    expect(big5.docs[0].text).toBe(utf8.docs[0].text);
    expect(gb.docs[0].text).toBe(utf8.docs[0].text);
  });

  it('reads mixed line endings as the same paragraphs', async () => {
    const lines = simplified.split('\n');
    const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('');
    const a = await importOne(Buffer.from(mixed, 'utf8'), 'mixed.txt');
    const b = await importOne(Buffer.from(simplified, 'utf8'), 'plain.txt');
    expect(a.docs[0].text).toBe(b.docs[0].text);
  });

  it('re-imports with another encoding as a fresh copy, keeping the first import', async () => {
    const bytes = iconv.encode(simplified, 'gb18030');
    const lib = open({ seedsDir: null });
    const first = await importBytes(lib.ctx, bytes, 'a.txt');
    expect(first).toMatchObject({ status: 'imported', encoding: 'gb18030' });
    expect((await importBytes(lib.ctx, bytes, 'a.txt')).status).toBe('duplicate');
    const forced = await importBytes(lib.ctx, bytes, 'a.txt', { encoding: 'big5' });
    expect(forced).toMatchObject({ status: 'imported', encoding: 'big5', confidence: 1 });
    const right = lib.handlers['documents.get']({ id: first.documents[0].id }) as DocumentRecord;
    const wrong = lib.handlers['documents.get']({ id: forced.documents[0].id }) as DocumentRecord;
    expect(right.text).toContain('因地制宜推动黑河新质生产力发展');
    expect(wrong.text).not.toContain('因地制宜推动黑河新质生产力发展');
    expect(lib.handlers['documents.list']({})).toHaveLength(2);
  });
});

describe('pasted text and bad input', () => {
  it('imports pasted text with the given title and cleaning', async () => {
    const lib = open({ seedsDir: null });
    const result = await importPastedText(lib.ctx, '  發(fā)展新質生產力。\r\n\r\n第二段。', '粘贴的文字');
    expect(result).toMatchObject({ status: 'imported', encoding: 'utf-8', charsRemoved: expect.any(Number) });
    const doc = lib.handlers['documents.get']({ id: result.documents[0].id }) as DocumentRecord;
    expect(doc).toMatchObject({ title: '粘贴的文字', text: '發展新質生產力。\n第二段。' });
  });

  it('refuses a 200 MB text file by its size, without reading it', async () => {
    const lib = open();
    const before = JSON.stringify(lib.handlers['documents.list']({}));
    const dir = tempDir();
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 2 ** 20); // sparse: instant, no disk used
    const rssBefore = process.memoryUsage().rss;
    const [result] = await importPaths(lib.ctx, [huge]);
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/larger than 64 MB/) });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 2 ** 20);
    expect(JSON.stringify(lib.handlers['documents.list']({}))).toBe(before);
  });

  it.each([
    ['empty file', Buffer.alloc(0), 'e.txt', /empty/],
    ['only whitespace', Buffer.from(' \n\t\n'), 'w.txt', /no text/],
    ['binary junk renamed .txt', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), 'junk.txt', /binary/],
    ['unknown extension', Buffer.from('MZ'), 'x.exe', /No importer/],
  ])('%s: a clear message, and the library stays exactly as it was', async (_name, bytes, name, message) => {
    const lib = open();
    const before = JSON.stringify(lib.handlers['documents.list']({}));
    const result: ImportFileResult = await importBytes(lib.ctx, bytes, name);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(message);
    expect(JSON.stringify(lib.handlers['documents.list']({}))).toBe(before);
  });
});

describe('Markdown', () => {
  it('keeps headings and emphasis as marks, reads front matter, drops the markup', async () => {
    const md = [
      '---',
      'title: 发展新质生产力',
      'date: 2024-03-05',
      'source: 新华社',
      '---',
      '# 发展新质生产力',
      '',
      '新质生产力是**创新**起主导作用的*先进*生产力质态，详见[报告](https://example.org)。',
      '',
      '## 二、路径',
      '- 因地制宜',
    ].join('\n');
    const { docs } = await importOne(Buffer.from(md, 'utf8'), 'notes.md');
    const [doc] = docs;
    expect(doc).toMatchObject({ title: '发展新质生产力', publishedAt: '2024-03-05', source: '新华社' });
    expect(doc.text).toBe('发展新质生产力\n新质生产力是创新起主导作用的先进生产力质态，详见报告。\n二、路径\n• 因地制宜');
    const at = (kind: string) => doc.marks.filter((m) => m.kind === kind).map((m) => doc.text.slice(m.start, m.end));
    expect(at('h1')).toEqual(['发展新质生产力']);
    expect(at('h2')).toEqual(['二、路径']);
    expect(at('bold')).toEqual(['创新']);
    expect(at('italic')).toEqual(['先进']);
  });
});
