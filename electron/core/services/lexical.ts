// Notes and memos arrive as Lexical editor states; the backend checks the shape, never the content.
import { PizhuError } from '../../../shared/errors';

export function assertLexicalState(json: string): void {
  try {
    const parsed = JSON.parse(json) as { root?: unknown };
    if (!parsed || typeof parsed !== 'object' || !parsed.root) throw new Error('no root');
  } catch {
    throw new PizhuError('invalid_input', 'The note is not a Lexical editor state.');
  }
}

/** A Lexical editor state holding one paragraph per line, for notes typed on the command line or imported. */
export function noteJsonFromPlainText(text: string): string {
  const paragraph = (line: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: line ? [{ type: 'text', version: 1, text: line, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
  });
  return JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: text.split('\n').map(paragraph) },
  });
}
