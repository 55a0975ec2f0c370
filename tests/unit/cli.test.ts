import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../electron/core/paths';
import { tempDir, SEED_DOCUMENT_COUNT } from './helpers';

// The real bin, in a real child process, as a user would run it after npm install.
function pizhu(lib: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(projectRoot, 'bin', 'pizhu.mjs'), '--library', lib, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('pizhu command line', () => {
  it('prints help', () => {
    const r = pizhu(tempDir(), '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/annotate ID --theme NAME/);
  });

  it('imports files and reports each as JSON: encoding, rules, characters removed, flags', () => {
    const lib = tempDir();
    const dir = tempDir();
    const page = '首页 >> 新闻 >> 正文\n标题一则\n发布时间:2024-06-28 来源:黑河日报\n发(fā)展新质生产力，是推动高质量发展的内在要求和重要着力点。\n版权所有 黑ICP备000000号';
    writeFileSync(join(dir, 'page.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));
    writeFileSync(join(dir, 'junk.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
    const r = pizhu(lib, '--no-seeds', 'import', join(dir, 'page.txt'), join(dir, 'junk.txt'), '--json');
    expect(r.code).toBe(1);
    const [ok, bad] = JSON.parse(r.out) as { status: string; encoding: string; rules: { rule: string; chars: number }[]; charsRemoved: number; documents: { title: string }[]; error?: string }[];
    expect(ok).toMatchObject({ status: 'imported', encoding: 'utf-16le', documents: [{ title: '标题一则' }] });
    expect(ok.rules.map((x) => x.rule)).toEqual(['site-chrome', 'pinyin']);
    expect(ok.charsRemoved).toBe(ok.rules.reduce((n, x) => n + x.chars, 0));
    expect(bad).toMatchObject({ status: 'failed', error: expect.stringMatching(/binary/) });
    const shown = JSON.parse(pizhu(lib, '--no-seeds', 'list', '--json').out) as { title: string; source: string; publishedAt: string }[];
    expect(shown).toEqual([expect.objectContaining({ title: '标题一则', source: '黑河日报', publishedAt: '2024-06-28' })]);
    expect(pizhu(lib, '--no-seeds', 'import', join(dir, 'page.txt'), '--disable', 'nonsense').err).toMatch(/unknown rule nonsense/);
  });

  it('seeds a new library, tags a quote, lists and exports it', () => {
    const lib = tempDir();
    const docs = JSON.parse(pizhu(lib, 'list', '--json').out) as { id: string; title: string }[];
    expect(docs).toHaveLength(SEED_DOCUMENT_COUNT);
    const heihe = docs.find((d) => d.title.includes('黑河'))!;

    const text = pizhu(lib, 'show', heihe.id, '--text').out;
    expect(text.indexOf('因地制宜')).toBeGreaterThan(0);

    expect(pizhu(lib, 'themes', 'add', '因地制宜', '--color', '#f29e4c').code).toBe(0);
    expect(pizhu(lib, 'themes', 'add', '地方实践', '--parent', '因地制宜').code).toBe(0);
    const themes = JSON.parse(pizhu(lib, 'themes', 'list', '--json').out) as { name: string; parentId: string | null; color: string }[];
    expect(themes.map((t) => t.name)).toEqual(['因地制宜', '地方实践']);
    expect(themes[1].parentId).toBeTruthy();

    const byQuote = JSON.parse(pizhu(lib, 'annotate', heihe.id, '--quote', '因地制宜', '--theme', '因地制宜', '--note', '第一处', '--json').out);
    expect(byQuote.start).toBe(text.indexOf('因地制宜'));
    const start = text.indexOf('新质生产力');
    const byOffset = JSON.parse(pizhu(lib, 'annotate', heihe.id, '--start', String(start), '--end', String(start + 5), '--theme', '地方实践', '--json').out);
    expect(byOffset.exact).toBe('新质生产力');

    const listed = JSON.parse(pizhu(lib, 'annotations', '--theme', '因地制宜', '--json').out) as { exact: string; noteText: string }[];
    expect(listed).toEqual([expect.objectContaining({ exact: '因地制宜', noteText: '第一处' })]);

    const out = join(tempDir(), 'notes.md');
    expect(pizhu(lib, 'export', '--format', 'md', '--by', 'document', '--out', out).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/> 因地制宜\n\n\^pz-[0-9a-f]{12}\n\n#因地制宜\n\n第一处/);
    expect(md).toContain('> 新质生产力');
  });

  it('reports errors on stderr with a non-zero exit and no seeds when asked', () => {
    const lib = tempDir();
    expect(JSON.parse(pizhu(lib, '--no-seeds', 'list', '--json').out)).toEqual([]);
    const missing = pizhu(lib, 'show', 'nope');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/No document nope/);
    expect(missing.out).toBe('');
    const bad = pizhu(lib, 'themes', 'add', 'x', '--color', 'red');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/#RRGGBB/);
    const json = pizhu(lib, 'annotate', 'nope', '--json');
    expect(JSON.parse(json.err).error.code).toBe('not_found');
    expect(pizhu(lib, 'frobnicate').code).toBe(2);
  });
});
