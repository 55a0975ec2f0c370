// What goes into the full-text index and what a query asks of it. Both sides cut text the same
// way, so every occurrence of a query implies its tokens are in the document (recall is exact);
// the index only narrows the documents, and exact positions are found in the folded text.
//
// A run of Han characters "新质生产力" gives 新质 质生 生产 产力 and its last character 力, so a
// one-character query "力" is the prefix query 力* (every 力 starts a bigram or ends a run).
// A run of letters/digits is one lower-case word; spaces and punctuation give no token.
import { charClass, IDEOGRAPH, WORD } from './chars';

export interface IndexToken {
  text: string;
  prefix: boolean;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** The tokens of a folded text in order (each occurrence counts), space separated, for the FTS5 'ascii' tokenizer. */
export function documentTokens(folded: string): string {
  const tokens: string[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const cp = folded.codePointAt(i)!;
    const w = width(cp);
    const cls = charClass(cp);
    if (cls === IDEOGRAPH) {
      const next = i + w;
      if (next < n) {
        const cp2 = folded.codePointAt(next)!;
        tokens.push(charClass(cp2) === IDEOGRAPH ? folded.slice(i, next + width(cp2)) : folded.slice(i, next));
      } else tokens.push(folded.slice(i, next));
      i = next;
    } else if (cls === WORD) {
      let j = i + w;
      while (j < n) {
        const cp2 = folded.codePointAt(j)!;
        if (charClass(cp2) !== WORD) break;
        j += width(cp2);
      }
      tokens.push(folded.slice(i, j));
      i = j;
    } else i += w;
  }
  return tokens.join(' ');
}

interface Run {
  cls: typeof IDEOGRAPH | typeof WORD;
  chars: string[];
  last: boolean;
}

function runs(folded: string): Run[] {
  const out: Run[] = [];
  let current: Run | null = null;
  for (const ch of folded) {
    const cls = charClass(ch.codePointAt(0)!);
    if (cls !== IDEOGRAPH && cls !== WORD) {
      current = null;
      continue;
    }
    if (!current || current.cls !== cls) {
      current = { cls, chars: [], last: false };
      out.push(current);
    }
    current.chars.push(ch);
  }
  // Only a run at the very end of the term can continue in the document.
  if (out.length && current === out[out.length - 1]) current.last = true;
  return out;
}

/**
 * Tokens every document holding the (search-folded) term must have. A word at the term's edge is
 * whole because matches respect word boundaries; `prefixLast` relaxes that for a trailing word*.
 */
export function termTokens(folded: string, prefixLast: boolean): IndexToken[] {
  const seen = new Set<string>();
  const out: IndexToken[] = [];
  const add = (text: string, prefix: boolean) => {
    const key = (prefix ? '*' : ' ') + text;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, prefix });
  };
  for (const run of runs(folded)) {
    if (run.cls === WORD) add(run.chars.join(''), run.last && prefixLast);
    else if (run.chars.length === 1) add(run.chars[0], run.last);
    else for (let k = 0; k + 1 < run.chars.length; k++) add(run.chars[k] + run.chars[k + 1], false);
  }
  return out;
}

/**
 * The one token whose occurrences are exactly the term's, when there is one: a single Han character
 * (every occurrence starts one token), two Han characters (a bigram), or one Latin word. Then the
 * index's own counts are the exact total.
 */
export function soleToken(folded: string, prefixLast: boolean): IndexToken | null {
  const chars = [...folded];
  if (!chars.length) return null;
  const classes = chars.map((ch) => charClass(ch.codePointAt(0)!));
  if (classes.every((c) => c === WORD)) return { text: folded, prefix: prefixLast };
  if (classes.every((c) => c === IDEOGRAPH) && chars.length <= 2) return { text: folded, prefix: chars.length === 1 };
  return null;
}

/** FTS5 syntax for "all of these tokens"; null when the term has none (punctuation only). */
export function ftsAllOf(tokens: IndexToken[]): string | null {
  if (!tokens.length) return null;
  return tokens.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? ' *' : ''}`).join(' AND ');
}
