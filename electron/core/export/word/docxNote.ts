// A note's blocks (read from the Lexical state by lexicalTree) as Word paragraphs: bold, italic,
// strike, underline, code, links and nested lists kept, every run with its East Asian font.
import { ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { NoteBlock, NoteInline, NoteList } from '../lexicalTree';
import { NOTE_BULLET, NOTE_NUMBER, STYLE_ID, runFont, twip, type RunFont } from './docxStyles';
import type { RoleLook } from './look';

const CODE_FONT = 'Consolas';
const LINK_COLOR = '1F5FAF';

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

export class NoteWriter {
  /** Each list gets its own numbering instance, so every numbered list starts at 1. */
  private listInstance = 0;
  private readonly font: RunFont;
  private readonly codeFont: RunFont;

  constructor(private readonly look: RoleLook) {
    this.font = runFont(look.font);
    this.codeFont = { ascii: CODE_FONT, hAnsi: CODE_FONT, eastAsia: look.font.name, hint: 'eastAsia' };
  }

  paragraphs(blocks: readonly NoteBlock[]): Paragraph[] {
    const out: Paragraph[] = [];
    for (const b of blocks) {
      switch (b.kind) {
        case 'paragraph':
          out.push(new Paragraph({ style: STYLE_ID.note, children: this.inlines(b.inlines, {}) }));
          break;
        case 'heading':
          out.push(new Paragraph({ style: STYLE_ID.note, keepNext: true, children: this.inlines(b.inlines, { bold: true }) }));
          break;
        case 'quote':
          out.push(
            new Paragraph({
              style: STYLE_ID.note,
              indent: { left: twip(((this.look.leftChars ?? 0) + 2) * this.look.size) },
              children: this.inlines(b.inlines, { italic: true }),
            }),
          );
          break;
        case 'code':
          out.push(new Paragraph({ style: STYLE_ID.note, children: this.code(b.text) }));
          break;
        case 'list':
          this.list(b.list, 0, out);
          break;
      }
    }
    return out;
  }

  private list(list: NoteList, level: number, out: Paragraph[]): void {
    const instance = ++this.listInstance;
    for (const item of list.items) {
      if (item.inlines.length || !item.nested.length) {
        if (list.listType === 'check') {
          const left = twip(((this.look.leftChars ?? 0) + 1.5 * (level + 1)) * this.look.size);
          out.push(
            new Paragraph({
              style: STYLE_ID.note,
              indent: { left, hanging: twip(1.5 * this.look.size) },
              children: [this.text(item.checked ? '☑ ' : '☐ ', {}), ...this.inlines(item.inlines, {})],
            }),
          );
        } else {
          out.push(
            new Paragraph({
              style: STYLE_ID.note,
              numbering: { reference: list.listType === 'number' ? NOTE_NUMBER : NOTE_BULLET, level: Math.min(level, 8), instance },
              children: this.inlines(item.inlines, {}),
            }),
          );
        }
      }
      for (const n of item.nested) this.list(n, level + 1, out);
    }
  }

  private text(text: string, m: Marks): TextRun {
    return new TextRun({ text, font: this.font, bold: m.bold || undefined, italics: m.italic || undefined });
  }

  private code(text: string): TextRun[] {
    return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: this.codeFont }));
  }

  private inlines(xs: readonly NoteInline[], m: Marks): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const x of xs) {
      if (x.kind === 'break') out.push(new TextRun({ break: 1, font: this.font }));
      else if (x.kind === 'link') {
        if (!x.url) out.push(...this.inlines(x.children, m));
        else
          out.push(
            new ExternalHyperlink({
              link: x.url,
              children: x.children.flatMap((c) =>
                c.kind === 'text' ? [new TextRun({ text: c.text, font: this.font, bold: m.bold || c.bold || undefined, italics: m.italic || c.italic || undefined, color: LINK_COLOR, underline: {} })] : [],
              ),
            }),
          );
      } else
        out.push(
          new TextRun({
            text: x.text,
            font: x.code ? this.codeFont : this.font,
                  bold: m.bold || x.bold || undefined,
            italics: m.italic || x.italic || undefined,
            strike: x.strike || undefined,
            underline: x.underline ? {} : undefined,
          }),
        );
    }
    return out;
  }
}
