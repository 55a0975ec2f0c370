import { useEffect, useMemo, useState } from 'react';
import type { Collection, DocumentSummary } from '../../../shared/domain';
import { openDocument } from '../actions';
import { useT } from '../i18n';
import { openImport, refreshCollections } from '../importActions';
import { fill } from '../lib/importFormat';
import { useStore } from '../store';
import { ScriptBadge } from './DocumentTools';

function shortDate(s: string | null): string {
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().slice(0, 10);
}

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

function DocItem({ d, current, nested }: { d: DocumentSummary; current: string | undefined; nested?: boolean }) {
  const t = useT();
  const active = d.id === current;
  return (
    <li>
      <button
        type="button"
        data-testid="doc-item"
        className={'doc-item' + (active ? ' active' : '') + (nested ? ' nested' : '')}
        aria-current={active ? 'true' : undefined}
        onClick={() => void openDocument(d.id)}
      >
        <span className="doc-title">{d.title || t('untitled')}</span>
        <span className="doc-meta">
          {d.script === 'traditional' || d.script === 'mixed' ? <ScriptBadge script={d.script} /> : null}
          {[d.source, d.publishedAt ? shortDate(d.publishedAt) : null].filter(Boolean).join(' · ')}
        </span>
        <span className="doc-count" data-testid="doc-count">
          {d.annotationCount} {t('highlights')}
        </span>
      </button>
    </li>
  );
}

function CollectionGroup({ entry, current }: { entry: Extract<Entry, { kind: 'collection' }>; current: string | undefined }) {
  const t = useT();
  const holdsCurrent = entry.docs.some((d) => d.id === current);
  const [open, setOpen] = useState(true);
  const expanded = open || holdsCurrent;
  return (
    <li className="collection" data-testid="collection" data-collection-id={entry.id}>
      <button type="button" className="collection-head" aria-expanded={expanded} onClick={() => setOpen(!expanded)}>
        <span className="collection-caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="collection-name" data-testid="collection-name">
          {entry.name || t('untitled')}
        </span>
        <span className="collection-count">{fill(t('libDocsInCollection'), { n: entry.docs.length })}</span>
      </button>
      {expanded && (
        <ul>
          {entry.docs.map((d) => (
            <DocItem key={d.id} d={d} current={current} nested />
          ))}
        </ul>
      )}
    </li>
  );
}

export function LibraryPanel() {
  const t = useT();
  const docs = useStore((s) => s.docs);
  const loaded = useStore((s) => s.docsLoaded);
  const current = useStore((s) => s.doc?.id);
  const collections = useStore((s) => s.collections);
  const entries = useMemo(() => group(docs, collections), [docs, collections]);

  // Collection names follow the documents: a new list may hold a new collection.
  const needsNames = docs.some((d) => d.collectionId && !collections.some((c) => c.id === d.collectionId));
  useEffect(() => {
    if (needsNames) void refreshCollections();
  }, [needsNames, docs]);

  return (
    <nav className="library" data-testid="library">
      <div className="panel-title">{t('library')}</div>
      {loaded && docs.length === 0 && (
        <div className="library-empty">
          <p className="hint">{t('noDocuments')}</p>
          <button type="button" className="primary" onClick={() => openImport()}>
            ⇪ {t('impTitle')}
          </button>
        </div>
      )}
      <ul>
        {entries.map((e) =>
          e.kind === 'doc' ? <DocItem key={e.doc.id} d={e.doc} current={current} /> : <CollectionGroup key={e.id} entry={e} current={current} />,
        )}
      </ul>
    </nav>
  );
}
