// The renderer's codebook logic without a browser: tree order and moves, pinyin matching, underline lanes.
import { describe, expect, it } from 'vitest';
import type { Theme } from '../../shared/domain';
import { buildThemeKeys, loadPinyin, matchThemes, scoreTheme } from '../../renderer/src/codebook/themeMatch';
import { dropTarget, indentTarget, outdentTarget, reorderTarget, themesInTreeOrder, treeRows } from '../../renderer/src/codebook/tree';
import { assignLanes, overlapping } from '../../renderer/src/lib/highlightBands';

let seq = 0;
function theme(name: string, parentId: string | null = null, sortOrder = seq): Theme {
  seq += 1;
  return {
    id: name,
    name,
    parentId,
    sortOrder,
    color: '#123456',
    description: '',
    annotationCount: 0,
    memoJson: null,
    memoText: '',
    pinned: null,
    questions: '',
    createdAt: '',
    modifiedAt: '',
    author: '',
  };
}

const book = [theme('科技创新', null, 0), theme('产业升级', null, 1), theme('关键技术', '科技创新', 0), theme('人工智能', '关键技术', 0), theme('因地制宜', null, 2), theme('银行行长', null, 3)];

describe('theme tree', () => {
  it('lists depth first by sort order, hides collapsed branches, and survives a missing parent or a cycle', () => {
    expect(treeRows(book).map((r) => `${r.depth}:${r.theme.name}`)).toEqual(['0:科技创新', '1:关键技术', '2:人工智能', '0:产业升级', '0:因地制宜', '0:银行行长']);
    expect(treeRows(book, new Set(['关键技术'])).map((r) => r.theme.name)).not.toContain('人工智能');
    expect(treeRows(book).find((r) => r.theme.name === '人工智能')!.path).toEqual(['科技创新', '关键技术']);
    const orphan = [...book, theme('孤儿', 'gone')];
    expect(treeRows(orphan).at(-1)).toMatchObject({ depth: 0, theme: { name: '孤儿' } });
    const cycle = [theme('甲', '乙', 0), theme('乙', '甲', 1)];
    expect(() => treeRows(cycle)).not.toThrow();
    expect(themesInTreeOrder(book)[1].name).toBe('关键技术');
  });

  it('turns keys and drops into moves counted without the moved theme, and refuses cycles', () => {
    expect(reorderTarget(book, '产业升级', -1)).toEqual({ id: '产业升级', parentId: null, index: 0 });
    expect(reorderTarget(book, '科技创新', -1)).toBeNull();
    expect(indentTarget(book, '产业升级')).toEqual({ id: '产业升级', parentId: '科技创新', index: 1 });
    expect(indentTarget(book, '科技创新')).toBeNull();
    expect(outdentTarget(book, '人工智能')).toEqual({ id: '人工智能', parentId: '科技创新', index: 1 });
    expect(outdentTarget(book, '科技创新')).toBeNull();
    expect(dropTarget(book, '科技创新', '人工智能', 'inside')).toBeNull();
    expect(dropTarget(book, '因地制宜', '科技创新', 'inside')).toEqual({ id: '因地制宜', parentId: '科技创新', index: 1 });
    expect(dropTarget(book, '因地制宜', '科技创新', 'before')).toEqual({ id: '因地制宜', parentId: null, index: 0 });
    expect(dropTarget(book, '产业升级', '科技创新', 'after')).toBeNull();
  });
});

describe('theme matching', () => {
  it('finds a theme by name, pinyin initials, full pinyin, a mix, and another reading of a character', async () => {
    await loadPinyin();
    const keys = buildThemeKeys(book);
    const first = (q: string) => matchThemes(keys, q)[0]?.theme.name;
    expect(first('kjcx')).toBe('科技创新');
    expect(first('KJCX')).toBe('科技创新');
    expect(first('kejichuangxin')).toBe('科技创新');
    expect(first('kejcx')).toBe('科技创新');
    expect(first('创新')).toBe('科技创新');
    expect(first('yddy')).toBeUndefined();
    expect(first('ydzy')).toBe('因地制宜');
    expect(first('rgzn')).toBe('人工智能');
    expect(first('zn')).toBe('人工智能');
    // 银行行长 reads yín háng háng zhǎng; typing the other readings still finds it.
    expect(first('yhhz')).toBe('银行行长');
    expect(first('yxxc')).toBe('银行行长');
    expect(matchThemes(keys, 'zzz')).toEqual([]);
  });

  it('ranks an exact name above a prefix, a prefix above initials, and whole-name initials above a stretch', async () => {
    await loadPinyin();
    const [exact, prefix, pinyinWhole, pinyinPart] = buildThemeKeys([theme('创新'), theme('创新驱动'), theme('传新'), theme('科技创新')]);
    expect(scoreTheme(exact, '创新')).toBeGreaterThan(scoreTheme(prefix, '创新'));
    expect(scoreTheme(prefix, '创新')).toBeGreaterThan(scoreTheme(pinyinWhole, 'cx'));
    expect(scoreTheme(pinyinWhole, 'cx')).toBeGreaterThan(scoreTheme(pinyinPart, 'cx'));
  });
});

describe('underline lanes', () => {
  it('gives bands that share text different lanes and reuses a lane once it is free', () => {
    const lanes = assignLanes([
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 30, end: 40 },
    ]);
    expect(new Set([lanes[0], lanes[1], lanes[2]]).size).toBe(3);
    expect(lanes[3]).not.toBe(lanes[1]);
    expect(lanes[4]).toBe(0);
    const bands = Array.from({ length: 200 }, (_, i) => ({ start: i * 3, end: i * 3 + 7 }));
    const l = assignLanes(bands);
    for (let i = 0; i < bands.length; i++)
      for (let j = i + 1; j < bands.length && bands[j].start < bands[i].end; j++) expect(l[i]).not.toBe(l[j]);
  });

  it('finds the bands that share text with another band', () => {
    expect(
      overlapping([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
        { start: 8, end: 12 },
        { start: 20, end: 30 },
        { start: 22, end: 24 },
        { start: 40, end: 41 },
      ]),
    ).toEqual([false, true, true, true, true, false]);
  });
});
