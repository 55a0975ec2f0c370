// The notes' bulleted and numbered lists as word/numbering.xml: two list definitions, and one numbering
// instance per list written, each restarting at 1. Instances are handed out while the body streams,
// and the part is written after it.
import type { Look } from './look';
import { twip } from './docxStyles';

const LEVELS = 9;
const BULLETS = ['•', '◦', '▪'];
const ABSTRACT = { bullet: 1, number: 2 } as const;

export type ListKind = keyof typeof ABSTRACT;

export class NoteNumbering {
  private readonly lists: ListKind[] = [];

  /** A fresh instance of the list definition: the numId the list's paragraphs refer to. */
  newList(kind: ListKind): number {
    this.lists.push(kind);
    return this.lists.length;
  }

  xml(look: Look): string {
    const note = look.roles.note;
    const base = twip((note.leftChars ?? 0) * note.size);
    const step = twip(1.5 * note.size);
    const level = (kind: ListKind, i: number) =>
      `<w:lvl w:ilvl="${i}"><w:start w:val="1"/>` +
      (kind === 'bullet' ? `<w:numFmt w:val="bullet"/><w:lvlText w:val="${BULLETS[i % BULLETS.length]}"/>` : `<w:numFmt w:val="decimal"/><w:lvlText w:val="%${i + 1}."/>`) +
      `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${base + step * (i + 1)}" w:hanging="${step}"/></w:pPr></w:lvl>`;
    const abstract = (kind: ListKind) =>
      `<w:abstractNum w:abstractNumId="${ABSTRACT[kind]}"><w:multiLevelType w:val="hybridMultilevel"/>` +
      Array.from({ length: LEVELS }, (_, i) => level(kind, i)).join('') +
      '</w:abstractNum>';
    // Without the overrides Word would carry the count on from the previous list of the same kind.
    const restart = Array.from({ length: LEVELS }, (_, i) => `<w:lvlOverride w:ilvl="${i}"><w:startOverride w:val="1"/></w:lvlOverride>`).join('');
    const instances = this.lists.map((kind, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${ABSTRACT[kind]}"/>${restart}</w:num>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      abstract('bullet') +
      abstract('number') +
      instances.join('') +
      '</w:numbering>'
    );
  }
}
