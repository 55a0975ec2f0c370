// Highlights a text change left without a place, at the top of the annotation tab: each with its quote, note
// and themes, re-attached to a passage the user selects in the reader, or deleted (undo brings it back).
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { fill } from '../lib/importFormat';
import { useStore } from '../store';
import { deleteOrphan, reattachToSelection, refreshOrphans } from './actions';
import './revision.css';

const NOTE_CHARS = 120;

export function OrphanList() {
  const t = useT();
  const doc = useStore((s) => s.doc);
  const annotations = useStore((s) => s.annotations);
  const orphans = useStore((s) => s.orphans);
  const themes = useStore((s) => s.themes);
  const [busy, setBusy] = useState<string | null>(null);

  // Any change to the document's highlights (a delete, its undo, a revision) may change the orphans.
  useEffect(() => {
    void refreshOrphans();
  }, [doc?.id, annotations]);

  const mine = doc ? orphans.filter((o) => o.documentId === doc.id) : [];
  if (mine.length === 0) return null;
  const themeById = new Map(themes.map((th) => [th.id, th]));

  return (
    <section className="orphans" data-testid="orphans" aria-labelledby="orphans-title">
      <div className="orphans-head">
        <span id="orphans-title" className="orphans-title">
          {t('revOrphansTitle')}
        </span>
        <span className="tool-count">{mine.length}</span>
      </div>
      <p className="orphans-hint">{t('revOrphansHint')}</p>
      <ul>
        {mine.map((o) => {
          const note = o.noteText.trim();
          return (
            <li key={o.id} className="orphan-item" data-testid="orphan-item" data-orphan-id={o.id}>
              <blockquote className="orphan-quote">{o.exact}</blockquote>
              {(o.themeIds.length > 0 || note) && (
                <div className="orphan-meta">
                  {o.themeIds.map((id) => {
                    const th = themeById.get(id);
                    return th ? (
                      <span key={id} className="orphan-theme">
                        <span className="swatch" style={{ background: th.color }} />
                        {th.name}
                      </span>
                    ) : null;
                  })}
                  {note && (
                    <span className="orphan-note" title={note}>
                      ✎ {note.length > NOTE_CHARS ? note.slice(0, NOTE_CHARS) + '…' : note}
                    </span>
                  )}
                </div>
              )}
              <div className="orphan-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy === o.id}
                  // Keep the reader's selection: the button must not take it away on press.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={async () => {
                    setBusy(o.id);
                    await reattachToSelection(o.id);
                    setBusy(null);
                  }}
                  title={t('revReattachTitle')}
                  aria-label={fill(t('revReattachLabel'), { quote: o.exact.slice(0, 20) })}
                  data-testid="orphan-reattach"
                >
                  {t('revReattach')}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={busy === o.id}
                  onClick={() => void deleteOrphan(o.id)}
                  aria-label={fill(t('revDeleteOrphanLabel'), { quote: o.exact.slice(0, 20) })}
                  data-testid="orphan-delete"
                >
                  {t('deleteAnnotation')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
