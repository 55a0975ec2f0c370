// The import pipeline on the real seeds: cleaned text paragraph by paragraph, metadata, the
// split of 001 and 002, hand-picked sentences that must survive, and nothing lost: every
// removed span restored in place gives back every non-space character of the source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Collection, DocumentRecord, DocumentSummary, RemovedSpan } from '../../shared/domain';
import { seedFiles } from '../../electron/core/library';
import { bundledSeedsDir } from '../../electron/core/paths';
import { open } from './helpers';

const seedPath = (prefix: string) => seedFiles(bundledSeedsDir).find((f) => f.includes(`/${prefix}_`))!;
const seedText = (prefix: string) => readFileSync(seedPath(prefix), 'utf8');

function library() {
  const lib = open();
  const h = lib.handlers;
  const summaries = h['documents.list']({}) as DocumentSummary[];
  const docs = summaries.map((d) => h['documents.get']({ id: d.id }) as DocumentRecord);
  const collections = h['collections.list']({}) as Collection[];
  const byFile = (prefix: string) =>
    docs.filter((d) => d.report?.originalName?.startsWith(`${prefix}_`)).sort((a, b) => a.collectionOrder - b.collectionOrder);
  return { lib, h, docs, collections, byFile };
}

/** Puts every removed span back, in order, as a restore would. */
function reconstruct(doc: DocumentRecord): string {
  let text = doc.text;
  const spans: RemovedSpan[] = [...doc.removed].sort((a, b) => a.position - b.position || a.sourceOffset - b.sourceOffset);
  let shift = 0;
  for (const s of spans) {
    const at = s.position + shift;
    text = text.slice(0, at) + s.text + text.slice(at);
    shift += s.text.length;
  }
  return text;
}

const nonSpace = (s: string) => s.replace(/\s+/g, '');
const paragraphs = (d: DocumentRecord) => d.text.split('\n');

describe('seed import: nothing lost', () => {
  it('restoring every removed span gives back every non-space character of each seed, in order', () => {
    const { byFile } = library();
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const docs = byFile(prefix);
      expect(docs.length).toBeGreaterThan(0);
      expect(nonSpace(docs.map(reconstruct).join(''))).toBe(nonSpace(seedText(prefix)));
    }
  });

  it('keeps hand-picked sentences of real body text whole, across page markers and pinyin', () => {
    const { docs } = library();
    const all = docs.map((d) => d.text).join('\n');
    const sentences = [
      // 000, traditional
      '習近平總書記這次在黑龍江考察調研期間,提到一個令人耳目一新的詞匯——“新質生產力”。',
      '形成新質生產力,要依托科技,依托創新。',
      '發揮科技創新的增量器作用,加大源頭性技術儲備,積極培育未來產業,加快形成新質生產力,將為中國經濟高質量發展構建新競爭力和持久動力。',
      // 001, sentences cut by page markers
      '回溯历史,人类生产力发展呈现非线性过程,生产力重大变革的阶梯式突变和跃升主要发生在历次产业革命时期',
      '在此过程中,不断涌现的突破性或颠覆性科技作用于劳动者、劳动资料和劳动对象等生产力要素',
      '贯彻新发展理念,构建新发展格局,实现高质量发展,从根本上说就是',
      // 002
      '企业是发展新质生产力的主体,国有企业是党执政兴国的重要支柱和依靠力量',
      '三月,习近平总书记在湖南省长沙市,考察了巴斯夫杉杉电池材料有限公司',
      '只有加大源头性技术储备,积极培育未来产业,才能加快形成新质生产力',
      // 003
      '张庆梅 孙 惠',
      '在“新”上寻突破,点燃科技创新的关键变量。',
      '(作者单位为黑河市委讲师团)',
      // 004, pinyin glosses gone
      '4月16日,國務院新聞辦舉行新聞發布會介紹2024年一季度國民經濟運行情況',
      '北京的新質生產力發展程度目前排在第一位',
      '結語:以新質生產力賦能,推動信息技術、高端制造業、生物醫藥產業、新能源產業、戰略性新興產業和未來產業',
    ];
    for (const s of sentences) expect(all, s).toContain(s);
  });

  it('removes the chrome, spam, share headers, page markers and pinyin glosses', () => {
    const { docs } = library();
    const all = docs.map((d) => d.text).join('\n');
    for (const junk of ['蜘蛛池', 'ICP', '版權所有', '版权所有', '由会员分享', '驗證碼', '相关新闻', '点击排行', '首頁 >>', '(fā)', '(zhì)', '\n2、非线性'])
      expect(all, junk).not.toContain(junk);
  });
});

describe('seed import: cleaned text paragraph by paragraph', () => {
  it('000: title, then the article body lines of the page, nothing else', () => {
    const [doc] = library().byFile('000');
    const lines = seedText('000').split('\n').map((l) => l.trim());
    const expected = [lines[4], ...lines.slice(8, 47).filter(Boolean)];
    expect(paragraphs(doc)).toEqual(expected);
    expect(doc.removed.map((s) => s.rule)).toEqual(['site-chrome', 'site-chrome', 'site-chrome', 'spam-links']);
    // the page's title line reads as a heading
    expect(doc.marks).toEqual([{ start: 0, end: lines[4].length, kind: 'h1' }]);
  });

  it('003: headline, sub-headlines, authors, five paragraphs, the author note', () => {
    const [doc] = library().byFile('003');
    const p = paragraphs(doc);
    expect(p.slice(0, 4)).toEqual(['重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展', '重点把握以“新”促“质”', '因地制宜推动黑河新质生产力发展', '张庆梅 孙 惠']);
    expect(p).toHaveLength(10);
    expect(p[4].startsWith('新质生产力自2023年9月习近平总书记在黑龙江考察调研期间首次提出后')).toBe(true);
    expect(p[9]).toBe('(作者单位为黑河市委讲师团)');
  });

  it('004: nine paragraphs without glosses; broken paragraphs flagged, not deleted', () => {
    const [doc] = library().byFile('004');
    const p = paragraphs(doc);
    expect(p).toHaveLength(9);
    expect(p[1]).toBe('加快發展“新質生產力”已成為各地經濟布局的新著力點,積極探索發展新質生產力的主攻方向和突破口,制定出新的發展目標和實施方案。');
    expect(doc.text).toContain('上??苿?chuàng)金融聯盟');
    expect(doc.report!.mojibakeParagraphs).toBeGreaterThanOrEqual(2);
    expect(doc.removed.filter((s) => s.rule === 'pinyin').length).toBeGreaterThan(100);
  });
});

describe('seed import: metadata', () => {
  it('reads title, date, source, authors and editor where the page states them', () => {
    const { byFile } = library();
    expect(byFile('000')[0]).toMatchObject({ title: '習近平總書記首次提到“新質生產力”', publishedAt: '2023-09-11', source: '新華社', editor: '衡格格', script: 'traditional' });
    expect(byFile('003')[0]).toMatchObject({
      title: '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展',
      publishedAt: '2024-06-28',
      source: '黑河日报',
      byline: '张庆梅 孙 惠',
      editor: '吴岩',
      script: 'simplified',
    });
    // 4月16日 takes its year from the same paragraph (2024年一季度)
    expect(byFile('004')[0]).toMatchObject({ publishedAt: '2024-04-16', source: null, script: 'traditional' });
    expect(byFile('001')[0]).toMatchObject({ publishedAt: null, script: 'simplified' });
  });

  it('edits metadata and keeps the text', () => {
    const { h, byFile } = library();
    const doc = byFile('004')[0];
    const changed = h['documents.updateMetadata']({ id: doc.id, title: '各地发展新质生产力', source: '  ', byline: '记者 张三' }) as DocumentSummary;
    expect(changed).toMatchObject({ title: '各地发展新质生产力', source: null, byline: '记者 张三', publishedAt: '2024-04-16' });
    expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(doc.text);
  });
});

describe('seed import: files holding several articles', () => {
  it('splits 001 at 第1篇…第7篇 into a collection, each article titled by its heading', () => {
    const { byFile, collections } = library();
    const docs = byFile('001');
    expect(docs.map((d) => d.title)).toEqual([
      '抓住新一轮科技革命和产业变革机遇加速形成新质生产力',
      '关于新质生产力发展现状成效、存在问题',
      '抓好新质生产力发展的“一二三”',
      '三个维度因地制宜发畏新质生产力',
      '发展新质生产力是推动高质量发展的内在要求和重要着力点',
      '“要牢牢把握高质量发展这个首要任务,因地制宜发展新质生产力',
      '“新质生产力”是习近平总书记在黑龙江考察期间提出的一个令人耳目一新的词语',
    ]);
    const collection = collections.find((c) => c.id === docs[0].collectionId)!;
    expect(collection).toMatchObject({ name: '“新质生产力”研讨交流材料及心得感悟8篇', documentCount: 7 });
    expect(new Set(docs.map((d) => d.collectionId)).size).toBe(1);
    // a title that ran into the body gets its own paragraph and a heading mark
    expect(paragraphs(docs[0])[0]).toBe('抓住新一轮科技革命和产业变革机遇加速形成新质生产力');
    expect(paragraphs(docs[0])[1].startsWith('习近平总书记在中共中央政治局第十一次集体学习时强调')).toBe(true);
    expect(docs[0].marks[0]).toEqual({ start: 0, end: 25, kind: 'h1' });
    expect(docs[4].text.startsWith('发展新质生产力是推动高质量发展的内在要求和重要着力点。')).toBe(true);
    expect(docs[1].removed[0]).toMatchObject({ position: 0, text: '第2篇', rule: 'article-markers' });
  });

  it('finds the run-on titles of 002 (…心得体会, …发言稿, …学习材料)', () => {
    const { byFile, collections } = library();
    const docs = byFile('002');
    expect(docs.map((d) => d.title)).toEqual([
      '国有企业发展新质生产力心得体会',
      '把握新质生产力的核心要义心得体会',
      '如何发展新质生产力研讨发言稿',
      '培育“新质生产力”心得体会发言',
      '弘扬工匠精神发展新质生产力心得体会',
      '因地制宜发展新质生产力心得体会',
      '“新质生产力”中心组学习材料',
    ]);
    expect(collections.find((c) => c.id === docs[0].collectionId)!.name).toBe('如何发展新质生产力研讨发言心得体会');
    expect(docs[0].text.endsWith('将改革红利转化为建设社会主义现代化强国的底气和实力。')).toBe(true);
    expect(paragraphs(docs[1])[1].startsWith('三月,习近平总书记在湖南省长沙市')).toBe(true);
  });

  it('keeps a file whole when splitting is switched off', async () => {
    const lib = open({ seedsDir: null });
    const { importPaths } = await import('../../electron/core/services/imports');
    const [result] = await importPaths(lib.ctx, [seedPath('001')], { split: false });
    expect(result.status).toBe('imported');
    expect(result.documents).toHaveLength(1);
    expect(result.collectionId).toBeNull();
  });
});

describe('removed text: restore, and highlights follow', () => {
  it('restores a page marker inside a sentence and shifts the highlights after it by its length', () => {
    const { h, byFile } = library();
    const doc = byFile('001')[0];
    const at = doc.text.indexOf('呈现非线性过程') + 2;
    const marker = doc.removed.find((s) => s.position === at)!;
    expect(marker).toMatchObject({ text: '\n2、', rule: 'page-markers' });
    const before = h['annotations.create']({ documentId: doc.id, start: at - 6, end: at - 2, themeIds: [] }) as { id: string; exact: string };
    const afterStart = doc.text.indexOf('生产力重大变革');
    const after = h['annotations.create']({ documentId: doc.id, start: afterStart, end: afterStart + 7, themeIds: [] }) as { id: string };
    const around = h['annotations.create']({ documentId: doc.id, start: at - 2, end: at + 3, themeIds: [] }) as { id: string };

    const restored = h['documents.restoreSpan']({ id: doc.id, spanId: marker.id }) as DocumentRecord;
    expect(restored.text).toContain('呈现\n2、非线性过程');
    expect(restored.removed.find((s) => s.id === marker.id)).toBeUndefined();
    expect(restored.removedCount).toBe(doc.removedCount - 1);
    // later spans moved by the restored length
    const nextSpan = doc.removed.find((s) => s.position > at)!;
    expect(restored.removed.find((s) => s.id === nextSpan.id)!.position).toBe(nextSpan.position + 3);

    const list = h['annotations.list']({ documentId: doc.id }) as { id: string; start: number; end: number; exact: string }[];
    const get = (id: string) => list.find((a) => a.id === id)!;
    expect(get(before.id)).toMatchObject({ start: at - 6, end: at - 2, exact: before.exact });
    expect(get(after.id)).toMatchObject({ start: afterStart + 3, end: afterStart + 10, exact: '生产力重大变革' });
    expect(get(around.id)).toMatchObject({ start: at - 2, end: at + 6, exact: '呈现\n2、非线性' });
  });

  it('restores spans sharing one position in their original order', () => {
    const { h, byFile } = library();
    const doc = byFile('000')[0];
    const tail = doc.removed.filter((s) => s.position === doc.text.length);
    expect(tail.map((s) => s.rule)).toEqual(['site-chrome', 'spam-links']);
    // restore the later one first, then the earlier: the file's order must come back
    h['documents.restoreSpan']({ id: doc.id, spanId: tail[1].id });
    const final = h['documents.restoreSpan']({ id: doc.id, spanId: tail[0].id }) as DocumentRecord;
    expect(final.text.endsWith(tail[0].text + tail[1].text)).toBe(true);
  });

  it('refuses a span of another document and a second restore, changing nothing', () => {
    const { h, byFile } = library();
    const [a] = byFile('000');
    const [b] = byFile('003');
    expect(() => h['documents.restoreSpan']({ id: b.id, spanId: a.removed[0].id })).toThrow(/No such removed text/);
    h['documents.restoreSpan']({ id: a.id, spanId: a.removed[0].id });
    expect(() => h['documents.restoreSpan']({ id: a.id, spanId: a.removed[0].id })).toThrow(/already restored/);
    expect((h['documents.get']({ id: b.id }) as DocumentRecord).text).toBe(b.text);
  });
});

describe('split here and merge with next', () => {
  it('splits at a paragraph start, moves the later highlights, and merging puts everything back', () => {
    const { h, byFile } = library();
    const doc = byFile('003')[0];
    const at = doc.text.indexOf('在“质”上下功夫');
    const quote = '大力推进现代化产业体系建设';
    const qs = doc.text.indexOf(quote);
    const late = h['annotations.create']({ documentId: doc.id, start: qs, end: qs + quote.length, themeIds: [] }) as { id: string };
    const early = h['annotations.create']({ documentId: doc.id, start: 0, end: 4, themeIds: [] }) as { id: string };

    expect(() => h['documents.split']({ id: doc.id, at: at + 1 })).toThrow(/start of a paragraph/);
    const { first, second } = h['documents.split']({ id: doc.id, at }) as { first: DocumentSummary; second: DocumentSummary };
    expect(first.length).toBe(at - 1);
    expect(second.title).toBe(doc.text.slice(at).split('\n')[0].slice(0, 40) + '…');
    const moved = (h['annotations.list']({ documentId: second.id }) as { id: string; start: number; exact: string }[]).find((a) => a.id === late.id)!;
    expect(moved).toMatchObject({ start: qs - at, exact: quote });
    expect((h['annotations.list']({ documentId: doc.id }) as { id: string }[]).map((a) => a.id)).toEqual([early.id]);

    const merged = h['documents.mergeWithNext']({ id: doc.id }) as DocumentRecord;
    expect(merged.text).toBe(doc.text);
    const back = (h['annotations.list']({ documentId: doc.id }) as { id: string; start: number; exact: string }[]).find((a) => a.id === late.id)!;
    expect(back).toMatchObject({ start: qs, exact: quote });
    expect((h['documents.list']({}) as DocumentSummary[]).some((d) => d.id === second.id)).toBe(false);
  });

  it('refuses to split through a highlight', () => {
    const { h, byFile } = library();
    const doc = byFile('003')[0];
    const at = doc.text.indexOf('在“质”上下功夫');
    h['annotations.create']({ documentId: doc.id, start: at - 5, end: at + 3, themeIds: [] });
    expect(() => h['documents.split']({ id: doc.id, at })).toThrow(/crosses/);
    expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(doc.text);
  });

  it('merges the next article of a collection', () => {
    const { h, byFile } = library();
    const [one, two] = byFile('002');
    const merged = h['documents.mergeWithNext']({ id: one.id }) as DocumentRecord;
    expect(merged.text).toBe(`${one.text}\n${two.text}`);
    expect(merged.removed.length).toBe(one.removed.length + two.removed.length);
    expect(merged.marks.map((m) => m.start)).toEqual([0, one.text.length + 1]);
  });
});
