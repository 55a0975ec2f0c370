// Turns a serialised Lexical editor state (the note format) into Markdown without an editor instance.
import { parseLexicalNote, type NoteBlock, type NoteInline, type NoteList } from './lexicalTree';

function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

function inline(nodes: readonly NoteInline[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') {
        let t = n.code ? '`' + n.text + '`' : escapeMd(n.text);
        if (!t.trim()) return t;
        if (n.strike) t = `~~${t}~~`;
        if (n.italic) t = `*${t}*`;
        if (n.bold) t = `**${t}**`;
        return t;
      }
      if (n.kind === 'break') return '  \n';
      return n.url ? `[${inline(n.children)}](${n.url})` : inline(n.children);
    })
    .join('');
}

function list(node: NoteList, depth: number): string[] {
  const lines: string[] = [];
  let i = 1;
  for (const item of node.items) {
    if (item.inlines.length || !item.nested.length) {
      const marker = node.listType === 'number' ? `${i++}.` : node.listType === 'check' ? (item.checked ? '- [x]' : '- [ ]') : '-';
      lines.push(`${'  '.repeat(depth)}${marker} ${inline(item.inlines)}`);
    }
    for (const n of item.nested) lines.push(...list(n, depth + 1));
  }
  return lines;
}

function block(node: NoteBlock): string {
  switch (node.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, node.level + 2))} ${inline(node.inlines)}`;
    case 'quote':
      return inline(node.inlines)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return list(node.list, 0).join('\n');
    case 'code':
      return '```\n' + node.text + '\n```';
    default:
      return inline(node.inlines);
  }
}

export function lexicalJsonToMarkdown(json: string | null, fallbackText = ''): string {
  const blocks = parseLexicalNote(json);
  if (!blocks) return fallbackText;
  return blocks
    .map(block)
    .filter((b) => b.trim().length > 0)
    .join('\n\n');
}
