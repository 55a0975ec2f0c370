// Memos on the open document and on the whole project, in the notes' rich-text editor; they save themselves.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { reportError } from '../actions';
import { RichTextEditor } from '../components/NoteEditor';
import { useT } from '../i18n';
import { useStore } from '../store';
import { saveMemo } from './actions';
import { formatStamp } from './HoverCard';

type Loaded = { status: 'loading' } | { status: 'ready'; json: string | null; modifiedAt: string | null } | { status: 'error' };

function MemoSection({ scope, documentId, title, placeholder, testId }: { scope: 'document' | 'project'; documentId?: string; title: string; placeholder: string; testId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    api['memos.get']({ scope, documentId })
      .then((m) => live && setLoaded({ status: 'ready', json: m?.noteJson ?? null, modifiedAt: m?.modifiedAt ?? null }))
      .catch((err: unknown) => {
        if (!live) return;
        reportError(err);
        setLoaded({ status: 'error' });
      });
    return () => {
      live = false;
    };
  }, [scope, documentId]);
  return (
    <section className={'memo-section ' + scope} data-testid={testId + '-section'}>
      {loaded.status === 'ready' ? (
        <RichTextEditor
          key={scope + (documentId ?? '')}
          className="memo"
          initialJson={loaded.json}
          save={(json, text) => saveMemo(scope, documentId, json, text)}
          title={title}
          placeholder={placeholder}
          testId={testId}
        />
      ) : (
        <div className="section-title">{title}</div>
      )}
      {loaded.status === 'ready' && loaded.modifiedAt && <div className="memo-stamp muted">{formatStamp(loaded.modifiedAt)}</div>}
    </section>
  );
}

export function MemoPanel() {
  const t = useT();
  const doc = useStore((s) => s.doc);
  return (
    <div className="memo-panel" data-testid="memo-panel">
      {doc ? (
        <>
          <div className="memo-doc-title">《{doc.title || t('untitled')}》</div>
          <MemoSection key={doc.id} scope="document" documentId={doc.id} title={t('docMemo')} placeholder={t('docMemoPlaceholder')} testId="doc-memo-editor" />
        </>
      ) : (
        <p className="hint">{t('memoNoDoc')}</p>
      )}
      <MemoSection scope="project" title={t('projectMemo')} placeholder={t('projectMemoPlaceholder')} testId="project-memo-editor" />
    </div>
  );
}
