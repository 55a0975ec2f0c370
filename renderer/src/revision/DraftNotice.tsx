// The offer of a document's unsaved corrections (its draft): when they were last written, whether the text has
// changed since they began, and Resume / Discard. Shown above the text, never in the way of reading or typing.
import { useState } from 'react';
import type { DocumentDraft } from '../../../shared/domain';
import { useT } from '../i18n';
import { count, fill } from '../lib/importFormat';
import { useStore } from '../store';
import { formatWhen } from './format';
import './revision.css';

export function DraftNotice({
  draft,
  inEditor = false,
  onResume,
  onDiscard,
}: {
  draft: DocumentDraft;
  /** In edit mode: the editor shows the saved text until the user chooses. */
  inEditor?: boolean;
  onResume: () => void;
  onDiscard: () => Promise<unknown> | void;
}) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const versions = { base: draft.baseVersion, current: draft.currentVersion, next: draft.currentVersion + 1 };
  return (
    <section className={'rev-draft' + (draft.stale ? ' stale' : '')} aria-label={t('revDraftNoticeLabel')} data-testid="draft-notice" data-stale={draft.stale}>
      <span className="rev-draft-mark" aria-hidden="true">
        ✎
      </span>
      <div className="rev-draft-words" role="status">
        <p className="rev-draft-line">
          <strong>{fill(t('revDraftNotice'), { time: formatWhen(draft.modifiedAt, lang, t('revToday')) })}</strong>
          {' '}
          <span className="rev-draft-length">· {fill(t('revLengthOf'), { n: count(draft.length, lang) })}</span>
        </p>
        {draft.stale && (
          <p className="rev-draft-stale" data-testid="draft-stale">
            {fill(t('revDraftStale'), versions)} {fill(t('revDraftStaleHint'), versions)}
          </p>
        )}
        {inEditor && <p className="rev-draft-hint">{t('revDraftPending')}</p>}
      </div>
      <div className="rev-draft-actions">
        <button type="button" className="primary" disabled={busy} onClick={onResume} title={t('revDraftResumeTitle')} data-testid="draft-resume">
          {t('revDraftResume')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onDiscard();
            } finally {
              setBusy(false);
            }
          }}
          title={t('revDraftDiscardTitle')}
          data-testid="draft-discard"
        >
          {t('revDraftDiscard')}
        </button>
      </div>
    </section>
  );
}
