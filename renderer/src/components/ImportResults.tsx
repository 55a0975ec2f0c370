import type { ImportFileResult } from '../../../shared/domain';
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { useT, type Key } from '../i18n';
import { cancelImport, openImported, reimportWithEncoding } from '../importActions';
import { localizeImportMessage } from '../lib/importErrors';
import { bytes, count, encodingName, fill, formatName, percent, ruleName } from '../lib/importFormat';
import { useStore, type ImportEncoding, type ImportRow } from '../store';
import { IMPORT_ENCODINGS } from '../store/importSlice';

type Outcome = 'imported' | 'duplicate' | 'failed' | 'queued' | 'working' | 'cancelled';

function outcome(r: ImportRow): Outcome {
  if (r.problem) return 'failed';
  if (r.state !== 'done') return r.state;
  return r.result?.status ?? 'failed';
}

const STATUS_KEY: Record<Outcome, Key> = {
  imported: 'impStatusImported',
  duplicate: 'impStatusDuplicate',
  failed: 'impStatusFailed',
  queued: 'impStatusQueued',
  working: 'impStatusWorking',
  cancelled: 'impStatusCancelled',
};

const STATUS_ICON: Record<Outcome, string> = {
  imported: '✓',
  duplicate: '=',
  failed: '✕',
  queued: '·',
  working: '',
  cancelled: '–',
};

export function ImportProgress() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const rows = useStore((s) => s.importRows);
  const running = useStore((s) => s.importRunning);
  const cancelling = useStore((s) => s.importCancelling);
  const skipped = useStore((s) => s.importSkipped);
  const fileRows = rows.filter((r) => !r.pasted);
  if (fileRows.length === 0) return skipped > 0 ? <p className="imp-note">{fill(t('impSkipped'), { n: skipped })}</p> : null;

  const finished = fileRows.filter((r) => r.state === 'done' || r.state === 'cancelled');
  const current = fileRows.find((r) => r.state === 'working');
  // Refused files are never read, so their bytes count for nothing.
  const sent = (r: ImportRow) => (r.problem ? 0 : r.size);
  const totalBytes = fileRows.reduce((sum, r) => sum + sent(r), 0);
  const doneBytes = finished.reduce((sum, r) => sum + sent(r), 0);
  const fraction = totalBytes > 0 ? doneBytes / totalBytes : finished.length / fileRows.length;
  const index = Math.min(fileRows.length, finished.length + 1);

  const tally = (o: Outcome) => rows.filter((r) => outcome(r) === o).length;
  const documents = rows.reduce((n, r) => n + (r.result?.status === 'imported' ? r.result.documents.length : 0), 0);
  const parts = [
    tally('imported') > 0 && fill(t('impSummaryImported'), { n: tally('imported'), docs: documents }),
    tally('duplicate') > 0 && fill(t('impSummaryDuplicate'), { n: tally('duplicate') }),
    tally('failed') > 0 && fill(t('impSummaryFailed'), { n: tally('failed') }),
    tally('cancelled') > 0 && fill(t('impSummaryCancelled'), { n: tally('cancelled') }),
  ].filter(Boolean);

  return (
    <section className={'imp-progress' + (running ? ' running' : '')} data-testid="import-progress" aria-live="polite">
      <div
        className="imp-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={fileRows.length}
        aria-valuenow={finished.length}
        data-testid="import-progress-bar"
      >
        <div className="imp-bar-fill" style={{ width: `${Math.round((running ? fraction : 1) * 100)}%` }} />
      </div>
      <div className="imp-progress-line">
        {running ? (
          <span className="imp-progress-text" data-testid="import-progress-text">
            <strong>{fill(t('impProgress'), { i: index, n: fileRows.length })}</strong>
            {current && <span className="imp-current"> · {current.path}</span>}
          </span>
        ) : (
          <span className="imp-progress-text" data-testid="import-summary">
            <strong>{fill(t('impProgressDone'), { n: fileRows.length })}</strong>
            {parts.length > 0 && ' · ' + parts.join(' · ')}
          </span>
        )}
        <span className="imp-bytes" data-testid="import-bytes">
          {bytes(doneBytes, lang)} / {bytes(totalBytes, lang)}
        </span>
        {running ? (
          <button type="button" data-testid="import-cancel" disabled={cancelling} onClick={cancelImport}>
            {cancelling ? t('impCancelling') : t('impCancel')}
          </button>
        ) : (
          <button type="button" className="imp-clear" onClick={() => useStore.getState().addImportRows([], 0, true)}>
            {t('impClear')}
          </button>
        )}
      </div>
      {skipped > 0 && <p className="imp-note">{fill(t('impSkipped'), { n: skipped })}</p>}
    </section>
  );
}

function problemText(t: (k: Key) => string, row: ImportRow, lang: string): string {
  if (row.problem === 'tooLarge') return fill(t('impTooLarge'), { size: bytes(row.size, lang), max: bytes(MAX_IMPORT_BYTES, lang) });
  if (row.problem === 'unsupported') return t('impUnsupported');
  return t('impUnreadable');
}

function ReadingFacts({ result }: { result: ImportFileResult }) {
  const t = useT();
  const p = percent(result.confidence);
  const facts = [
    formatName(t, result.format),
    result.encoding ? encodingName(result.encoding) + (p !== null ? ` (${fill(t('impConfidence'), { p })})` : '') : '',
  ].filter(Boolean);
  if (facts.length === 0) return null;
  return (
    <span className="imp-facts" data-testid="import-facts">
      {facts.join(' · ')}
    </span>
  );
}

function CleaningChips({ result }: { result: ImportFileResult }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const removed = result.rules.filter((r) => r.chars > 0);
  if (removed.length === 0 && result.mojibakeParagraphs === 0) return null;
  return (
    <div className="imp-chips" data-testid="import-rules">
      {removed.length > 1 && <span className="imp-chip total">{fill(t('impRemovedTotal'), { n: count(result.charsRemoved, lang) })}</span>}
      {removed.map((r) => (
        <span key={r.rule} className="imp-chip" data-rule={r.rule}>
          {ruleName(t, r.rule)} <span className="muted">{fill(t('impRuleCount'), { count: r.count, chars: count(r.chars, lang) })}</span>
        </span>
      ))}
      {result.mojibakeParagraphs > 0 && (
        <span className="imp-chip warn" data-testid="import-mojibake">
          ⚠ {fill(t('impMojibake'), { n: result.mojibakeParagraphs })}
        </span>
      )}
    </div>
  );
}

function Reimport({ row }: { row: ImportRow }) {
  const t = useT();
  const running = useStore((s) => s.importRunning);
  return (
    <select
      className="imp-reimport"
      value=""
      disabled={running}
      data-testid="import-reimport"
      aria-label={t('impReimportTitle')}
      title={t('impReimportTitle')}
      onChange={(e) => e.target.value && void reimportWithEncoding(row.key, e.target.value as ImportEncoding)}
    >
      <option value="">{t('impReimport')}</option>
      {IMPORT_ENCODINGS.filter((enc) => enc !== row.result?.encoding?.toLowerCase()).map((enc) => (
        <option key={enc} value={enc}>
          {encodingName(enc)}
        </option>
      ))}
    </select>
  );
}

function ResultRow({ row }: { row: ImportRow }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const o = outcome(row);
  const result = row.state === 'done' ? row.result : null;
  const docs = result?.documents ?? [];
  const canReimport = !row.pasted && !row.problem && result !== null && result.encoding !== null && o !== 'failed';
  return (
    <li className={'imp-row ' + o} data-testid="import-row" data-status={o} data-file={row.path}>
      <span className={'imp-icon ' + o} aria-hidden="true">
        {STATUS_ICON[o]}
      </span>
      <div className="imp-row-main">
        <div className="imp-row-head">
          <span className="imp-file" title={row.path}>
            {row.path}
          </span>
          {result && <ReadingFacts result={result} />}
          {canReimport && <Reimport row={row} />}
          <span className="imp-size">{bytes(row.size, lang)}</span>
        </div>
        <div className={'imp-status' + (o === 'imported' ? ' sr-only' : '')} data-testid="import-status">
          {t(STATUS_KEY[o])}
          {o === 'failed' && <span className="imp-error">{row.problem ? problemText(t, row, lang) : localizeImportMessage(result?.error || '', lang)}</span>}
        </div>
        {docs.length > 0 && (
          <div className="imp-docs">
            {docs.length > 1 && <span className="imp-split-label">{fill(t('impSplitInto'), { n: docs.length })}</span>}
            <ol className={docs.length > 1 ? 'many' : ''}>
              {docs.map((d) => (
                <li key={d.id}>
                  <button type="button" className="imp-link" data-testid="import-doc" onClick={() => void openImported(d.id)}>
                    {d.title || t('untitled')}
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
        {result && <CleaningChips result={result} />}
        {result && result.warnings.length > 0 && (
          <ul className="imp-warnings" data-testid="import-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}>{localizeImportMessage(w, lang)}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export function ImportResults() {
  const t = useT();
  const rows = useStore((s) => s.importRows);
  if (rows.length === 0) return <p className="imp-empty">{t('impEmpty')}</p>;
  return (
    <ul className="imp-results" data-testid="import-results">
      {rows.map((r) => (
        <ResultRow key={r.key} row={r} />
      ))}
    </ul>
  );
}
