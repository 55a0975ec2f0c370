// The library-wide search panel: query, scope, folding, filters, sort; results as KWIC lines grouped by document.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Collection, SearchGroup, SearchHit, SearchScope } from '../../../shared/domain';
import { api } from '../api';
import { AutocodeBar } from '../codebook/Autocode';
import { useT, type Key } from '../i18n';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/jobsStore';
import { rebuildSearchIndex } from '../jobs/reindex';
import { useStore } from '../store';
import { NO_FILTERS, SEARCH_PAGE, type SearchFilters } from '../store/search';
import { openSearchHit, runSearch, scheduleSearch } from './actions';
import { fill, formatCount, formatMs, oneLine } from './format';

const SCOPES: [SearchScope, Key][] = [
  ['text', 'scopeText'],
  ['highlights', 'scopeHighlights'],
  ['notes', 'scopeNotes'],
];
const EXAMPLES = ['新质生产力', '"因地制宜"', '创新 产业', '高质量 OR 新动能', '生产力 NOT 黑河'];
const MAX_LIMIT = 2_000;

function activeFilterCount(f: SearchFilters): number {
  return [f.themeId, f.documentId, f.collectionId, f.dateFrom || f.dateTo].filter(Boolean).length;
}

function SearchIcon() {
  return (
    <svg className="search-icon" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
      <circle cx="6.8" cy="6.8" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M10.3 10.3 14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function SyntaxHint() {
  const t = useT();
  const parts: [string, Key][] = [
    ['"…"', 'synPhrase'],
    ['A B', 'synAnd'],
    ['OR', 'synOr'],
    ['NOT', 'synNot'],
  ];
  return (
    <div className="search-syntax" data-testid="search-syntax">
      {parts.map(([code, label]) => (
        <span key={code}>
          <code>{code}</code> {t(label)}
        </span>
      ))}
    </div>
  );
}

function Filters({ collections }: { collections: Collection[] }) {
  const t = useT();
  const filters = useStore((s) => s.searchFilters);
  const setFilters = useStore((s) => s.setSearchFilters);
  const themes = useStore((s) => s.themes);
  const docs = useStore((s) => s.docs);
  return (
    <div className="search-filters" data-testid="search-filters">
      <label>
        <span>{t('filterTheme')}</span>
        <select data-testid="filter-theme" value={filters.themeId} onChange={(e) => setFilters({ themeId: e.target.value })}>
          <option value="">{t('anyTheme')}</option>
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filterDocument')}</span>
        <select data-testid="filter-document" value={filters.documentId} onChange={(e) => setFilters({ documentId: e.target.value })}>
          <option value="">{t('anyDocument')}</option>
          {docs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title || t('untitled')}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filterCollection')}</span>
        <select
          data-testid="filter-collection"
          value={filters.collectionId}
          disabled={collections.length === 0}
          onChange={(e) => setFilters({ collectionId: e.target.value })}
        >
          <option value="">{collections.length === 0 ? t('noCollections') : t('anyCollection')}</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="date-field">
        <span>{t('filterDate')}</span>
        <span className="date-range">
          <input type="date" data-testid="filter-date-from" aria-label={t('dateFrom')} value={filters.dateFrom} onChange={(e) => setFilters({ dateFrom: e.target.value })} />
          <span className="muted">–</span>
          <input type="date" data-testid="filter-date-to" aria-label={t('dateTo')} value={filters.dateTo} onChange={(e) => setFilters({ dateTo: e.target.value })} />
        </span>
      </label>
    </div>
  );
}

interface LineProps {
  hit: SearchHit;
  index: number;
  selected: boolean;
  onOpen: (hit: SearchHit, index: number) => void;
}

function KwicLine({ hit, index, selected, onOpen }: LineProps) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const before = oneLine(hit.before);
  const after = oneLine(hit.after);
  return (
    <li role="none">
      <button
        ref={ref}
        type="button"
        role="option"
        aria-selected={selected}
        tabIndex={-1}
        className={'kwic' + (selected ? ' cursor' : '')}
        data-testid="kwic-line"
        data-start={hit.start}
        title={before + hit.match + after}
        onClick={() => onOpen(hit, index)}
      >
        <span className="kwic-before">
          <span>{before}</span>
        </span>
        <mark>{hit.match}</mark>
        <span className="kwic-after">{after}</span>
      </button>
    </li>
  );
}

interface GroupProps {
  group: SearchGroup;
  firstIndex: number;
  cursor: number;
  onOpen: (hit: SearchHit, index: number) => void;
}

function ResultGroup({ group, firstIndex, cursor, onOpen }: GroupProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [collapsed, setCollapsed] = useState(false);
  const meta = [group.source, group.publishedAt].filter(Boolean).join(' · ');
  const unlisted = group.count - group.hits.length;
  return (
    <section className="search-group" data-testid="search-group" data-document-id={group.documentId}>
      <button type="button" className="sg-head" aria-expanded={!collapsed} title={t(collapsed ? 'expand' : 'collapse')} onClick={() => setCollapsed(!collapsed)}>
        <span className={'caret' + (collapsed ? ' closed' : '')} aria-hidden="true">
          ▾
        </span>
        <span className="sg-text">
          <span className="sg-title">{group.title || t('untitled')}</span>
          {meta && <span className="sg-meta">{meta}</span>}
        </span>
        <span className="sg-count" data-testid="group-count">
          {formatCount(group.count, lang)}
        </span>
      </button>
      {!collapsed && (
        <>
          <ul role="listbox" aria-label={group.title || t('untitled')}>
            {group.hits.map((h, i) => (
              <KwicLine key={`${h.start}:${h.annotationId ?? ''}`} hit={h} index={firstIndex + i} selected={cursor === firstIndex + i} onOpen={onOpen} />
            ))}
          </ul>
          {unlisted > 0 && <div className="sg-more">{fill(t('moreInDoc'), { n: formatCount(unlisted, lang) })}</div>}
        </>
      )}
    </section>
  );
}

function Status() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const outcome = useStore((s) => s.searchOutcome);
  const r = outcome.result;
  // Nothing found has its own message below; a row of zeros would only repeat it.
  if (r?.total === 0 && outcome.status !== 'loading') return null;
  if (!r) return outcome.status === 'loading' ? <div className="search-status">{t('searching')}</div> : null;
  return (
    <div className={'search-status' + (outcome.status === 'loading' ? ' stale' : '')} data-testid="search-status">
      <strong data-testid="search-total">{fill(t(r.total === 1 ? 'nMatchesOne' : 'nMatches'), { n: formatCount(r.total, lang) })}</strong>
      <span>{fill(t(r.documentCount === 1 ? 'inDocsOne' : 'inDocs'), { n: formatCount(r.documentCount, lang) })}</span>
      <span className="search-elapsed" data-testid="search-elapsed" title={`backend ${formatMs(r.elapsedMs)} ms`}>
        {fill(t('elapsed'), { ms: formatMs(outcome.roundTripMs) })}
      </span>
      {outcome.status === 'loading' && <span className="spinner" aria-label={t('searching')} />}
    </div>
  );
}

function EmptyState() {
  const t = useT();
  const setQuery = useStore((s) => s.setSearchQuery);
  return (
    <div className="search-empty">
      <p>{t('searchIntro')}</p>
      <div className="search-examples">
        <span className="muted">{t('searchExamples')}</span>
        {EXAMPLES.map((q) => (
          <button key={q} type="button" className="example" onClick={() => setQuery(q)}>
            {q}
          </button>
        ))}
      </div>
      <p className="muted small">{t('searchKeys')}</p>
    </div>
  );
}

export function SearchPanel() {
  const t = useT();
  const query = useStore((s) => s.searchQuery);
  const scope = useStore((s) => s.searchScope);
  const fold = useStore((s) => s.searchFold);
  const sort = useStore((s) => s.searchSort);
  const filters = useStore((s) => s.searchFilters);
  const limit = useStore((s) => s.searchLimit);
  const outcome = useStore((s) => s.searchOutcome);
  const cursor = useStore((s) => s.searchCursor);
  const focusSeq = useStore((s) => s.searchFocusSeq);
  const store = useStore.getState;
  const inputRef = useRef<HTMLInputElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount(filters) > 0);
  const [collections, setCollections] = useState<Collection[]>([]);
  const reindexing = useJobs((s) => s.jobs.find((j) => j.info.kind === 'reindex'));

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusSeq]);

  useEffect(() => {
    let live = true;
    api['collections.list']({})
      .then((c) => live && setCollections(c))
      .catch(() => live && setCollections([]));
    return () => {
      live = false;
    };
  }, []);

  // Typing waits for a pause; a switch or filter asks at once. Opening the panel asks again (the library may have changed).
  const lastQuery = useRef<string | null>(null);
  useEffect(() => {
    const typed = lastQuery.current !== null && lastQuery.current !== query;
    lastQuery.current = query;
    if (typed) scheduleSearch();
    else void runSearch();
  }, [query, scope, fold, sort, filters, limit]);

  const groups = outcome.result?.groups ?? [];
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const firstIndex = useMemo(() => {
    const out: number[] = [];
    let n = 0;
    for (const g of groups) {
      out.push(n);
      n += g.hits.length;
    }
    return out;
  }, [groups]);

  const open = (hit: SearchHit, index: number) => {
    store().setSearchCursor(index);
    void openSearchHit(hit, outcome.scope);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (e.target instanceof HTMLSelectElement || flat.length === 0) return;
      e.preventDefault();
      const next = Math.max(0, Math.min(flat.length - 1, cursor + (e.key === 'ArrowDown' ? 1 : -1)));
      store().setSearchCursor(next);
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      // Enter before the pause has run the query: ask now rather than open a stale line.
      if (outcome.query !== query.trim() || outcome.status === 'loading') void runSearch();
      else if (flat[cursor]) open(flat[cursor], cursor);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      store().closeSearch();
    }
  };

  const listed = flat.length;
  const total = outcome.result?.total ?? 0;
  const nFilters = activeFilterCount(filters);
  const trimmed = query.trim();

  return (
    <aside className="search-panel" data-testid="search-panel" aria-label={t('searchTitle')} onKeyDown={onKeyDown}>
      <div className="search-head">
        <div className="panel-title">{t('searchTitle')}</div>
        <button
          type="button"
          className="icon reindex"
          data-testid="search-reindex"
          title={t('reindexHint')}
          aria-label={t('reindexAction')}
          disabled={Boolean(reindexing)}
          onClick={() => void rebuildSearchIndex()}
        >
          ⟳
        </button>
        <button type="button" className="icon" data-testid="search-close" title={t('closeSearch') + ' (Esc)'} aria-label={t('closeSearch')} onClick={() => store().closeSearch()}>
          ×
        </button>
      </div>
      <div className="search-box">
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          data-testid="search-input"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchTitle')}
          value={query}
          spellCheck={false}
          onChange={(e) => store().setSearchQuery(e.target.value)}
        />
        {query && (
          <button type="button" className="icon clear" title={t('clearQuery')} aria-label={t('clearQuery')} onClick={() => {
            store().setSearchQuery('');
            inputRef.current?.focus();
          }}>
            ×
          </button>
        )}
      </div>
      <SyntaxHint />
      <div className="search-options">
        <div className="segmented" role="radiogroup" aria-label={t('scopeLabel')}>
          {SCOPES.map(([value, label]) => (
            <button key={value} type="button" role="radio" aria-checked={scope === value} data-testid={`scope-${value}`} className={scope === value ? 'on' : ''} onClick={() => store().setSearchScope(value)}>
              {t(label)}
            </button>
          ))}
        </div>
        <label className="switch" title={t('foldHint')}>
          <input type="checkbox" data-testid="search-fold" checked={fold} onChange={(e) => store().setSearchFold(e.target.checked)} />
          <span className="switch-track" aria-hidden="true" />
          {t('foldLabel')}
        </label>
        <select className="sort" data-testid="search-sort" aria-label={t('sortLabel')} value={sort} onChange={(e) => store().setSearchSort(e.target.value as typeof sort)}>
          <option value="relevance">{t('sortRelevance')}</option>
          <option value="date">{t('sortDate')}</option>
        </select>
      </div>
      <div className="search-filter-bar">
        <button type="button" className="link-button" data-testid="toggle-filters" aria-expanded={filtersOpen} onClick={() => setFiltersOpen(!filtersOpen)}>
          <span className={'caret' + (filtersOpen ? '' : ' closed')} aria-hidden="true">
            ▾
          </span>
          {t('filters')}
          {nFilters > 0 && <span className="badge">{nFilters}</span>}
        </button>
        {nFilters > 0 && (
          <button type="button" className="link-button muted" onClick={() => store().setSearchFilters(NO_FILTERS)}>
            {t('clearFilters')}
          </button>
        )}
      </div>
      {filtersOpen && <Filters collections={collections} />}

      {reindexing && (
        <div className="search-reindexing" data-testid="search-reindexing">
          <JobProgress info={reindexing.info} label={reindexing.label} since={reindexing.since} cancelling={reindexing.cancelling} onCancel={reindexing.cancel} />
        </div>
      )}
      <Status />
      <AutocodeBar />
      <div className="search-results" data-testid="search-results">
        {!trimmed && <EmptyState />}
        {trimmed && outcome.status === 'error' && (
          <div className="search-message error" role="alert" data-testid="search-error">
            <strong>{t('searchFailed')}</strong>
            <p>{outcome.error}</p>
            <button type="button" onClick={() => void runSearch()}>
              {t('retry')}
            </button>
          </div>
        )}
        {trimmed && outcome.status === 'done' && outcome.result?.total === 0 && (
          <div className="search-message" data-testid="search-none">
            <strong>{fill(t('noResults'), { q: outcome.query })}</strong>
            <p>{t('noResultsHint')}</p>
          </div>
        )}
        {trimmed &&
          groups.map((g, i) => <ResultGroup key={g.documentId} group={g} firstIndex={firstIndex[i]} cursor={cursor} onOpen={open} />)}
        {trimmed && listed < total && limit < MAX_LIMIT && (
          <button type="button" className="show-more" data-testid="search-more" onClick={() => store().setSearchLimit(Math.min(MAX_LIMIT, limit + SEARCH_PAGE * 2))}>
            {fill(t('showMore'), { shown: listed, total })}
          </button>
        )}
      </div>
    </aside>
  );
}
