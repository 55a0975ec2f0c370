import { describe, expect, it } from 'vitest';
import { codePointToUtf16, makeAnchor, paragraphIndexAt, paragraphStarts, splitParagraphs, utf16ToCodePoint } from '../../shared/offsets';

describe('offsets', () => {
  const text = '第一段𠀀字\n第二段\n\n末';
  it('maps paragraphs to start offsets and back', () => {
    const starts = paragraphStarts(splitParagraphs(text));
    expect(starts).toEqual([0, 7, 11, 12, 14]);
    expect([0, 6, 7, 10, 11, 12, 13].map((o) => paragraphIndexAt(starts, o))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });
  it('converts UTF-16 offsets to code points and back around astral characters', () => {
    expect(utf16ToCodePoint(text, 3)).toBe(3);
    expect(utf16ToCodePoint(text, 5)).toBe(4);
    expect(utf16ToCodePoint(text, text.length)).toBe([...text].length);
    for (let cp = 0; cp <= [...text].length; cp++) expect(utf16ToCodePoint(text, codePointToUtf16(text, cp))).toBe(cp);
  });
  it('never splits a surrogate pair and keeps 32 characters of context', () => {
    const a = makeAnchor(text, 4, 6);
    expect(a.start).toBe(3);
    expect(a.exact).toBe('𠀀字');
    const long = 'x'.repeat(100);
    const b = makeAnchor(long, 50, 60);
    expect([b.prefix.length, b.suffix.length]).toEqual([32, 32]);
  });
});
