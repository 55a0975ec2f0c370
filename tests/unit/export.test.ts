import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord, DocumentSummary, Theme } from '../../shared/domain';
import { lexicalJsonToMarkdown } from '../../electron/core/export/lexicalMarkdown';
import { open } from './helpers';
import { BOLD, ITALIC, link, list, note, paragraph, text } from './lexicalNote';

const richNote = note(
  paragraph(text('要点', BOLD), text('：'), text('因地制宜', ITALIC), link('https://example.org/a', '原文')),
  list('bullet', '其一', '其二'),
  list('number', '第一'),
  paragraph(link('javascript:alert(1)', 'bad')),
);

describe('Lexical note → Markdown', () => {
  it('keeps bold, italic, links and lists, and drops unsafe link targets', () => {
    expect(lexicalJsonToMarkdown(richNote)).toBe('**要点**：*因地制宜*[原文](https://example.org/a)\n\n- 其一\n- 其二\n\n1. 第一\n\nbad');
  });
  it('falls back to the plain text when the state is missing or broken', () => {
    expect(lexicalJsonToMarkdown(null, 'plain')).toBe('plain');
    expect(lexicalJsonToMarkdown('{oops', 'plain')).toBe('plain');
  });
});

describe('Markdown export of study notes', () => {
  function fixture() {
    const lib = open({ now: () => '2026-11-21T10:00:00.000Z' });
    const h = lib.handlers;
    const docs = h['documents.list']({}) as DocumentSummary[];
    const heihe = h['documents.get']({ id: docs.find((d) => d.publishedAt === '2024-06-28')!.id }) as DocumentRecord;
    const xinhua = h['documents.get']({ id: docs.find((d) => d.source === '新華社')!.id }) as DocumentRecord;
    const local = h['themes.create']({ name: '因地制宜', description: '结合实际' }) as Theme;
    const tech = h['themes.create']({ name: '科技 创新' }) as Theme;
    const q1 = '因地制宜推动黑河新质生产力发展';
    const s1 = heihe.text.indexOf(q1);
    const a1 = h['annotations.create']({ documentId: heihe.id, start: s1, end: s1 + q1.length, themeIds: [local.id, tech.id] }) as Annotation;
    h['annotations.updateNote']({ id: a1.id, noteJson: richNote, noteText: '要点' });
    const q2 = '整合科技創新資源';
    const s2 = xinhua.text.indexOf(q2);
    h['annotations.create']({ documentId: xinhua.id, start: s2, end: s2 + q2.length, themeIds: [tech.id] });
    const s3 = xinhua.text.indexOf('新質生產力有別于傳統生產力');
    h['annotations.create']({ documentId: xinhua.id, start: s3, end: s3 + 13, themeIds: [] });
    const paragraphOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
    return { h, heihe, xinhua, p1: paragraphOf(heihe.text, s1), p2: paragraphOf(xinhua.text, s2) };
  }

  it('groups by theme: block quote, tags, note, citation with paragraph number', () => {
    const { h, p1, p2 } = fixture();
    const { content, suggestedName, warnings } = h['export.markdown']({ by: 'theme' }) as { content: string; suggestedName: string; warnings: string[] };
    expect(warnings).toEqual([]);
    expect(suggestedName).toBe('pizhu-notes-by-theme-2026-11-21.md');
    const sections = content.split(/^## /m).slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual(['因地制宜', '科技 创新', '未归类 Untagged']);
    const [local, tech, untagged] = sections;
    expect(local).toContain('*结合实际*');
    expect(local).toMatch(/> 因地制宜推动黑河新质生产力发展\n\n\^pz-[0-9a-f]{12}\n\n#因地制宜 #科技_创新\n/);
    expect(local).toContain('**要点**：*因地制宜*[原文](https://example.org/a)\n\n- 其一\n- 其二');
    expect(local).toContain(`—— 《重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展》，黑河日报，2024-06-28，第 ${p1} 段`);
    expect(tech.match(/^> /gm)).toHaveLength(2);
    expect(tech).toContain(`—— 《習近平總書記首次提到“新質生產力”》，新華社，2023-09-11，第 ${p2} 段`);
    expect(untagged).toMatch(/> 新質生產力有別于傳統生產力\n\n\^pz-[0-9a-f]{12}\n\n—— 《/);
  });

  it('groups by document in library order', () => {
    const { h } = fixture();
    const { content } = h['export.markdown']({ by: 'document' }) as { content: string };
    const headings = [...content.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['習近平總書記首次提到“新質生產力”', '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展']);
    expect(content).toContain('*新華社，2023-09-11*');
    expect(content.match(/^> /gm)).toHaveLength(3);
  });
});
