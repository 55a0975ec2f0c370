// Runs the named cleaning rules in order. Every removal a rule makes (except layout) is kept
// as a RemovedSpan at its position in the final text, so it can be shown and restored; marks
// and any other positions found on the source are carried through the same maps.
import type { CleaningRuleId, RuleOutcome, TextMark } from '../../../../shared/domain';
import { applyEdits } from './edits';
import { mojibake, mojibakeParagraphs } from './rules/mojibake';
import { pageMarkers } from './rules/pageMarkers';
import { pinyin } from './rules/pinyin';
import { shareHeader } from './rules/shareHeader';
import { siteChrome } from './rules/siteChrome';
import { spamLinks } from './rules/spamLinks';
import type { CleaningRule } from './rules/types';
import { whitespace } from './rules/whitespace';

/** Layout first, so that the line rules see one paragraph per line. */
export const CLEANING_RULES: CleaningRule[] = [whitespace, shareHeader, spamLinks, siteChrome, pageMarkers, pinyin, mojibake];

export interface PendingSpan {
  position: number;
  text: string;
  rule: CleaningRuleId;
  sourceOffset: number;
}

export interface Cleaned {
  text: string;
  removed: PendingSpan[];
  marks: TextMark[];
  outcomes: RuleOutcome[];
  charsRemoved: number;
  mojibakeParagraphs: number[];
  /** The text after layout normalisation only, for reading metadata from chrome lines. */
  afterLayout: string;
  /** Maps a position in the cleaned text back to the source text. */
  sourceOffsetOf(position: number): number;
}

export function cleanText(source: string, marks: TextMark[] = [], disabled: readonly CleaningRuleId[] = []): Cleaned {
  let text = source;
  let removed: PendingSpan[] = [];
  let currentMarks = marks;
  const outcomes: RuleOutcome[] = [];
  let afterLayout = source;
  // positions in the text before each rule → source offsets, for ordering spans that share a position
  let toSource: (p: number) => number = (p) => p;

  for (const rule of CLEANING_RULES) {
    if (disabled.includes(rule.id) || rule.flagsOnly) continue;
    const edits = rule.find(text);
    if (edits.length === 0) continue;
    const applied = applyEdits(text, edits);
    removed = removed.map((s) => ({ ...s, position: applied.map(s.position) }));
    let chars = 0;
    for (const d of applied.deletions) {
      chars += d.end - d.start;
      if (rule.keepsRemoved) removed.push({ position: d.at, text: text.slice(d.start, d.end), rule: rule.id, sourceOffset: toSource(d.start) });
    }
    currentMarks = currentMarks
      .map((m) => ({ ...m, start: applied.map(m.start), end: applied.map(m.end) }))
      .filter((m) => m.end > m.start);
    outcomes.push({ rule: rule.id, count: applied.deletions.length || edits.length, chars });
    if (rule.id === 'whitespace') afterLayout = applied.text;
    toSource = composeInverse(toSource, applied.deletions);
    text = applied.text;
  }

  const flagged = disabled.includes(mojibake.id) ? [] : mojibakeParagraphs(text);
  if (flagged.length) outcomes.push({ rule: 'mojibake', count: flagged.length, chars: 0 });
  removed.sort((a, b) => a.position - b.position || a.sourceOffset - b.sourceOffset);
  return {
    text,
    removed,
    marks: currentMarks,
    outcomes,
    charsRemoved: outcomes.reduce((n, o) => n + o.chars, 0),
    mojibakeParagraphs: flagged,
    afterLayout,
    sourceOffsetOf: toSource,
  };
}

/** Position in the new text → source offset, given the deletions that produced it. */
function composeInverse(previous: (p: number) => number, deletions: { start: number; end: number; at: number }[]): (p: number) => number {
  return (p) => {
    let shift = 0;
    for (const d of deletions) {
      if (d.at > p) break;
      shift += d.end - d.start;
    }
    return previous(p + shift);
  };
}
