// Each cleaning rule on its own, on small texts written by hand, including what it must leave alone.
import { describe, expect, it } from 'vitest';
import type { CleaningRuleId } from '../../shared/domain';
import { cleanText } from '../../electron/core/import/clean';
import { applyEdits } from '../../electron/core/import/clean/edits';
import { pageMarkers } from '../../electron/core/import/clean/rules/pageMarkers';
import { pinyin } from '../../electron/core/import/clean/rules/pinyin';
import { shareHeader } from '../../electron/core/import/clean/rules/shareHeader';
import { siteChrome } from '../../electron/core/import/clean/rules/siteChrome';
import { spamLinks } from '../../electron/core/import/clean/rules/spamLinks';
import type { CleaningRule } from '../../electron/core/import/clean/rules/types';
import { whitespace } from '../../electron/core/import/clean/rules/whitespace';
import { planSplit } from '../../electron/core/import/split';

const run = (rule: CleaningRule, text: string) => applyEdits(text, rule.find(text)).text;
const ALL_BUT = (keep: CleaningRuleId): CleaningRuleId[] =>
  (['whitespace', 'share-header', 'site-chrome', 'spam-links', 'page-markers', 'pinyin', 'mojibake'] as CleaningRuleId[]).filter((r) => r !== keep);

const page = (n: number, body: string) => `${n}、${body}`;
const longRun = (seed: string) => seed.repeat(Math.ceil(220 / seed.length));

describe('whitespace', () => {
  it('normalises line endings, indentation, blank runs and space runs, keeping single spaces and full-width punctuation', () => {
    const input = '\r\n  \u3000\u3000第一段，内容。  \r\n\r\n\r\n\t第二段\u00a0\u00a0有  空格 张三 李四\r第三段！\n\n\n';
    expect(run(whitespace, input)).toBe('第一段，内容。\n第二段 有 空格 张三 李四\n第三段！');
  });

  it('leaves clean text untouched', () => {
    expect(run(whitespace, '甲。\n乙，丙。')).toBe('甲。\n乙，丙。');
  });
});

describe('share-header', () => {
  it('removes a document-sharing header line and nothing else', () => {
    const input = '《学习材料.docx》由会员分享,可在线阅读,更多相关《学习材料.docx(3页珍藏版)》请在课桌文档上搜索。\n正文第一句。';
    expect(run(shareHeader, input)).toBe('正文第一句。');
    expect(run(shareHeader, '《人民日报》评论员文章由本报分享。\n正文。')).toBe('《人民日报》评论员文章由本报分享。\n正文。');
  });
});

describe('spam-links', () => {
  it('removes a link-farm line and keeps prose with vertical bars', () => {
    const spam = '主站蜘蛛池模板: ' + Array.from({ length: 30 }, (_, i) => `精品一区二区${i}`).join('| ');
    expect(run(spamLinks, `正文。\n${spam}`)).toBe('正文。');
    const table = '项目 | 2023年 | 2024年，同比增长。';
    expect(run(spamLinks, table)).toBe(table);
  });
});

describe('site-chrome', () => {
  it('removes the header block to the breadcrumb, meta lines and the footer block, in both scripts', () => {
    const input = [
      '網站首頁 新聞中心 通知公告 聯繫我們',
      '首頁 >> 新聞資訊 >> 正文',
      '標題在這裡',
      '發布時間:2023-9-11 來源:新華社 編輯:某某',
      '這是正文的第一段，有足夠長的內容來判斷它是正文而不是網站的裝飾部分。這一句繼續寫下去，寫到足夠的長度為止。',
      '相关新闻 更多>>',
      '· 某条新闻标题',
      'Copyright©2002-2006 All Rights Reserved. 京ICP备13023518号-1',
    ].join('\n');
    expect(run(siteChrome, input).split('\n')).toEqual([
      '標題在這裡',
      '這是正文的第一段，有足夠長的內容來判斷它是正文而不是網站的裝飾部分。這一句繼續寫下去，寫到足夠的長度為止。',
    ]);
  });

  it('removes comment forms and keeps a body sentence that merely mentions 版权', () => {
    const prose = '加强知识产权保护，完善版权所有制度的相关法律法规，是推动新质生产力发展的重要保障，这一点必须坚持。';
    expect(run(siteChrome, `${prose}\n昵称 驗證碼 請輸入正確驗證碼\n所有評論僅代表網友意見,與本站立場無關`)).toBe(prose);
  });
});

describe('page-markers', () => {
  it('joins a sentence cut by a page number, and drops the first page number', () => {
    const input = [page(1, longRun('新质生产力是创新起主导作用的先进生产力质态。') + '人类生产力发展呈现'), page(2, '非线性过程，' + longRun('生产力重大变革发生在产业革命时期。')), page(3, longRun('科技革命是产业变革的源头。'))].join('\n');
    const out = run(pageMarkers, input);
    expect(out).toContain('人类生产力发展呈现非线性过程，');
    expect(out.startsWith('新质生产力')).toBe(true);
    expect(out).not.toContain('\n');
  });

  it('keeps a real numbered list at the start of paragraphs', () => {
    const list = '主要措施如下：\n1、加强基础研究。\n2、完善成果转化机制。\n3、培养创新人才。';
    expect(run(pageMarkers, list)).toBe(list);
  });
});

describe('pinyin', () => {
  it('removes toned pinyin glosses after Han characters and keeps real parentheses', () => {
    expect(run(pinyin, '發(fā)展新質(zhì)生產(chǎn)力')).toBe('發展新質生產力');
    const real = '中国机械工业联合会机经网(MEI)与世界贸易组织(WTO)(2024年)(试行)';
    expect(run(pinyin, real)).toBe(real);
    expect(run(pinyin, 'abc(fā)')).toBe('abc(fā)');
  });
});

describe('the rule set', () => {
  it('can switch any rule off for an import', () => {
    const text = '發(fā)展\n首頁 >> 正文';
    expect(cleanText(text, [], ['pinyin']).text).toContain('(fā)');
    expect(cleanText(text, [], ALL_BUT('pinyin')).text).toBe('發展\n首頁 >> 正文');
  });

  it('reports counts and characters per rule and keeps every non-layout removal', () => {
    const cleaned = cleanText('  發(fā)展(zhǎn)  \n\n');
    expect(cleaned.text).toBe('發展');
    expect(cleaned.outcomes).toEqual([
      { rule: 'whitespace', count: 3, chars: 6 },
      { rule: 'pinyin', count: 2, chars: 10 },
    ]);
    expect(cleaned.removed.map((s) => [s.position, s.text])).toEqual([
      [1, '(fā)'],
      [2, '(zhǎn)'],
    ]);
  });

  it('carries marks through removals', () => {
    const cleaned = cleanText('  標題(biāo)\n正文', [{ start: 2, end: 9, kind: 'h1' }]);
    expect(cleaned.text).toBe('標題\n正文');
    expect(cleaned.marks).toEqual([{ start: 0, end: 2, kind: 'h1' }]);
  });
});

describe('article split', () => {
  it('needs at least two articles and numbers in order', () => {
    expect(planSplit('只有一篇文章。第1篇没有第二篇。')).toBeNull();
    const body = '这是文章的正文内容，写得足够长，才算得上一篇文章。'.repeat(3);
    const plan = planSplit(`合集标题第1篇甲文章标题很长很长很长习近平总书记指出,${body}第2篇${body}第3篇${body}第5篇${body}`)!;
    expect(plan.articles.map((a) => a.title)).toEqual(['甲文章标题很长很长很长', '这是文章的正文内容，写得足够长，才算得上一篇文章', '这是文章的正文内容，写得足够长，才算得上一篇文章']);
    expect(plan.articles[2].end).toBe(plan.articles[2].start + body.length * 2 + 3);
    expect(plan.preamble).toEqual({ start: 0, end: 4 });
  });
});
