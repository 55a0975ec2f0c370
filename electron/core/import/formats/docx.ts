// Word .docx: guarded unzip, mammoth to HTML (Title, headings, bold, italic), then the same
// HTML walker as the HTML importer. Images, embedded objects and linked files are never read.
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { PizhuError } from '../../../../shared/errors';
import { htmlToText, type DomNode } from './html-text';
import type { ImportFormat } from './types';
import { checkDeclaredSize, openZip } from './zip';

const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='标题'] => h1.doc-title:fresh",
  "p[style-name='標題'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Heading 1'] => h1:fresh",
  "p[style-name='Heading 2'] => h2:fresh",
  "p[style-name='Heading 3'] => h3:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='標題 1'] => h1:fresh",
  "p[style-name='標題 2'] => h2:fresh",
  "p[style-name='標題 3'] => h3:fresh",
  'b => strong',
  'i => em',
];

/** An OLE compound file: what Word writes for an encrypted .docx, and what an old .doc is. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

/** Whether a compound file holds a stream of this name (directory entries store names as UTF-16LE). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

function compoundFileError(bytes: Uint8Array): PizhuError {
  if (hasStream(bytes, 'EncryptedPackage'))
    return new PizhuError('unsupported', 'This Word document is password-protected (encrypted); remove the password in Word or WPS, save, and import again. Nothing was imported.');
  if (hasStream(bytes, 'WordDocument'))
    return new PizhuError('unsupported', 'This is an old Word 97–2003 .doc file, which cannot be read; save it as .docx in Word or WPS and import that. Nothing was imported.');
  return new PizhuError('unsupported', 'This is an Office compound file, not a .docx (it may be encrypted or another format): nothing was imported.');
}

const WHAT = 'This .docx file';

/** Word parts mammoth reads: XML and relationship files, never media or embedded objects. */
const READ_PART = /\.(?:xml|rels)$/i;

export const docx: ImportFormat = {
  id: 'docx',
  extensions: ['.docx', '.docm', '.dotx', '.doc'],
  async parse(bytes) {
    if (bytes.length === 0) throw new PizhuError('invalid_input', 'The file is empty: nothing was imported.');
    if (isCompoundFile(bytes)) throw compoundFileError(bytes);
    const zip = await openZip(bytes, WHAT);
    // Word Online names the main part word/document2.xml; mammoth finds it through _rels/.rels.
    if (!zip.file(/^word\/document\d*\.xml$/).length)
      throw new PizhuError('invalid_input', `${WHAT} is a zip archive but not a Word document (no word/document.xml): nothing was imported.`);
    for (const part of Object.values(zip.files)) if (!part.dir && READ_PART.test(part.name)) await checkDeclaredSize(part, WHAT);

    let converted: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
    try {
      converted = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        {
          styleMap: STYLE_MAP,
          includeEmbeddedStyleMap: false,
          ignoreEmptyParagraphs: true,
          externalFileAccess: false,
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      );
    } catch (e) {
      throw new PizhuError('invalid_input', `${WHAT} is damaged and could not be read (${(e as Error).message}). Nothing was imported.`);
    }

    const { document } = parseHTML(`<html><body>${converted.value}</body></html>`);
    const hasTitle = !!document.querySelector('h1.doc-title');
    // With a Title paragraph present, Heading 1 and 2 step down one level so the title stays on top.
    const walked = htmlToText(document.body as unknown as DomNode, {
      keepScriptLinkText: true,
      headingLevel: (tag, el) => {
        const m = /^h([1-6])$/.exec(tag);
        if (!m) return null;
        if (el.getAttribute?.('class') === 'doc-title') return 1;
        return Math.min(3, Number(m[1]) + (hasTitle ? 1 : 0)) as 1 | 2 | 3;
      },
    });
    if (!walked.text.trim()) throw new PizhuError('invalid_input', `${WHAT} holds no text: nothing was imported.`);

    // The Title paragraph names the document; without one, a heading that opens it does.
    const opening = walked.marks.find((m) => m.kind === 'h1' && (hasTitle || m.start === 0));
    const title = opening ? walked.text.slice(opening.start, opening.end) : undefined;
    const warnings = converted.messages.filter((m) => m.type === 'error').map((m) => `Word conversion: ${m.message}`);
    return { text: walked.text, format: 'docx', encoding: null, confidence: null, meta: title ? { title } : {}, marks: walked.marks, warnings };
  },
};
