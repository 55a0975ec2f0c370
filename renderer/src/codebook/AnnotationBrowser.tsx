// Every annotation of the open document or of the library, filtered by theme (with its sub-themes), author,
// date and note, sorted by position or time. The list is as tall as the total from the start; the pages
// in view come from the backend as they scroll by (or as End jumps to the last of 100,000), and only the
// rows in view are rendered. ↑/↓, PageUp/PageDown, Home/End choose; Enter (or a click) opens the passage.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CodedPassage, Theme } from '../../../shared/domain';
import { api } from '../api';
import { useT } from '../i18n';
import { openSearchHit } from '../search/actions';
import { fill, formatCount, oneLine } from '../search/format';
import { rowForKey, useVirtualRows } from '../lib/virtualRows';
import { useStore } from '../store';
import { NO_BROWSE_FILTERS, type BrowseFilters, type BrowseScope } from '../store/codebook';
import { formatStamp } from './HoverCard';
import { treeRows } from './tree';

const PAGE = 200;
const ROW_HEIGHT = 96;
const QUERY_DELAY_MS = 150;

let requestSeq = 0;

function queryInput(scope: BrowseScope, documentId: string | undefined, f: BrowseFilters, offset: number, limit = PAGE) {
  return {
    ...(scope === 'document' && documentId ? { documentId } : {}),
    ...(f.themeId ? { themeIds: [f.themeId], includeSubthemes: f.includeSubthemes } : {}),
    ...(f.author.trim() ? { author: f.author.trim() } : {}),
    ...(f.hasNote !== 'any' ? { hasNote: f.hasNote === 'yes' } : {}),
    ...(f.from ? { createdFrom: f.from } : {}),
    ...(f.to ? { createdTo: f.to } : {}),
    sort: f.sort,
    limit,
    offset,
  };
}

/** Opens the passage in the reader (the search panel's open-and-flash) and makes it the active annotation. */
export async function jumpToPassage(p: CodedPassage): Promise<void> {
  const a = p.annotation;
  await openSearchHit({ documentId: a.documentId, start: a.start, end: a.end, before: p.before, match: a.exact, after: p.after }, 'text');
  const s = useStore.getState();
  if (s.doc?.id === a.documentId && s.annotations.some((x) => x.id === a.id)) s.setActive(a.id);
}

/** The pages (of PAGE rows) holding rows first ≤ i < last. */
function pagesOf(first: number, last: number): number[] {
  const out: number[] = [];
  for (let b = Math.floor(first / PAGE); b * PAGE < last; b++) out.push(b);
  return out;
}

/**
 * The loaded rows as a sparse array: row i at index i, rows not fetched yet are holes. `length` is one
 * past the last row loaded, not the total.
 */
function withPages(items: readonly CodedPassage[], pages: [number, CodedPassage[]][]): CodedPassage[] {
  const next = items.slice();
  for (const [b, rows] of pages) rows.forEach((p, k) => (next[b * PAGE + k] = p));
  return next;
}

function Placeholder({ index }: { index: number }) {
  return (
    <div role="option" id={`ann-row-${index}`} aria-selected={false} aria-busy="true" className="browse-row placeholder" style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}>
      <span className="br-skeleton short" />
      <span className="br-skeleton" />
      <span className="br-skeleton mid" />
    </div>
  );
}

function Row({ p, index, selected, scope, byId, onOpen }: { p: CodedPassage; index: number; selected: boolean; scope: BrowseScope; byId: Map<string, Theme>; onOpen: (i: number) => void }) {
  const t = useT();
  const a = p.annotation;
  const title = scope === 'library' ? `《${p.documentTitle || t('untitled')}》` : '';
  const note = a.noteText.trim();
  return (
    <div
      role="option"
      id={`ann-row-${index}`}
      aria-selected={selected}
      className={'browse-row' + (selected ? ' cursor' : '')}
      data-testid="browse-item"
      data-annotation-id={a.id}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      onClick={() => onOpen(index)}
    >
      <div className="br-head">
        <span className="ann-swatches">
          {a.themeIds.length === 0 && <span className="swatch plain" />}
          {a.themeIds.map((id) => {
            const th = byId.get(id);
            return th ? <span key={id} className="swatch" style={{ background: th.color }} title={th.name} /> : null;
          })}
        </span>
        <span className="br-where" title={title}>
          {title}
        </span>
        <span className="br-para">{fill(t('annParagraph'), { n: p.paragraph })}</span>
        <span className="br-date">{formatStamp(a.createdAt).slice(0, 10)}</span>
      </div>
      <div className="br-quote">
        <span className="br-ctx">{oneLine(p.before).slice(-24)}</span>
        <mark>{oneLine(a.exact)}</mark>
        <span className="br-ctx">{oneLine(p.after).slice(0, 40)}</span>
      </div>
      {note ? <div className="br-note">✎ {oneLine(note)}</div> : <div className="br-note empty">{a.themeIds.map((id) => byId.get(id)?.name).filter(Boolean).join(' · ')}</div>}
    </div>
  );
}

function FilterBar({ themes }: { themes: Theme[] }) {
  const t = useT();
  const f = useStore((s) => s.browseFilters);
  const set = useStore((s) => s.setBrowseFilters);
  const [open, setOpen] = useState(() => Boolean(f.author || f.from || f.to || f.hasNote !== 'any'));
  const rows = useMemo(() => treeRows(themes), [themes]);
  const active = f.themeId || f.author || f.from || f.to || f.hasNote !== 'any';
  return (
    <div className="browse-filters" data-testid="browse-filters">
      <div className="bf-line">
        <select className="bf-theme" data-testid="browse-theme" aria-label={t('annFilterTheme')} value={f.themeId} onChange={(e) => set({ themeId: e.target.value })}>
          <option value="">{t('annAnyTheme')}</option>
          {rows.map((r) => (
            <option key={r.theme.id} value={r.theme.id}>
              {'\u3000'.repeat(r.depth) + r.theme.name}
            </option>
          ))}
        </select>
        <label className="bf-check" title={t('annIncludeSubthemes')}>
          <input type="checkbox" data-testid="browse-subthemes" checked={f.includeSubthemes} disabled={!f.themeId} onChange={(e) => set({ includeSubthemes: e.target.checked })} />
          {t('annIncludeSubthemes')}
        </label>
      </div>
      <div className="bf-line">
        <button type="button" className="link-button" data-testid="browse-more-filters" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className={'caret' + (open ? '' : ' closed')} aria-hidden="true">
            ▾
          </span>
          {t('filters')}
        </button>
        <select className="bf-sort" data-testid="browse-sort" aria-label={t('annSort')} value={f.sort} onChange={(e) => set({ sort: e.target.value as BrowseFilters['sort'] })}>
          <option value="position">{t('annSortPosition')}</option>
          <option value="time">{t('annSortTime')}</option>
        </select>
        {active && (
          <button type="button" className="link-button muted" data-testid="browse-clear" onClick={() => set(NO_BROWSE_FILTERS)}>
            {t('annClearFilters')}
          </button>
        )}
      </div>
      {open && (
        <div className="bf-grid">
          <label>
            <span>{t('annAuthor')}</span>
            <input data-testid="browse-author" value={f.author} placeholder={t('annAuthorPlaceholder')} onChange={(e) => set({ author: e.target.value })} />
          </label>
          <label>
            <span>{t('annNote')}</span>
            <select data-testid="browse-note" value={f.hasNote} onChange={(e) => set({ hasNote: e.target.value as BrowseFilters['hasNote'] })}>
              <option value="any">{t('annNoteAny')}</option>
              <option value="yes">{t('annNoteYes')}</option>
              <option value="no">{t('annNoteNo')}</option>
            </select>
          </label>
          <label className="bf-dates">
            <span>{t('filterDate')}</span>
            <span className="date-range">
              <input type="date" data-testid="browse-from" aria-label={t('annFrom')} value={f.from} onChange={(e) => set({ from: e.target.value })} />
              <span className="muted">–</span>
              <input type="date" data-testid="browse-to" aria-label={t('annTo')} value={f.to} onChange={(e) => set({ to: e.target.value })} />
            </span>
          </label>
        </div>
      )}
    </div>
  );
}

export function AnnotationBrowser() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const scope = useStore((s) => s.browseScope);
  const filters = useStore((s) => s.browseFilters);
  const outcome = useStore((s) => s.browseOutcome);
  const cursor = useStore((s) => s.browseCursor);
  const themes = useStore((s) => s.themes);
  const doc = useStore((s) => s.doc);
  // Any change to the open document's highlights or to the themes may change the list.
  const annotations = useStore((s) => s.annotations);
  const store = useStore.getState;
  const listRef = useRef<HTMLDivElement>(null);
  /** Pages asked for under the current question. */
  const fetching = useRef(new Set<number>());
  const byId = useMemo(() => new Map(themes.map((th) => [th.id, th])), [themes]);
  const documentId = scope === 'document' ? doc?.id : undefined;
  const needsDoc = scope === 'document' && !documentId;
  const askedFor = useRef('');

  const items = outcome.page?.items ?? [];
  const total = outcome.page?.total ?? 0;
  const win = useVirtualRows(listRef, total, ROW_HEIGHT, 0);
  const { first, last, reveal } = win;
  const view = useRef({ first, last });
  view.current = { first, last };

  useEffect(() => {
    if (needsDoc) {
      store().setBrowseOutcome({ status: 'idle', page: null, error: null });
      return;
    }
    const seq = ++requestSeq;
    fetching.current = new Set();
    // The same question again (the data changed): fetch the pages in view, so the list and the cursor stay put.
    const key = JSON.stringify([scope, documentId, filters]);
    const same = askedFor.current === key;
    askedFor.current = key;
    const pages = same ? [...new Set([...pagesOf(view.current.first, view.current.last), Math.floor(store().browseCursor / PAGE)])] : [0];
    const timer = setTimeout(async () => {
      store().setBrowseOutcome({ ...store().browseOutcome, status: 'loading', error: null });
      try {
        const got = await Promise.all(pages.map(async (b) => [b, await api['annotations.query'](queryInput(scope, documentId, filters, b * PAGE))] as const));
        if (seq !== requestSeq) return;
        const total = got[0][1].total;
        store().setBrowseOutcome({ status: 'done', page: { total, items: withPages([], got.map(([b, page]) => [b, page.items])) }, error: null });
        if (!same) listRef.current?.scrollTo({ top: 0 });
      } catch (err) {
        if (seq === requestSeq) store().setBrowseOutcome({ status: 'error', page: null, error: err instanceof Error ? err.message : String(err) });
      }
    }, QUERY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [scope, documentId, filters, needsDoc, annotations, themes, store]);

  // The pages in view that are not loaded yet: ask for them (a scroll, a jump, End).
  const missing = outcome.status === 'done' ? pagesOf(first, last).filter((b) => items[b * PAGE] === undefined && !fetching.current.has(b)) : [];
  const missingKey = missing.join(',');
  useEffect(() => {
    if (!missingKey) return;
    const seq = requestSeq;
    for (const b of missingKey.split(',').map(Number)) {
      fetching.current.add(b);
      api['annotations.query'](queryInput(scope, documentId, filters, b * PAGE)).then(
        (page) => {
          const now = store().browseOutcome;
          if (seq !== requestSeq || !now.page) return;
          store().setBrowseOutcome({ ...now, page: { total: page.total, items: withPages(now.page.items, [[b, page.items]]) } });
        },
        () => fetching.current.delete(b),
      );
    }
  }, [missingKey, scope, documentId, filters, store]);

  // Back on the tab: the cursor where it was left, once the list has its height.
  const revealed = useRef(false);
  useEffect(() => {
    if (revealed.current || total === 0) return;
    revealed.current = true;
    reveal(store().browseCursor);
  }, [total, reveal, store]);

  const open = (i: number) => {
    store().setBrowseCursor(i);
    const p = items[i];
    if (p) void jumpToPassage(p);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const at = Math.min(cursor, total - 1);
    if (e.key === 'Enter') {
      e.preventDefault();
      open(at);
      return;
    }
    const next = rowForKey(e.key, at, total, win.pageRows);
    if (next === null) return;
    e.preventDefault();
    store().setBrowseCursor(next);
    reveal(next);
  };

  const shown: number[] = [];
  for (let i = first; i < last; i++) shown.push(i);
  const at = Math.min(cursor, total - 1);
  // The cursor row stays in the DOM (aria-activedescendant points at it) even when scrolled away.
  if (at >= 0 && (at < first || at >= last)) shown.push(at);

  return (
    <div className="browse-panel" data-testid="browse-panel">
      <div className="browse-top">
        <div className="segmented" role="radiogroup" aria-label={t('scopeLabel')}>
          {(['document', 'library'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={scope === s} data-testid={`browse-scope-${s}`} className={scope === s ? 'on' : ''} onClick={() => store().setBrowseScope(s)}>
              {t(s === 'document' ? 'scopeDocument' : 'scopeLibrary')}
            </button>
          ))}
        </div>
        <span className="browse-count" data-testid="browse-total">
          {outcome.page ? fill(t('annTotal'), { n: formatCount(total, lang) }) : ''}
          {outcome.status === 'loading' && <span className="spinner" aria-hidden="true" />}
        </span>
      </div>
      <FilterBar themes={themes} />
      {needsDoc ? (
        <p className="hint">{t('annNoDoc')}</p>
      ) : outcome.status === 'error' ? (
        <div className="search-message error" role="alert">
          <strong>{t('searchFailed')}</strong>
          <p>{outcome.error}</p>
        </div>
      ) : (
        <>
          <div
            ref={listRef}
            className="browse-list"
            role="listbox"
            tabIndex={0}
            aria-label={t('annKeys')}
            aria-activedescendant={total ? `ann-row-${at}` : undefined}
            data-testid="browse-list"
            onKeyDown={onKeyDown}
            onScroll={win.onScroll}
          >
            <div className="browse-spacer" style={{ height: win.totalHeight }}>
              {shown.map((i) =>
                items[i] ? (
                  <Row key={items[i].annotation.id} p={items[i]} index={i} selected={i === at} scope={scope} byId={byId} onOpen={open} />
                ) : (
                  <Placeholder key={`placeholder-${i}`} index={i} />
                ),
              )}
            </div>
            {outcome.status === 'done' && total === 0 && <p className="hint browse-none">{t('annNone')}</p>}
          </div>
          <div className="browse-foot">
            <span className="muted">{t('annKeys')}</span>
            {total > PAGE && <span className="muted browse-position">{`${formatCount(Math.min(at + 1, total), lang)} / ${formatCount(total, lang)}`}</span>}
          </div>
        </>
      )}
    </div>
  );
}
