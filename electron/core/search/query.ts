// The query language: terms separated by spaces must all occur (implicit AND); "quoted phrases"
// keep spaces and operator words literal; AND, OR, NOT (upper case) and ( ) combine terms; a
// trailing * after a Latin word or number makes it a prefix (econom*). A query that does not
// parse as an expression (a stray operator or parenthesis) is read as plain terms instead.
import { PizhuError } from '../../../shared/errors';
import { charClass, codePointBefore, WORD } from './chars';

export interface Term {
  text: string;
  /** The last word may be followed by more letters (written word*). */
  prefix: boolean;
  /** Under a NOT: it excludes units but never contributes hits. */
  negated: boolean;
}

export type QueryNode =
  | { kind: 'term'; term: number }
  | { kind: 'and' | 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

export interface ParsedQuery {
  terms: Term[];
  root: QueryNode;
}

type Lexeme = { kind: 'term'; text: string; prefix: boolean } | { kind: 'and' | 'or' | 'not' | 'open' | 'close' };

const OPERATORS: Record<string, Lexeme['kind']> = { AND: 'and', OR: 'or', NOT: 'not' };
function bareTerm(text: string): Lexeme {
  // Chinese has no word ends to extend, so * means "prefix" only after a Latin word or a number.
  if (text.length > 1 && text.endsWith('*') && charClass(codePointBefore(text, text.length - 1)) === WORD) {
    return { kind: 'term', text: text.slice(0, -1), prefix: true };
  }
  return { kind: 'term', text, prefix: false };
}

function lex(query: string, structured: boolean): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close < 0 ? query.length : close;
      const text = query.slice(i + 1, end);
      if (text) out.push({ kind: 'term', text, prefix: false });
      i = end + 1;
    } else {
      let j = i;
      while (j < query.length && !/\s/.test(query[j]) && query[j] !== '"') j++;
      let word = query.slice(i, j);
      i = j;
      if (!structured) {
        out.push(bareTerm(word));
        continue;
      }
      if (OPERATORS[word]) {
        out.push({ kind: OPERATORS[word] } as Lexeme);
        continue;
      }
      // Parentheses group only at a word's edges: "生产力(NQPF)" stays one literal term if it can't parse.
      while (word.startsWith('(')) {
        out.push({ kind: 'open' });
        word = word.slice(1);
      }
      let closes = 0;
      while (word.endsWith(')')) {
        closes++;
        word = word.slice(0, -1);
      }
      if (word) out.push(bareTerm(word));
      for (let k = 0; k < closes; k++) out.push({ kind: 'close' });
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  readonly terms: Term[] = [];

  constructor(private readonly lexemes: Lexeme[]) {}

  parse(): QueryNode {
    const node = this.or(false);
    if (this.pos < this.lexemes.length) throw new SyntaxError('trailing input');
    return node;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.pos];
  }

  private or(negated: boolean): QueryNode {
    const children = [this.and(negated)];
    while (this.peek()?.kind === 'or') {
      this.pos++;
      children.push(this.and(negated));
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  private and(negated: boolean): QueryNode {
    const children = [this.unary(negated)];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close') break;
      if (next.kind === 'and') this.pos++;
      children.push(this.unary(negated));
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private unary(negated: boolean): QueryNode {
    const next = this.lexemes[this.pos++];
    if (!next) throw new SyntaxError('expected a term');
    if (next.kind === 'not') return { kind: 'not', child: this.unary(true) };
    if (next.kind === 'open') {
      const inner = this.or(negated);
      if (this.lexemes[this.pos++]?.kind !== 'close') throw new SyntaxError('unclosed (');
      return inner;
    }
    if (next.kind !== 'term') throw new SyntaxError(`unexpected ${next.kind}`);
    this.terms.push({ text: next.text, prefix: next.prefix, negated });
    return { kind: 'term', term: this.terms.length - 1 };
  }
}

function parseLexemes(lexemes: Lexeme[]): ParsedQuery {
  const p = new Parser(lexemes);
  return { root: p.parse(), terms: p.terms };
}

export function parseQuery(query: string): ParsedQuery {
  let parsed: ParsedQuery;
  try {
    parsed = parseLexemes(lex(query, true));
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    parsed = parseLexemes(lex(query, false));
  }
  if (!parsed.terms.some((t) => !t.negated)) {
    throw new PizhuError('invalid_input', 'The query needs at least one word to find, not only words to exclude.');
  }
  return parsed;
}

/** Whether a unit (document, highlight or note) satisfies the query, given which terms it holds. */
export function evaluate(node: QueryNode, has: (term: number) => boolean): boolean {
  switch (node.kind) {
    case 'term':
      return has(node.term);
    case 'and':
      return node.children.every((c) => evaluate(c, has));
    case 'or':
      return node.children.some((c) => evaluate(c, has));
    case 'not':
      return !evaluate(node.child, has);
  }
}

/**
 * A necessary condition in FTS5 syntax (null: no constraint). NOT gives none, because excluding
 * by index tokens could drop documents that hold the tokens but not the exact term.
 */
export function prefilter(node: QueryNode, termFts: (term: number) => string | null): string | null {
  switch (node.kind) {
    case 'term': {
      const fts = termFts(node.term);
      return fts && `(${fts})`;
    }
    case 'and': {
      const parts = node.children.map((c) => prefilter(c, termFts)).filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(' AND ')})` : null;
    }
    case 'or': {
      const parts = node.children.map((c) => prefilter(c, termFts));
      return parts.some((p) => p === null) ? null : `(${parts.join(' OR ')})`;
    }
    case 'not':
      return null;
  }
}
