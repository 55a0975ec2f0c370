import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord, DocumentSummary, Theme } from '../../shared/domain';
import { dispatch } from '../../electron/core/dispatch';
import { open } from './helpers';

function setup() {
  const lib = open();
  const h = lib.handlers;
  const summary = (h['documents.list']({}) as DocumentSummary[]).find((d) => d.title.startsWith('重点把握'))!;
  const doc = h['documents.get']({ id: summary.id }) as DocumentRecord;
  return { lib, h, doc };
}

describe('highlights and themes', () => {
  it('creates a highlight with position, quote and context, and counts it', () => {
    const { h, doc } = setup();
    const theme = h['themes.create']({ name: '因地制宜', color: '#f29e4c' }) as Theme;
    // an occurrence with a full 32 characters of context before it
    const start = doc.text.indexOf('因地制宜推动', 32);
    const a = h['annotations.create']({ documentId: doc.id, start, end: start + 4, themeIds: [theme.id] }) as Annotation;
    expect(a.exact).toBe('因地制宜');
    expect(a.prefix).toBe(doc.text.slice(start - 32, start));
    expect(a.suffix).toBe(doc.text.slice(start + 4, start + 36));
    expect(a.themeIds).toEqual([theme.id]);
    expect(a.author).toBeTruthy();
    expect((h['themes.list']({}) as Theme[])[0].annotationCount).toBe(1);
    expect((h['documents.list']({}) as DocumentSummary[]).find((d) => d.id === doc.id)!.annotationCount).toBe(1);
  });

  it("gives the summaries of the documents asked for, as the list has them, without deleted or unknown ones", () => {
    const { h, doc } = setup();
    const start = doc.text.indexOf('因地制宜推动');
    h['annotations.create']({ documentId: doc.id, start, end: start + 4, themeIds: [] });
    const list = h['documents.list']({}) as DocumentSummary[];
    const [other, gone] = list.filter((d) => d.id !== doc.id);
    h['documents.delete']({ id: gone.id });
    const asked = [other.id, doc.id, gone.id, crypto.randomUUID()];
    const summaries = h['documents.summaries']({ ids: asked }) as DocumentSummary[];
    // In library order, each equal to its row in the full list.
    const fresh = h['documents.list']({}) as DocumentSummary[];
    expect(summaries).toEqual(fresh.filter((d) => d.id === other.id || d.id === doc.id));
    expect(summaries.find((d) => d.id === doc.id)!.annotationCount).toBe(1);
  });

  it('keeps overlapping highlights with several themes', () => {
    const { h, doc } = setup();
    const t1 = h['themes.create']({ name: 'A' }) as Theme;
    const t2 = h['themes.create']({ name: 'B' }) as Theme;
    const a = h['annotations.create']({ documentId: doc.id, start: 10, end: 40, themeIds: [t1.id, t2.id] }) as Annotation;
    const b = h['annotations.create']({ documentId: doc.id, start: 30, end: 60, themeIds: [t2.id] }) as Annotation;
    const list = h['annotations.list']({ documentId: doc.id }) as Annotation[];
    expect(list.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(list[0].themeIds).toEqual([t1.id, t2.id]);
    expect(h['annotations.list']({ themeId: t2.id })).toHaveLength(2);
    expect(h['annotations.list']({ themeId: t1.id })).toHaveLength(1);
  });

  it('adds and removes themes, edits the note, deletes and restores (undo)', () => {
    const { h, doc } = setup();
    const t1 = h['themes.create']({ name: 'A' }) as Theme;
    const a = h['annotations.create']({ documentId: doc.id, start: 5, end: 15, themeIds: [] }) as Annotation;
    expect((h['annotations.addTheme']({ id: a.id, themeId: t1.id }) as Annotation).themeIds).toEqual([t1.id]);
    expect((h['annotations.removeTheme']({ id: a.id, themeId: t1.id }) as Annotation).themeIds).toEqual([]);
    const note = JSON.stringify({ root: { type: 'root', children: [] } });
    expect((h['annotations.updateNote']({ id: a.id, noteJson: note, noteText: 'n' }) as Annotation).noteText).toBe('n');
    h['annotations.delete']({ id: a.id });
    expect(h['annotations.list']({ documentId: doc.id })).toHaveLength(0);
    const back = h['annotations.restore']({ id: a.id }) as Annotation;
    expect(back.deletedAt).toBeNull();
    expect(back.noteText).toBe('n');
    expect(h['annotations.list']({ documentId: doc.id })).toHaveLength(1);
  });

  it('renames, recolours, deletes and restores a theme with its links', () => {
    const { h, doc } = setup();
    const t = h['themes.create']({ name: '科技创新' }) as Theme;
    const a = h['annotations.create']({ documentId: doc.id, start: 0, end: 8, themeIds: [t.id] }) as Annotation;
    const renamed = h['themes.update']({ id: t.id, name: '科技 创新', color: '#123456', description: 'd' }) as Theme;
    expect([renamed.name, renamed.color, renamed.description]).toEqual(['科技 创新', '#123456', 'd']);
    h['themes.delete']({ id: t.id });
    expect(h['themes.list']({})).toHaveLength(0);
    expect((h['annotations.list']({ documentId: doc.id }) as Annotation[])[0].themeIds).toEqual([]);
    h['themes.restore']({ id: t.id });
    expect((h['annotations.list']({ documentId: doc.id }) as Annotation[])[0].themeIds).toEqual([t.id]);
    expect(a.id).toBeTruthy();
  });

  it('offers the example codebook without forcing it, and adds it once', () => {
    const { h } = setup();
    expect(h['themes.list']({})).toHaveLength(0);
    const added = h['themes.addExamples']({}) as Theme[];
    expect(added.length).toBe((h['themes.examples']({}) as unknown[]).length);
    expect(h['themes.addExamples']({})).toEqual([]);
  });
});

describe('the contract boundary', () => {
  it('returns typed errors for bad input and changes nothing', async () => {
    const { lib, doc } = setup();
    const cases: [string, unknown, string][] = [
      ['annotations.create', { documentId: doc.id, start: 5, end: 2, themeIds: [] }, 'invalid_input'],
      ['annotations.create', { documentId: doc.id, start: -1, end: 2, themeIds: [] }, 'invalid_input'],
      ['annotations.create', { documentId: 'not-a-uuid', start: 0, end: 2, themeIds: [] }, 'invalid_input'],
      ['annotations.create', { documentId: doc.id, start: 0, end: 10 ** 7, themeIds: [] }, 'invalid_input'],
      ['themes.create', { name: '   ' }, 'invalid_input'],
      ['themes.create', { name: 'x', color: 'red' }, 'invalid_input'],
      ['documents.get', { id: '00000000-0000-4000-8000-000000000000' }, 'not_found'],
      ['no.such.channel', {}, 'invalid_input'],
      ['annotations.updateNote', { id: '00000000-0000-4000-8000-000000000000', noteJson: '{}', noteText: '' }, 'not_found'],
    ];
    for (const [ch, input, code] of cases) {
      const r = await dispatch(lib.handlers, ch, input);
      expect(r.ok, ch).toBe(false);
      if (!r.ok) expect(r.error.code, `${ch} ${JSON.stringify(input)}`).toBe(code);
    }
    const dup = await dispatch(lib.handlers, 'themes.create', { name: 'T' });
    expect(dup.ok).toBe(true);
    const again = await dispatch(lib.handlers, 'themes.create', { name: 'T' });
    expect(again.ok ? '' : again.error.code).toBe('conflict');
    expect(lib.handlers['annotations.list']({})).toHaveLength(0);
  });
});
