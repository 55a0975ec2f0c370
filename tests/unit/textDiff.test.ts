// The versions view's text comparison: whatever the edit, the blocks spell out both texts exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffChars, diffStats, diffText, type DiffBlock } from '../../renderer/src/revision/textDiff';

function sides(blocks: DiffBlock[]): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'same') {
      before.push(b.paragraphs.join('\n'));
      after.push(b.paragraphs.join('\n'));
      continue;
    }
    before.push(b.ops.filter((o) => o.kind !== 'ins').map((o) => o.text).join(''));
    after.push(b.ops.filter((o) => o.kind !== 'del').map((o) => o.text).join(''));
  }
  // Blocks are consecutive runs of paragraphs; a block with no paragraph on one side adds nothing there.
  const join = (parts: string[], side: 'oldCount' | 'newCount') => parts.filter((_, i) => blocks[i].kind === 'same' || (blocks[i] as { oldCount: number; newCount: number })[side] > 0).join('\n');
  return { before: join(before, 'oldCount'), after: join(after, 'newCount') };
}

describe('diffChars', () => {
  it('marks the corrected character of 发畏 → 发展', () => {
    expect(diffChars('三个维度因地制宜发畏新质生产力', '三个维度因地制宜发展新质生产力')).toEqual([
      { kind: 'same', text: '三个维度因地制宜发' },
      { kind: 'del', text: '畏' },
      { kind: 'ins', text: '展' },
      { kind: 'same', text: '新质生产力' },
    ]);
  });

  it('never cuts a character outside the BMP', () => {
    const ops = diffChars('甲𠀀乙', '甲𠀁乙');
    expect(ops.map((o) => o.text)).toEqual(['甲', '𠀀', '𠀁', '乙']);
  });

  it('reads a rewritten phrase as one deletion and one insertion', () => {
    const ops = diffChars('我们要坚持的发展道路是正确的', '我们要走的是创新的道路，这是正确的');
    const edits = ops.filter((o) => o.kind !== 'same');
    expect(edits.length).toBeLessThanOrEqual(4);
  });

  it('spells out both strings for any edit', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'发展新质生产力的\n𠀀ab') }), fc.string({ unit: fc.constantFrom(...'发展新质生产力的\n𠀀ab') }), (a, b) => {
        const ops = diffChars(a, b);
        expect(ops.filter((o) => o.kind !== 'ins').map((o) => o.text).join('')).toBe(a);
        expect(ops.filter((o) => o.kind !== 'del').map((o) => o.text).join('')).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffText', () => {
  it('keeps unchanged paragraphs whole and shows a merge as a deleted break', () => {
    const blocks = diffText('第一段\n第二段\n第三段', '第一段\n第二段第三段');
    expect(blocks[0]).toMatchObject({ kind: 'same', paragraphs: ['第一段'] });
    expect(blocks[1]).toMatchObject({ kind: 'changed', ops: [{ kind: 'same', text: '第二段' }, { kind: 'del', text: '\n' }, { kind: 'same', text: '第三段' }] });
    expect(diffStats(blocks)).toEqual({ deleted: 0, inserted: 0, changes: 1, breaksAdded: 0, breaksRemoved: 1 });
  });

  it('spells out both texts for paragraph insertions, deletions, merges and splits', () => {
    const para = fc.string({ unit: fc.constantFrom('发', '展', '新', '质', '的', '。', '𠀀', '𠀁'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 12 }), fc.array(para, { minLength: 1, maxLength: 12 }), (pa, pb) => {
        const a = pa.join('\n');
        const b = pb.join('\n');
        const blocks = diffText(a, b);
        const got = sides(blocks);
        expect(got.before).toBe(a);
        expect(got.after).toBe(b);
        // Paragraph numbers run on from block to block on both sides.
        let oldAt = 0;
        let newAt = 0;
        for (const block of blocks) {
          expect([block.oldStart, block.newStart]).toEqual([oldAt, newAt]);
          oldAt += block.kind === 'same' ? block.paragraphs.length : block.oldCount;
          newAt += block.kind === 'same' ? block.paragraphs.length : block.newCount;
        }
        expect([oldAt, newAt]).toEqual([pa.length, pb.length]);
        for (const block of blocks) if (block.kind === 'changed') for (const op of block.ops) expect(op.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('compares a 500,000-character text with a few edits quickly', () => {
    const para = '新质生产力是创新起主导作用，摆脱传统经济增长方式、生产力发展路径的先进生产力质态。'.repeat(6);
    const paragraphs = Array.from({ length: Math.ceil(500_000 / para.length) }, (_, i) => `${i}${para}`);
    const before = paragraphs.join('\n');
    const edited = [...paragraphs];
    let edits = 1;
    for (let i = 5; i < edited.length; i += 97, edits++) edited[i] = edited[i].replace('摆脱', '摆托');
    edited.splice(300, 2, edited[300] + edited[301]);
    const t0 = performance.now();
    const blocks = diffText(before, edited.join('\n'));
    const ms = performance.now() - t0;
    expect(diffStats(blocks).changes).toBe(edits);
    expect(ms).toBeLessThan(1500);
  });
});
