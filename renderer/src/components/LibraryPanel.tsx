// The library: documents in library order, the articles of a collection under its name. A tree of
// fixed-height rows, windowed when long (10,000 documents scroll as lightly as 17): ↑/↓, Home/End,
// PageUp/PageDown move, Enter opens a document or folds a collection, ←/→ fold and unfold.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Collection, DocumentSummary } from '../../../shared/domain';
import { openDocument } from '../actions';
import { useT } from '../i18n';
import { openImport, refreshCollections } from '../importActions';
import { fill } from '../lib/importFormat';
import { rowForKey, useVirtualRows } from '../lib/virtualRows';
import { useStore } from '../store';
import { ScriptBadge } from './DocumentTools';

/** Row heights in pixels, the 2 px gap below each row included (the stylesheet sizes the rows' text to fit). */
export const DOC_ROW_HEIGHT = 72;
/** A document without source or date has no meta line. */
export const SHORT_DOC_ROW_HEIGHT = 54;
export const COLLECTION_ROW_HEIGHT = 34;
const ROW_GAP = 2;

function shortDate(s: string | null): string {
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().slice(0, 10);
}

function metaLine(d: DocumentSummary): string {
  return [d.source, d.publishedAt ? shortDate(d.publishedAt) : null].filter(Boolean).join(' · ');
}

const hasMetaLine = (d: DocumentSummary) => Boolean(metaLine(d) || d.script === 'traditional' || d.script === 'mixed');

type Entry = { kind: 'doc'; doc: DocumentSummary } | { kind: 'collection'; id: string; name: string; docs: DocumentSummary[] };

/** Documents in library order; the articles of one collection gather where its first one stands. */
function group(docs: readonly DocumentSummary[], collections: readonly Collection[]): Entry[] {
  const names = new Map(collections.map((c) => [c.id, c.name]));
  const out: Entry[] = [];
  const byCollection = new Map<string, Extract<Entry, { kind: 'collection' }>>();
  for (const doc of docs) {
    const cid = doc.collectionId;
    if (!cid) {
      out.push({ kind: 'doc', doc });
      continue;
    }
    let entry = byCollection.get(cid);
    if (!entry) {
      entry = { kind: 'collection', id: cid, name: names.get(cid) ?? '', docs: [] };
      byCollection.set(cid, entry);
      out.push(entry);
    }
    entry.docs.push(doc);
  }
  for (const e of byCollection.values()) e.docs.sort((a, b) => a.collectionOrder - b.collectionOrder);
  // A collection left with a single article reads as a plain document.
  return out.map((e) => (e.kind === 'collection' && e.docs.length === 1 ? { kind: 'doc', doc: e.docs[0] } : e));
}

type Row =
  | { kind: 'doc'; doc: DocumentSummary; parent: number | null; pos: number; size: number }
  | { kind: 'collection'; entry: Extract<Entry, { kind: 'collection' }>; expanded: boolean; pos: number; size: number };

/** The tree as the rows on screen: a collection's documents follow it while it is unfolded. */
function flatten(entries: readonly Entry[], collapsed: ReadonlySet<string>, current: string | undefined): Row[] {
  const rows: Row[] = [];
  entries.forEach((e, i) => {
    if (e.kind === 'doc') {
      rows.push({ kind: 'doc', doc: e.doc, parent: null, pos: i + 1, size: entries.length });
      return;
    }
    // The collection holding the open document stays unfolded.
    const expanded = !collapsed.has(e.id) || e.docs.some((d) => d.id === current);
    const at = rows.length;
    rows.push({ kind: 'collection', entry: e, expanded, pos: i + 1, size: entries.length });
    if (expanded) e.docs.forEach((doc, k) => rows.push({ kind: 'doc', doc, parent: at, pos: k + 1, size: e.docs.length }));
  });
  return rows;
}

function DocRow({ row, index, current, cursor, top, height }: { row: Extract<Row, { kind: 'doc' }>; index: number; current: string | undefined; cursor: boolean; top: number; height: number }) {
  const t = useT();
  const d = row.doc;
  const active = d.id === current;
  return (
    <div
      role="treeitem"
      id={`lib-row-${index}`}
      aria-level={row.parent === null ? 1 : 2}
      aria-posinset={row.pos}
      aria-setsize={row.size}
      aria-selected={active}
      aria-current={active ? 'true' : undefined}
      data-testid="doc-item"
      data-document-id={d.id}
      className={'doc-item' + (active ? ' active' : '') + (row.parent !== null ? ' nested' : '') + (cursor ? ' cursor' : '')}
      style={{ top, height: height - ROW_GAP }}
      onClick={() => void openDocument(d.id)}
    >
      <span className="doc-title" title={d.title}>
        {d.title || t('untitled')}
      </span>
      {hasMetaLine(d) && (
        <span className="doc-meta">
          {d.script === 'traditional' || d.script === 'mixed' ? <ScriptBadge script={d.script} /> : null}
          {metaLine(d)}
        </span>
      )}
      <span className="doc-count" data-testid="doc-count">
        {d.annotationCount} {t(d.annotationCount === 1 ? 'highlightOne' : 'highlights')}
      </span>
    </div>
  );
}

function CollectionRow({ row, index, cursor, top, height, onToggle }: { row: Extract<Row, { kind: 'collection' }>; index: number; cursor: boolean; top: number; height: number; onToggle: () => void }) {
  const t = useT();
  const e = row.entry;
  return (
    <div
      role="treeitem"
      id={`lib-row-${index}`}
      aria-level={1}
      aria-posinset={row.pos}
      aria-setsize={row.size}
      aria-expanded={row.expanded}
      aria-selected={false}
      className={'collection-head' + (cursor ? ' cursor' : '')}
      data-testid="collection"
      data-collection-id={e.id}
      style={{ top, height: height - ROW_GAP }}
      onClick={onToggle}
    >
      <span className="collection-caret" aria-hidden="true">
        {row.expanded ? '▾' : '▸'}
      </span>
      <span className="collection-name" data-testid="collection-name" title={e.name}>
        {e.name || t('untitled')}
      </span>
      <span className="collection-count">{fill(t('libDocsInCollection'), { n: e.docs.length })}</span>
    </div>
  );
}

export function LibraryPanel() {
  const t = useT();
  const docs = useStore((s) => s.docs);
  const loaded = useStore((s) => s.docsLoaded);
  const current = useStore((s) => s.doc?.id);
  const collections = useStore((s) => s.collections);
  const entries = useMemo(() => group(docs, collections), [docs, collections]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => flatten(entries, collapsed, current), [entries, collapsed, current]);
  const [cursor, setCursor] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const rowHeight = useCallback((i: number) => {
    const row = rows[i];
    return row.kind === 'collection' ? COLLECTION_ROW_HEIGHT : hasMetaLine(row.doc) ? DOC_ROW_HEIGHT : SHORT_DOC_ROW_HEIGHT;
  }, [rows]);
  const win = useVirtualRows(listRef, rows.length, rowHeight);
  const { reveal } = win;

  // Collection names follow the documents: a new list may hold a new collection.
  const needsNames = docs.some((d) => d.collectionId && !collections.some((c) => c.id === d.collectionId));
  useEffect(() => {
    if (needsNames) void refreshCollections();
  }, [needsNames, docs]);

  // A newly opened document (here, from search or from a passage) becomes the cursor, scrolled into view;
  // a list refreshed under it (a count changed) leaves the scroll alone.
  const currentRow = useMemo(() => rows.findIndex((r) => r.kind === 'doc' && r.doc.id === current), [rows, current]);
  const revealedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (currentRow < 0 || revealedFor.current === current) return;
    revealedFor.current = current;
    setCursor(currentRow);
    reveal(currentRow);
  }, [current, currentRow, reveal]);

  const at = Math.min(cursor, rows.length - 1);
  const toggle = (id: string, open?: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open ?? prev.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const moveTo = (i: number) => {
    setCursor(i);
    reveal(i);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[at];
    if (!row) return;
    const next = rowForKey(e.key, at, rows.length, win.pageRows);
    if (next !== null) {
      e.preventDefault();
      moveTo(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (row.kind === 'doc') void openDocument(row.doc.id);
      else toggle(row.entry.id);
    } else if (e.key === 'ArrowRight' && row.kind === 'collection') {
      e.preventDefault();
      if (!row.expanded) toggle(row.entry.id, true);
      else if (rows[at + 1]?.kind === 'doc') moveTo(at + 1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (row.kind === 'collection' && row.expanded) toggle(row.entry.id, false);
      else if (row.kind === 'doc' && row.parent !== null) moveTo(row.parent);
    }
  };

  const shown: number[] = [];
  for (let i = win.first; i < win.last; i++) shown.push(i);
  // The cursor row stays in the DOM (aria-activedescendant points at it) even when scrolled away.
  if (at >= 0 && (at < win.first || at >= win.last)) shown.push(at);

  return (
    <nav className="library" data-testid="library" aria-label={t('library')}>
      <div className="panel-title" id="library-title">
        {t('library')}
        {docs.length > 0 && <span className="library-total">{docs.length.toLocaleString()}</span>}
      </div>
      {loaded && docs.length === 0 && (
        <div className="library-empty">
          <p className="hint">{t('noDocuments')}</p>
          <button type="button" className="primary" onClick={() => openImport()}>
            ⇪ {t('impTitle')}
          </button>
        </div>
      )}
      <div
        ref={listRef}
        className="library-list"
        role="tree"
        aria-labelledby="library-title"
        tabIndex={rows.length ? 0 : -1}
        aria-activedescendant={at >= 0 ? `lib-row-${at}` : undefined}
        data-testid="library-list"
        data-windowed={win.windowed}
        onKeyDown={onKeyDown}
        onScroll={win.onScroll}
      >
        <div className="library-spacer" style={{ height: win.totalHeight }}>
          {shown.map((i) => {
            const row = rows[i];
            return row.kind === 'doc' ? (
              <DocRow key={row.doc.id} row={row} index={i} current={current} cursor={i === at} top={win.top(i)} height={win.height(i)} />
            ) : (
              <CollectionRow
                key={row.entry.id}
                row={row}
                index={i}
                cursor={i === at}
                top={win.top(i)}
                height={win.height(i)}
                onToggle={() => {
                  setCursor(i);
                  toggle(row.entry.id);
                }}
              />
            );
          })}
        </div>
      </div>
    </nav>
  );
}
