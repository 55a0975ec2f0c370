// Reads a serialised Lexical editor state (the note format) into a small, safe tree that every
// note renderer (Markdown, Word, the HTML preview) walks, so the Lexical JSON is interpreted once.

interface LexNode {
  type: string;
  text?: string;
  format?: number | string;
  url?: string;
  listType?: 'bullet' | 'number' | 'check';
  checked?: boolean;
  tag?: string;
  children?: LexNode[];
}

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;
const CODE = 16;

export interface NoteText {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  underline: boolean;
  code: boolean;
}

export interface NoteLink {
  kind: 'link';
  /** Only http(s) and mailto targets survive; anything else is null and the link becomes its text. */
  url: string | null;
  children: NoteInline[];
}

export type NoteInline = NoteText | NoteLink | { kind: 'break' };

export type NoteListType = 'bullet' | 'number' | 'check';

export interface NoteListItem {
  inlines: NoteInline[];
  checked: boolean;
  /** Lists nested inside this item. */
  nested: NoteList[];
}

export interface NoteList {
  listType: NoteListType;
  items: NoteListItem[];
}

export type NoteBlock =
  | { kind: 'paragraph'; inlines: NoteInline[] }
  | { kind: 'heading'; level: number; inlines: NoteInline[] }
  | { kind: 'quote'; inlines: NoteInline[] }
  | { kind: 'list'; list: NoteList }
  | { kind: 'code'; text: string };

export function safeUrl(url: string | undefined): string | null {
  return url && /^(https?:|mailto:)/i.test(url) ? url : null;
}

function inlines(nodes: LexNode[] = []): NoteInline[] {
  const out: NoteInline[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const f = typeof n.format === 'number' ? n.format : 0;
      out.push({
        kind: 'text',
        text: n.text ?? '',
        bold: Boolean(f & BOLD),
        italic: Boolean(f & ITALIC),
        strike: Boolean(f & STRIKE),
        underline: Boolean(f & UNDERLINE),
        code: Boolean(f & CODE),
      });
    } else if (n.type === 'linebreak') out.push({ kind: 'break' });
    else if (n.type === 'link' || n.type === 'autolink') out.push({ kind: 'link', url: safeUrl(n.url), children: inlines(n.children) });
    // Any other inline node (hashtags, marks…) contributes its text.
    else out.push(...inlines(n.children));
  }
  return out;
}

function list(node: LexNode): NoteList {
  const listType = node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
  return {
    listType,
    items: (node.children ?? []).map((item) => {
      const children = item.children ?? [];
      return {
        inlines: inlines(children.filter((c) => c.type !== 'list')),
        checked: Boolean(item.checked),
        nested: children.filter((c) => c.type === 'list').map(list),
      };
    }),
  };
}

function block(node: LexNode): NoteBlock {
  switch (node.type) {
    case 'heading':
      return { kind: 'heading', level: Number(node.tag?.slice(1)) || 3, inlines: inlines(node.children) };
    case 'quote':
      return { kind: 'quote', inlines: inlines(node.children) };
    case 'list':
      return { kind: 'list', list: list(node) };
    case 'code':
      return { kind: 'code', text: (node.children ?? []).map((c) => c.text ?? (c.type === 'linebreak' ? '\n' : '')).join('') };
    default:
      return { kind: 'paragraph', inlines: inlines(node.children) };
  }
}

/** The note's blocks, or null when there is no state or it cannot be read (callers then use the plain text). */
export function parseLexicalNote(json: string | null): NoteBlock[] | null {
  if (!json) return null;
  try {
    const state = JSON.parse(json) as { root?: LexNode };
    return (state.root?.children ?? []).map(block);
  } catch {
    return null;
  }
}

/** A plain-text note as paragraphs, one per line. */
export function plainNote(text: string): NoteBlock[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: line, bold: false, italic: false, strike: false, underline: false, code: false }] }));
}

/** The text a reader sees, for emptiness checks and estimates. */
export function inlineText(xs: readonly NoteInline[]): string {
  return xs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'link' ? inlineText(x.children) : '\n')).join('');
}

function hasText(b: NoteBlock): boolean {
  if (b.kind === 'code') return b.text.trim().length > 0;
  if (b.kind === 'list') return b.list.items.length > 0;
  return inlineText(b.inlines).trim().length > 0;
}

/** A note's visible blocks: the Lexical state when it can be read, else the plain text; empty paragraphs dropped. */
export function readNote(json: string | null, plainText: string): NoteBlock[] {
  return (parseLexicalNote(json) ?? plainNote(plainText)).filter(hasText);
}
