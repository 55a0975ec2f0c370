// After a revision: how many highlights kept their place, were moved or reshaped, or could not be placed,
// with each moved or unplaced highlight listed (its quote before → after) and a way to it.
import { useMemo, useState } from 'react';
import type { DocumentRecord, ReanchorEntry } from '../../../shared/domain';
import { paragraphIndexAt, paragraphStarts, splitParagraphs } from '../../../shared/offsets';
import { updateOpenDocumentMetadata } from '../documentActions';
import { useT } from '../i18n';
import { count, fill } from '../lib/importFormat';
import { useStore } from '../store';
import { jumpToAnnotation, jumpToOrphan, setMode } from './actions';
import { InlineDiff } from './DiffView';
import { methodKey, reasonKey } from './format';
import { diffChars } from './textDiff';
import './revision.css';

const LISTED = 30;
const QUOTE_CHARS = 60;

function clip(s: string): string {
  const chars = Array.from(s);
  return chars.length > QUOTE_CHARS ? chars.slice(0, QUOTE_CHARS).join('') + '…' : s;
}

/** The first paragraph when it reads as the title with a few characters changed (a typo fixed in both). */
function retitled(title: string, text: string): string | null {
  const end = text.indexOf('\n');
  const first = (end < 0 ? text : text.slice(0, end)).trim();
  if (!first || first === title || first.length > 200 || !title) return null;
  let changed = 0;
  let same = 0;
  for (const op of diffChars(title, first)) {
    const n = Array.from(op.text).length;
    if (op.kind === 'same') same += n;
    else changed += n;
  }
  return changed <= Math.max(2, Math.ceil(Array.from(title).length * 0.2)) && same >= Array.from(title).length * 0.6 ? first : null;
}

function TitleOffer({ doc, title }: { doc: DocumentRecord; title: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const ops = useMemo(() => diffChars(doc.title, title), [doc.title, title]);
  return (
    <div className="rev-title-offer" data-testid="summary-title-offer">
      <span>
        {t('revTitleOffer')} <span className="rev-quote">《<InlineDiff ops={ops} />》</span>
      </span>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const { source, byline, editor, url, publishedAt } = doc;
          await updateOpenDocumentMetadata({ title, source, byline, editor, url, publishedAt });
          setBusy(false);
        }}
        data-testid="summary-retitle"
      >
        {t('revTitleApply')}
      </button>
    </div>
  );
}

function EntryRow({ e, paragraphOf }: { e: ReanchorEntry; paragraphOf: (offset: number) => number }) {
  const t = useT();
  const orphan = e.outcome === 'orphaned';
  const ops = useMemo(() => (e.newExact !== null && e.newExact !== e.oldExact ? diffChars(clip(e.oldExact), clip(e.newExact)) : null), [e.oldExact, e.newExact]);
  const method = methodKey(e.method);
  return (
    <li className={'rev-entry ' + e.outcome} data-testid="summary-entry" data-outcome={e.outcome}>
      <span className="rev-outcome">{t(orphan ? 'revOutcome_orphaned' : 'revOutcome_adjusted')}</span>
      <span className="rev-quote">
        {ops ? <InlineDiff ops={ops} /> : clip(e.oldExact)}
        <span className="rev-where">
          {orphan || e.newStart === null
            ? t('revNoPlace')
            : fill(t('revMovedTo'), { n: paragraphOf(e.newStart) + 1 }) + (method ? ' · ' + t(method) : '')}
        </span>
      </span>
      {orphan ? (
        <button type="button" className="rev-go" onClick={() => jumpToOrphan(e.annotationId)} data-testid="summary-go">
          {t('revGoOrphan')}
        </button>
      ) : (
        <button type="button" className="rev-go" onClick={() => jumpToAnnotation(e.annotationId, e.newStart ?? 0, e.newEnd ?? 0)} data-testid="summary-go">
          {t('revGoTo')}
        </button>
      )}
    </li>
  );
}

export function RevisionSummary({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const report = useStore((s) => s.revisionReport);
  const close = useStore((s) => s.setRevisionReport);
  const [all, setAll] = useState(false);
  const starts = useMemo(() => paragraphStarts(splitParagraphs(doc.text)), [doc.text]);
  const newTitle = useMemo(() => retitled(doc.title, doc.text), [doc.title, doc.text]);
  if (!report || report.documentId !== doc.id) return null;
  // A highlight that only moved with the text around it (same quote) needs no look; one whose words changed does.
  const movedOnly = report.entries.filter((e) => e.outcome === 'adjusted' && e.newExact === e.oldExact).length;
  const notable = report.entries
    .filter((e) => e.outcome === 'orphaned' || (e.outcome === 'adjusted' && e.newExact !== e.oldExact))
    .sort((a, b) => (a.outcome === b.outcome ? a.oldStart - b.oldStart : a.outcome === 'orphaned' ? -1 : 1));
  const shown = all ? notable : notable.slice(0, LISTED);
  const total = report.kept + report.adjusted + report.orphaned;
  const pill = (kind: 'kept' | 'adjusted' | 'orphaned', n: number) => (
    <span className={'rev-pill ' + kind + (n === 0 ? ' zero' : '')} data-testid={`summary-${kind}`}>
      {t(`revCount_${kind}`)} <b>{count(n, lang)}</b>
    </span>
  );
  return (
    <section className="doc-panel rev-summary" data-testid="revision-summary" aria-label={t('revSummaryLabel')}>
      <div className="rev-summary-head">
        <div>
          <div className="panel-heading">
            {fill(t('revSavedAs'), { n: report.version.number })}
            <span className="muted"> · {t(reasonKey(report.version.reason))}</span>
          </div>
          <div className="rev-pills" role="status">
            {pill('kept', report.kept)}
            {pill('adjusted', report.adjusted)}
            {pill('orphaned', report.orphaned)}
          </div>
        </div>
        <div className="rev-summary-actions">
          <button type="button" onClick={() => setMode('versions')} data-testid="summary-versions">
            {t('revSeeChanges')}
          </button>
          <button type="button" className="icon rev-close" aria-label={t('close')} title={t('close')} onClick={() => close(null)} data-testid="summary-close">
            ×
          </button>
        </div>
      </div>
      {total === 0 ? (
        <p className="hint">{t('revNoHighlights')}</p>
      ) : notable.length === 0 ? (
        <p className="hint">{fill(t(movedOnly ? 'revAllQuotesKept' : 'revAllKept'), { n: count(total, lang) })}</p>
      ) : (
        <>
          {report.orphaned > 0 && <p className="hint rev-orphan-hint">{t('revOrphanHint')}</p>}
          <ul className="rev-entries">
            {shown.map((e) => (
              <EntryRow key={e.annotationId} e={e} paragraphOf={(o) => paragraphIndexAt(starts, o)} />
            ))}
          </ul>
          {movedOnly > 0 && <p className="hint rev-moved">{fill(t('revMovedOnly'), { n: count(movedOnly, lang) })}</p>}
          {notable.length > shown.length && (
            <button type="button" className="imp-link rev-more" onClick={() => setAll(true)}>
              {fill(t('revShowAllEntries'), { n: notable.length })}
            </button>
          )}
        </>
      )}
      {newTitle && <TitleOffer doc={doc} title={newTitle} />}
    </section>
  );
}
