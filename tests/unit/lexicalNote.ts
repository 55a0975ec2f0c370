// Lexical note JSON for tests and benches, written as a tree of small builders instead of
// hand-spelled JSON: 1 = bold, 2 = italic in Lexical's format bits.
type Node = Record<string, unknown>;

export const BOLD = 1;
export const ITALIC = 2;

export const text = (value: string, format = 0): Node => ({ type: 'text', text: value, format });
export const link = (url: string, label: string): Node => ({ type: 'link', url, children: [text(label)] });
export const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', children });
export const list = (listType: 'bullet' | 'number', ...items: string[]): Node => ({
  type: 'list',
  listType,
  children: items.map((item) => ({ type: 'listitem', children: [text(item)] })),
});

/** A serialised editor state holding these blocks. */
export const note = (...children: Node[]): string => JSON.stringify({ root: { type: 'root', children } });
