import { openDocument } from '../actions';
import { useT } from '../i18n';
import { useStore } from '../store';

function shortDate(s: string | null): string {
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().slice(0, 10);
}

export function LibraryPanel() {
  const t = useT();
  const docs = useStore((s) => s.docs);
  const loaded = useStore((s) => s.docsLoaded);
  const current = useStore((s) => s.doc?.id);
  return (
    <nav className="library" data-testid="library">
      <div className="panel-title">{t('library')}</div>
      {loaded && docs.length === 0 && <p className="hint">{t('noDocuments')}</p>}
      <ul>
        {docs.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              data-testid="doc-item"
              className={'doc-item' + (d.id === current ? ' active' : '')}
              aria-current={d.id === current ? 'true' : undefined}
              onClick={() => void openDocument(d.id)}
            >
              <span className="doc-title">{d.title || t('untitled')}</span>
              <span className="doc-meta">
                {[d.source, d.publishedAt ? shortDate(d.publishedAt) : null].filter(Boolean).join(' · ')}
              </span>
              <span className="doc-count" data-testid="doc-count">
                {d.annotationCount} {t('highlights')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
