import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMojibakeParagraph, mojibakeParagraphIndexes } from '../../shared/mojibake';

const seedsDir = join(__dirname, '..', '..', 'seeds');
const seed = (prefix: string) => readFileSync(join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith(prefix))!), 'utf8');

describe('isMojibakeParagraph', () => {
  it('flags exactly the four broken paragraphs of seed 004', () => {
    const text = seed('004');
    const lines = text.split('\n');
    expect(mojibakeParagraphIndexes(text)).toEqual([2, 5, 6, 8]);
    expect(lines[2]).toContain('上??苿?chuàng)');
    expect(lines[5]).toContain('?!渡钲趯嵤┓桨浮');
    expect(lines[6]).toContain('?!蛾兾鲗嵤┓桨浮');
    expect(lines[8]).toContain('領域?qū)崿F(xiàn)');
  });

  it('leaves every paragraph of the clean seeds alone, question marks and all', () => {
    for (const prefix of ['000', '001', '002', '003']) expect(mojibakeParagraphIndexes(seed(prefix)), prefix).toEqual([]);
    // The clean seeds do ask questions with half-width "?" between characters.
    expect(seed('002')).toContain('怎么发展?依然');
  });

  it('flags text decoded with the wrong encoding', () => {
    const utf8 = Buffer.from('发展新质生产力，加快形成“新动能”，推动高质量发展。', 'utf8');
    expect(isMojibakeParagraph(new TextDecoder('gbk').decode(utf8))).toBe(true);
    expect(isMojibakeParagraph(new TextDecoder('windows-1252').decode(utf8))).toBe(true);
    expect(isMojibakeParagraph(utf8.toString('latin1'))).toBe(true);
    expect(isMojibakeParagraph(new TextDecoder('utf-8').decode(utf8.subarray(0, utf8.length - 1)))).toBe(true);
  });

  it('flags the classic signatures and lossy "?" runs', () => {
    expect(isMojibakeParagraph('文件内容锟斤拷锟斤拷无法读取')).toBe(true);
    expect(isMojibakeParagraph('变量未初始化烫烫烫烫')).toBe(true);
    expect(isMojibakeParagraph('推动??业转型升级')).toBe(true);
    expect(isMojibakeParagraph('新质生产力???')).toBe(true);
    expect(isMojibakeParagraph('私用区字符\uE0A1出现在正文中')).toBe(true);
    expect(isMojibakeParagraph('一个�替换字符')).toBe(true);
  });

  it('does not flag ordinary punctuation, glosses, tables or foreign words', () => {
    for (const p of [
      '',
      '什么是新质生产力?顾名思义,即有别于传统生产力的新型生产力。',
      '这真的可能吗??',
      '这真的可能吗？？他问道。',
      '新质(xīn zhì)生产力',
      '發展(fā zhǎn)',
      '名称│数量│单位',
      '┌──┬──┐',
      'Café, naïve, résumé — déjà vu?',
      'What?? Really???',
      '2024年3月14日,深圳市出臺《實施方案》。',
    ])
      expect(isMojibakeParagraph(p), p).toBe(false);
  });

  it('never flags prose made of ordinary characters and punctuation', () => {
    const pool = [...new Set(seed('003').replace(/\s/g, ''))].concat(['，', '。', '？', '！', '?', '(', '“', '”', '、', ' ']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 200 }), (chars) => {
        // Single question marks only: runs are the lossy-conversion signal.
        const p = chars.join('').replace(/\?{2,}/g, '?');
        return !isMojibakeParagraph(p);
      }),
      { numRuns: 300 },
    );
  });
});
