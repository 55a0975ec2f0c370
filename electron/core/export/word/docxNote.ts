// A note's blocks (read from the Lexical state by lexicalTree) as WordprocessingML paragraphs: bold,
// italic, strike, underline, code, links and nested lists kept, every run with its East Asian font.
import type { NoteBlock, NoteInline, NoteList } from '../lexicalTree';
import type { LinkRelations } from './docxLinks';
import type { NoteNumbering } from './docxNumbering';
import { STYLE_ID, runFont, twip, type RunFont } from './docxStyles';
import type { RoleLook } from './look';
import { hyperlink, lineBreak, lines, paragraph, run, type RunProps } from './wml';

const CODE_FONT = 'Consolas';
const LINK_COLOR = '1F5FAF';
const MAX_LEVEL = 8;

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

export class NoteWriter {
  private readonly font: RunFont;
  private readonly codeFont: RunFont;

  constructor(
    private readonly look: RoleLook,
    private readonly links: LinkRelations,
    private readonly numbering: NoteNumbering,
  ) {
    this.font = runFont(look.font);
    this.codeFont = { ascii: CODE_FONT, hAnsi: CODE_FONT, eastAsia: look.font.name, hint: 'eastAsia' };
  }

  /** The note's paragraphs, one XML string. */
  paragraphs(blocks: readonly NoteBlock[]): string {
    let out = '';
    const note = STYLE_ID.note;
    for (const b of blocks) {
      switch (b.kind) {
        case 'paragraph':
          out += paragraph({ style: note }, this.inlines(b.inlines, {}));
          break;
        case 'heading':
          out += paragraph({ style: note, keepNext: true }, this.inlines(b.inlines, { bold: true }));
          break;
        case 'quote':
          out += paragraph({ style: note, indent: { left: this.indent(2) } }, this.inlines(b.inlines, { italic: true }));
          break;
        case 'code':
          out += paragraph({ style: note }, lines(b.text, { font: this.codeFont }));
          break;
        case 'list':
          out += this.list(b.list, 0);
          break;
      }
    }
    return out;
  }

  /** Twips of the note's own indent plus `chars` characters. */
  private indent(chars: number): number {
    return twip(((this.look.leftChars ?? 0) + chars) * this.look.size);
  }

  private list(list: NoteList, level: number): string {
    // Each list its own numbering instance, so that every numbered list starts at 1.
    const numId = list.listType === 'check' ? 0 : this.numbering.newList(list.listType === 'number' ? 'number' : 'bullet');
    let out = '';
    for (const item of list.items) {
      if (item.inlines.length || !item.nested.length) {
        if (list.listType === 'check') {
          const box = run(item.checked ? '☑ ' : '☐ ', { font: this.font });
          const indent = { left: this.indent(1.5 * (level + 1)), hanging: twip(1.5 * this.look.size) };
          out += paragraph({ style: STYLE_ID.note, indent }, box + this.inlines(item.inlines, {}));
        } else {
          out += paragraph({ style: STYLE_ID.note, numbering: { numId, level: Math.min(level, MAX_LEVEL) } }, this.inlines(item.inlines, {}));
        }
      }
      for (const n of item.nested) out += this.list(n, level + 1);
    }
    return out;
  }

  private inlines(xs: readonly NoteInline[], m: Marks): string {
    let out = '';
    for (const x of xs) {
      if (x.kind === 'break') out += lineBreak({ font: this.font });
      else if (x.kind === 'link') {
        if (!x.url) {
          out += this.inlines(x.children, m);
          continue;
        }
        let text = '';
        for (const c of x.children) {
          if (c.kind !== 'text') continue;
          text += run(c.text, { font: this.font, bold: m.bold || c.bold, italic: m.italic || c.italic, color: LINK_COLOR, underline: true });
        }
        out += hyperlink(this.links.id(x.url), text);
      } else {
        const props: RunProps = {
          font: x.code ? this.codeFont : this.font,
          bold: m.bold || x.bold,
          italic: m.italic || x.italic,
          strike: x.strike,
          underline: x.underline,
        };
        out += run(x.text, props);
      }
    }
    return out;
  }
}
