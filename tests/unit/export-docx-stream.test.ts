// The streamed Word writer on an export far larger than one chunk of its stream: every excerpt,
// list and link arrives once and in order, every list and link the body names is declared in the
// numbering and the relationships, and the file reads back through the app's own .docx importer.
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord, DocumentSummary, ExportFile, Theme } from '../../shared/domain';
import { docx } from '../../electron/core/import/formats/docx';
import { open } from './helpers';
import { link, list, note, paragraph, text } from './lexicalNote';

type Handlers = Record<string, (input: unknown) => unknown>;

const EXCERPTS = 300;
const LINKS = ['https://example.org/a?x=1&y=2', 'https://example.org/b'];

describe('Word export, streamed', () => {
  it('writes hundreds of excerpts with notes, lists and links in order, and reads back through the .docx importer', async () => {
    const lib = open();
    const h = lib.handlers as unknown as Handlers;
    const docs = (h['documents.list']({}) as DocumentSummary[]).map((d) => h['documents.get']({ id: d.id }) as DocumentRecord);
    const theme = h['themes.create']({ name: '摘录' }) as Theme;
    // Distinct passages of 12 characters from the seeds, several per document.
    const passages: { doc: DocumentRecord; start: number; quote: string }[] = [];
    for (let at = 0; passages.length < EXCERPTS; at += 97) {
      const doc = docs[passages.length % docs.length];
      const start = at % Math.max(1, doc.text.length - 20);
      const quote = doc.text.slice(start, start + 12);
      if (!quote.includes('\n') && quote.trim().length === 12 && !passages.some((p) => p.quote === quote)) passages.push({ doc, start, quote });
    }
    passages.forEach((p, i) => {
      const a = h['annotations.create']({ documentId: p.doc.id, start: p.start, end: p.start + 12, themeIds: [theme.id] }) as Annotation;
      const blocks = [paragraph(text(`第${i}条笔记`), link(LINKS[i % 2], '原文')), list(i % 2 ? 'number' : 'bullet', `要点${i}甲`, `要点${i}乙`)];
      h['annotations.updateNote']({ id: a.id, noteJson: note(...blocks), noteText: `第${i}条笔记` });
    });

    const file = (await h['export.file']({ format: 'docx', by: 'theme' })) as ExportFile;
    const bytes = Buffer.from(file.data, 'base64');
    const zip = await JSZip.loadAsync(bytes);
    const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
    const doc = await part('word/document.xml');
    expect(doc.length).toBeGreaterThan(4 * 64 * 1024); // several chunks of the stream
    for (const name of ['word/document.xml', 'word/numbering.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']) {
      expect(XMLValidator.validate(await part(name)), name).toBe(true);
    }
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');

    // Each excerpt's quote once, in the order of its notes' numbers.
    const quoteParagraphs = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="PzQuote"\/>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(quoteParagraphs).toHaveLength(EXCERPTS);
    const order = [...doc.matchAll(/第(\d+)条笔记/g)].map((m) => Number(m[1]));
    expect(new Set(order).size).toBe(EXCERPTS);

    // Every list is its own instance, declared in the numbering and restarting at 1.
    const numIds = [...new Set([...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]))];
    expect(numIds).toHaveLength(EXCERPTS);
    const numbering = await part('word/numbering.xml');
    for (const id of numIds) expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));

    // One relationship per address, and every link in the body points at one.
    const rels = await part('word/_rels/document.xml.rels');
    const relIds = [...doc.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(relIds).toHaveLength(EXCERPTS);
    expect(new Set(relIds).size).toBe(LINKS.length);
    expect(rels).toContain('Target="https://example.org/a?x=1&amp;y=2" TargetMode="External"');
    for (const id of new Set(relIds)) expect(rels).toContain(`Id="${id}"`);

    // The app's own importer (mammoth) reads it back: every quote, note and list item is there.
    const parsed = await docx.parse(new Uint8Array(bytes), 'notes.docx', {});
    for (const [i, p] of passages.entries()) {
      expect(parsed.text).toContain(p.quote);
      expect(parsed.text).toContain(`第${i}条笔记`);
      expect(parsed.text).toContain(`要点${i}乙`);
    }
    lib.close();
  });
});
