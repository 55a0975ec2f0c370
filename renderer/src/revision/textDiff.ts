// The difference between two versions of a text, laid out for reading. Where the texts differ comes from
// shared/textChanges.ts (the same diff that moves highlights through a revision); this module only turns
// its changed regions into deletions and insertions, whole paragraphs around them, and unchanged
// paragraphs in between. Changes are widened to whole code points so a character outside the BMP is
// never shown cut in two.
import { diffTexts, type TextChange } from '../../../shared/textChanges';

export type DiffKind = 'same' | 'del' | 'ins';

export interface DiffOp {
  kind: DiffKind;
  text: string;
}

/** Unchanged paragraphs, or the paragraphs a change touches as operations whose text may hold paragraph breaks. */
export type DiffBlock =
  | { kind: 'same'; paragraphs: string[]; oldStart: number; newStart: number }
  | { kind: 'changed'; ops: DiffOp[]; oldStart: number; newStart: number; oldCount: number; newCount: number };

const isHigh = (s: string, i: number) => i >= 0 && i < s.length && s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff;
const isLow = (s: string, i: number) => i >= 0 && i < s.length && s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;

/** Changes from `before` to `after`, each starting and ending on a code point boundary on both sides. */
function wholeCharacterChanges(before: string, after: string): TextChange[] {
  const out: TextChange[] = [];
  for (const c of diffTexts(before, after).changes) {
    const w = { ...c };
    // Text between changes is equal on both sides, so a pair cut on one side is cut on the other too.
    if (isLow(before, w.oldFrom) && isHigh(before, w.oldFrom - 1)) {
      w.oldFrom--;
      w.newFrom--;
    }
    if (isHigh(before, w.oldTo - 1) && isLow(before, w.oldTo)) {
      w.oldTo++;
      w.newTo++;
    } else if (w.oldTo === w.oldFrom && isHigh(after, w.newTo - 1) && isLow(after, w.newTo)) {
      w.oldTo++;
      w.newTo++;
    }
    const last = out[out.length - 1];
    if (last && last.oldTo >= w.oldFrom) {
      last.oldTo = Math.max(last.oldTo, w.oldTo);
      last.newTo = Math.max(last.newTo, w.newTo);
    } else out.push(w);
  }
  return out;
}

function pushOp(ops: DiffOp[], kind: DiffKind, text: string): void {
  if (!text) return;
  const last = ops[ops.length - 1];
  if (last && last.kind === kind) last.text += text;
  else ops.push({ kind, text });
}

/** Character differences between two short strings (a highlight's quote before and after). */
export function diffChars(before: string, after: string): DiffOp[] {
  const ops: DiffOp[] = [];
  let at = 0;
  for (const c of wholeCharacterChanges(before, after)) {
    pushOp(ops, 'same', before.slice(at, c.oldFrom));
    pushOp(ops, 'del', before.slice(c.oldFrom, c.oldTo));
    pushOp(ops, 'ins', after.slice(c.newFrom, c.newTo));
    at = c.oldTo;
  }
  pushOp(ops, 'same', before.slice(at));
  return ops;
}

const countBreaks = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** Paragraph-aware differences from `before` to `after`, as blocks in reading order. */
export function diffText(before: string, after: string): DiffBlock[] {
  // Each change grows to the paragraphs around it; changes in one paragraph become one hunk.
  interface Hunk {
    oldFrom: number;
    oldTo: number;
    newFrom: number;
    newTo: number;
    changes: TextChange[];
  }
  const hunks: Hunk[] = [];
  for (const c of wholeCharacterChanges(before, after)) {
    // lastIndexOf clamps a negative start to 0 and would find a break at 0.
    const paraStart = c.oldFrom > 0 ? before.lastIndexOf('\n', c.oldFrom - 1) + 1 : 0;
    const last = hunks[hunks.length - 1];
    if (last && paraStart <= last.oldTo) {
      const end = before.indexOf('\n', c.oldTo);
      const oldTo = end < 0 ? before.length : end;
      last.oldTo = oldTo;
      last.newTo = c.newTo + (oldTo - c.oldTo);
      last.changes.push(c);
      continue;
    }
    const end = before.indexOf('\n', c.oldTo);
    const oldTo = end < 0 ? before.length : end;
    hunks.push({ oldFrom: paraStart, newFrom: c.newFrom - (c.oldFrom - paraStart), oldTo, newTo: c.newTo + (oldTo - c.oldTo), changes: [c] });
  }

  const blocks: DiffBlock[] = [];
  let oldAt = 0;
  let oldPara = 0;
  let newPara = 0;
  for (const h of hunks) {
    if (h.oldFrom > oldAt) {
      // Equal paragraphs between hunks, without the break that ends the last of them.
      const paragraphs = before.slice(oldAt, h.oldFrom - 1).split('\n');
      blocks.push({ kind: 'same', paragraphs, oldStart: oldPara, newStart: newPara });
      oldPara += paragraphs.length;
      newPara += paragraphs.length;
    }
    const ops: DiffOp[] = [];
    let at = h.oldFrom;
    for (const c of h.changes) {
      pushOp(ops, 'same', before.slice(at, c.oldFrom));
      pushOp(ops, 'del', before.slice(c.oldFrom, c.oldTo));
      pushOp(ops, 'ins', after.slice(c.newFrom, c.newTo));
      at = c.oldTo;
    }
    pushOp(ops, 'same', before.slice(at, h.oldTo));
    const oldCount = countBreaks(before, h.oldFrom, h.oldTo) + 1;
    const newCount = countBreaks(after, h.newFrom, h.newTo) + 1;
    blocks.push({ kind: 'changed', ops, oldStart: oldPara, newStart: newPara, oldCount, newCount });
    oldPara += oldCount;
    newPara += newCount;
    oldAt = h.oldTo + 1;
  }
  if (oldAt <= before.length) {
    blocks.push({ kind: 'same', paragraphs: before.slice(oldAt).split('\n'), oldStart: oldPara, newStart: newPara });
  }
  return blocks;
}

/** Characters deleted and inserted (paragraph breaks counted apart), and the number of separate places changed. */
export function diffStats(blocks: readonly DiffBlock[]): { deleted: number; inserted: number; changes: number; breaksAdded: number; breaksRemoved: number } {
  const out = { deleted: 0, inserted: 0, changes: 0, breaksAdded: 0, breaksRemoved: 0 };
  for (const b of blocks) {
    if (b.kind !== 'changed') continue;
    let inEdit = false;
    for (const op of b.ops) {
      if (op.kind === 'same') {
        inEdit = false;
        continue;
      }
      if (!inEdit) out.changes++;
      inEdit = true;
      const breaks = op.text.split('\n').length - 1;
      const chars = Array.from(op.text).length - breaks;
      if (op.kind === 'del') {
        out.deleted += chars;
        out.breaksRemoved += breaks;
      } else {
        out.inserted += chars;
        out.breaksAdded += breaks;
      }
    }
  }
  return out;
}
