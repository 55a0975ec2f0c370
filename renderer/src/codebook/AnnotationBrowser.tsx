// Every annotation of the open document or of the library, filtered by theme (with its sub-themes), author,
// date and note, sorted by position or time. Pages come from the backend as the list scrolls; only the rows in
// view are rendered. ↑/↓ choose, Enter (or a click) opens the passage and flashes it.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CodedPassage, Theme } from '../../../shared/domain';
import { api } from '../api';
import { useT } from '../i18n';
import { openSearchHit } from '../search/actions';
import { fill, formatCount, oneLine } from '../search/format';
import { useStore } from '../store';
import { NO_BROWSE_FILTERS, type BrowseFilters, type BrowseScope } from '../store/codebook';
import { formatStamp } from './HoverCard';
import { treeRows } from './tree';

const PAGE = 200;
const ROW_HEIGHT = 96;
const OVERSCAN = 6;
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
  const [view, setView] = useState({ top: 0, height: 600 });
  const loadingMore = useRef(false);
  const byId = useMemo(() => new Map(themes.map((th) => [th.id, th])), [themes]);
  const documentId = scope === 'document' ? doc?.id : undefined;
  const needsDoc = scope === 'document' && !documentId;
  const askedFor = useRef('');

  useEffect(() => {
    if (needsDoc) {
      store().setBrowseOutcome({ status: 'idle', page: null, error: null });
      return;
    }
    const seq = ++requestSeq;
    // The same question again (the data changed): keep as many rows as were loaded, so the cursor stays put.
    const key = JSON.stringify([scope, documentId, filters]);
    const same = askedFor.current === key;
    askedFor.current = key;
    const loaded = store().browseOutcome.page?.items.length ?? 0;
    const limit = same ? Math.min(10_000, Math.max(PAGE, loaded)) : PAGE;
    const timer = setTimeout(async () => {
      store().setBrowseOutcome({ ...store().browseOutcome, status: 'loading', error: null });
      try {
        const page = await api['annotations.query'](queryInput(scope, documentId, filters, 0, limit));
        if (seq === requestSeq) store().setBrowseOutcome({ status: 'done', page, error: null });
      } catch (err) {
        if (seq === requestSeq) store().setBrowseOutcome({ status: 'error', page: null, error: err instanceof Error ? err.message : String(err) });
      }
    }, QUERY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [scope, documentId, filters, needsDoc, annotations, themes, store]);

  const items = outcome.page?.items ?? [];
  const total = outcome.page?.total ?? 0;

  const loadMore = useCallback(async () => {
    const page = store().browseOutcome.page;
    if (!page || loadingMore.current || page.items.length >= page.total) return;
    loadingMore.current = true;
    const seq = requestSeq;
    try {
      const next = await api['annotations.query'](queryInput(scope, documentId, filters, page.items.length));
      if (seq === requestSeq) store().setBrowseOutcome({ status: 'done', page: { total: next.total, items: [...page.items, ...next.items] }, error: null });
    } finally {
      loadingMore.current = false;
    }
  }, [scope, documentId, filters, store]);

  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [needsDoc]);

  // Near the end of what is loaded: ask for the next page.
  useEffect(() => {
    if (items.length < total && view.top + view.height > items.length * ROW_HEIGHT - ROW_HEIGHT * 10) void loadMore();
  }, [view, items.length, total, loadMore]);

  const open = (i: number) => {
    store().setBrowseCursor(i);
    const p = items[i];
    if (p) void jumpToPassage(p);
  };

  const keepInView = (i: number) => {
    const el = listRef.current;
    if (!el) return;
    const top = i * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    let next = cursor;
    if (e.key === 'ArrowDown') next = cursor + 1;
    else if (e.key === 'ArrowUp') next = cursor - 1;
    else if (e.key === 'PageDown') next = cursor + Math.max(1, Math.floor(view.height / ROW_HEIGHT));
    else if (e.key === 'PageUp') next = cursor - Math.max(1, Math.floor(view.height / ROW_HEIGHT));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Enter') {
      e.preventDefault();
      open(Math.min(cursor, items.length - 1));
      return;
    } else return;
    e.preventDefault();
    next = Math.max(0, Math.min(items.length - 1, next));
    store().setBrowseCursor(next);
    keepInView(next);
  };

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);

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
            aria-activedescendant={items.length ? `ann-row-${Math.min(cursor, items.length - 1)}` : undefined}
            data-testid="browse-list"
            onKeyDown={onKeyDown}
            onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
          >
            <div className="browse-spacer" style={{ height: items.length * ROW_HEIGHT }}>
              {items.slice(first, last).map((p, k) => (
                <Row key={p.annotation.id} p={p} index={first + k} selected={first + k === cursor} scope={scope} byId={byId} onOpen={open} />
              ))}
            </div>
            {outcome.status === 'done' && items.length === 0 && <p className="hint browse-none">{t('annNone')}</p>}
          </div>
          <div className="browse-foot">
            <span className="muted">{items.length < total ? fill(t('annShown'), { shown: formatCount(items.length, lang), total: formatCount(total, lang) }) : t('annKeys')}</span>
            {items.length < total && (
              <button type="button" className="link-button" data-testid="browse-load-more" onClick={() => void loadMore()}>
                {t('annLoadMore')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
