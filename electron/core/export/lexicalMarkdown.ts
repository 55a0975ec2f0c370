// Turns a serialised Lexical editor state (the note format) into Markdown without an editor instance.

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

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const CODE = 16;

function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

function inline(nodes: LexNode[] = []): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') {
        const f = typeof n.format === 'number' ? n.format : 0;
        let t = f & CODE ? '`' + (n.text ?? '') + '`' : escapeMd(n.text ?? '');
        if (!t.trim()) return t;
        if (f & STRIKE) t = `~~${t}~~`;
        if (f & ITALIC) t = `*${t}*`;
        if (f & BOLD) t = `**${t}**`;
        return t;
      }
      if (n.type === 'linebreak') return '  \n';
      if (n.type === 'link' || n.type === 'autolink') {
        const url = /^(https?:|mailto:)/i.test(n.url ?? '') ? n.url : '';
        return url ? `[${inline(n.children)}](${url})` : inline(n.children);
      }
      return inline(n.children);
    })
    .join('');
}

function list(node: LexNode, depth: number): string[] {
  const lines: string[] = [];
  let i = 1;
  for (const item of node.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    const own = (item.children ?? []).filter((c) => c.type !== 'list');
    if (own.length || !nested.length) {
      const marker = node.listType === 'number' ? `${i++}.` : node.listType === 'check' ? (item.checked ? '- [x]' : '- [ ]') : '-';
      lines.push(`${'  '.repeat(depth)}${marker} ${inline(own)}`);
    }
    for (const n of nested) lines.push(...list(n, depth + 1));
  }
  return lines;
}

function block(node: LexNode): string {
  switch (node.type) {
    case 'heading': {
      const level = Number(node.tag?.slice(1)) || 3;
      return `${'#'.repeat(Math.min(6, level + 2))} ${inline(node.children)}`;
    }
    case 'quote':
      return inline(node.children)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return list(node, 0).join('\n');
    case 'code':
      return '```\n' + (node.children ?? []).map((c) => c.text ?? (c.type === 'linebreak' ? '\n' : '')).join('') + '\n```';
    default:
      return inline(node.children);
  }
}

export function lexicalJsonToMarkdown(json: string | null, fallbackText = ''): string {
  if (!json) return fallbackText;
  try {
    const state = JSON.parse(json) as { root?: LexNode };
    const blocks = (state.root?.children ?? []).map(block).filter((b) => b.trim().length > 0);
    return blocks.join('\n\n');
  } catch {
    return fallbackText;
  }
}
