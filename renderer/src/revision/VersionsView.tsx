// The versions of the open document in the reader column: every saved text with why, when, who and how long,
// the changes between a version and the current text (or, for the current one, from the version before),
// the version's own text, and restoring it as a new version.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord, DocumentVersion } from '../../../shared/domain';
import { splitParagraphs } from '../../../shared/offsets';
import { api } from '../api';
import { useT } from '../i18n';
import { count, fill } from '../lib/importFormat';
import { useStore } from '../store';
import { restoreVersion, setMode } from './actions';
import { DiffView, PlainParagraphs } from './DiffView';
import { reasonKey, formatTime } from './format';
import { diffStats, diffText } from './textDiff';
import './revision.css';

type View = 'changes' | 'full' | 'text';

export function VersionsView({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [versions, setVersions] = useState<DocumentVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [view, setView] = useState<View>('changes');
  const [texts, setTexts] = useState<Map<number, string>>(new Map());
  const [restoring, setRestoring] = useState(false);
  const rowsRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    let live = true;
    api['versions.list']({ documentId: doc.id })
      .then((list) => {
        if (!live) return;
        const sorted = [...list].sort((a, b) => b.number - a.number);
        setVersions(sorted);
        // Open on what changed last: the version before the current one, compared with the current text.
        setSelected(sorted[1]?.number ?? sorted[0]?.number ?? null);
      })
      .catch((err) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [doc.id]);

  const current = versions?.find((v) => v.current) ?? versions?.[0] ?? null;
  const chosen = versions?.find((v) => v.number === selected) ?? null;
  // The current version is compared with the one before it; any other with the current text.
  const from = chosen && current ? (chosen.number === current.number ? (versions!.find((v) => v.number < chosen.number) ?? null) : chosen) : null;
  const to = from ? current : null;

  const textOf = (n: number) => (current && n === current.number ? doc.text : texts.get(n));

  useEffect(() => {
    const wanted = [chosen?.number, from?.number].filter((n): n is number => n !== undefined && n !== current?.number && !texts.has(n));
    if (!wanted.length) return;
    let live = true;
    Promise.all(wanted.map((number) => api['versions.get']({ documentId: doc.id, number })))
      .then((got) => {
        if (!live) return;
        setTexts((m) => {
          const next = new Map(m);
          for (const g of got) next.set(g.version.number, g.text);
          return next;
        });
      })
      .catch((err) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [chosen?.number, from?.number, current?.number, doc.id, texts]);

  const before = from ? textOf(from.number) : undefined;
  const after = to ? textOf(to.number) : undefined;
  const blocks = useMemo(() => (before !== undefined && after !== undefined ? diffText(before, after) : null), [before, after]);
  const stats = useMemo(() => (blocks ? diffStats(blocks) : null), [blocks]);
  const chosenText = chosen ? textOf(chosen.number) : undefined;
  const chosenParagraphs = useMemo(() => (chosenText !== undefined ? splitParagraphs(chosenText) : null), [chosenText]);

  // Esc goes back to reading, unless a field or dialog has it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const s = useStore.getState();
      if (s.exportOpen || s.helpOpen || s.importOpen) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      setMode('read');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const move = (delta: number) => {
    if (!versions || selected === null) return;
    const i = versions.findIndex((v) => v.number === selected);
    const next = versions[Math.max(0, Math.min(versions.length - 1, i + delta))];
    setSelected(next.number);
    requestAnimationFrame(() => rowsRef.current?.querySelector<HTMLElement>(`[data-version="${next.number}"] button`)?.focus());
  };

  const restore = async () => {
    if (!chosen) return;
    setRestoring(true);
    const ok = await restoreVersion(doc.id, chosen.number);
    if (!ok) setRestoring(false);
  };

  const viewButton = (v: View, label: string) => (
    <button type="button" role="tab" aria-selected={view === v} className={view === v ? 'on' : ''} onClick={() => setView(v)} data-testid={`version-view-${v}`}>
      {label}
    </button>
  );

  return (
    <div className="reader-scroll versions-view" data-testid="versions-view">
      <article className="reader-article versions-article">
        <header className="reader-header versions-header">
          <div className="versions-title">
            <div className="versions-kicker">{t('verTitle')}</div>
            <h1>{doc.title || t('untitled')}</h1>
          </div>
          <button type="button" className="versions-back" onClick={() => setMode('read')} data-testid="versions-close">
            {t('verBack')} <kbd>Esc</kbd>
          </button>
        </header>

        {error && <p className="rev-problem" role="alert">{error}</p>}
        {!versions && !error && <p className="hint">{t('loading')}</p>}

        {versions && (
          <table className="versions-table" data-testid="versions-table" aria-label={t('verTitle')}>
            <thead>
              <tr>
                <th>{t('verColNumber')}</th>
                <th>{t('verColReason')}</th>
                <th>{t('verColTime')}</th>
                <th>{t('verColAuthor')}</th>
                <th className="num">{t('verColLength')}</th>
              </tr>
            </thead>
            <tbody
              ref={rowsRef}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(e.key === 'ArrowDown' ? 1 : -1);
                }
              }}
            >
              {versions.map((v) => (
                <tr
                  key={v.number}
                  data-version={v.number}
                  data-testid="version-row"
                  className={(v.number === selected ? 'on' : '') + (v.current ? ' current' : '')}
                  onClick={() => setSelected(v.number)}
                >
                  <td>
                    <button type="button" className="version-pick" aria-pressed={v.number === selected} onClick={() => setSelected(v.number)}>
                      {fill(t('verNumber'), { n: v.number })}
                    </button>
                    {v.current && <span className="version-current">{t('verCurrent')}</span>}
                  </td>
                  <td>{t(reasonKey(v.reason))}</td>
                  <td className="version-time">{formatTime(v.createdAt, lang)}</td>
                  <td>{v.authorName || v.author}</td>
                  <td className="num">{count(v.length, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {chosen && current && (
          <section className="version-detail" aria-live="polite">
            <div className="version-detail-head">
              <h2 data-testid="version-compare-title">
                {from && to
                  ? fill(t('verCompare'), { from: from.number, to: to.number }) + (to.current ? t('verCompareCurrentSuffix') : '')
                  : fill(t('verNumber'), { n: chosen.number })}
              </h2>
              {stats && (
                <span className="version-stats" data-testid="version-stats">
                  {stats.changes === 0
                    ? t('verNoDifference')
                    : [
                        fill(t(stats.changes === 1 ? 'verStatsOne' : 'verStats'), { n: stats.changes, del: count(stats.deleted, lang), ins: count(stats.inserted, lang) }),
                        stats.breaksAdded ? fill(t('verBreaksAdded'), { n: stats.breaksAdded }) : '',
                        stats.breaksRemoved ? fill(t('verBreaksRemoved'), { n: stats.breaksRemoved }) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                </span>
              )}
              <span className="tools-gap" />
              {!chosen.current && (
                <button type="button" className="primary" disabled={restoring} onClick={() => void restore()} data-testid="version-restore" title={t('verRestoreTitle')}>
                  {restoring ? t('revSaving') : fill(t('verRestore'), { n: chosen.number })}
                </button>
              )}
            </div>
            <div className="version-views" role="tablist" aria-label={t('verViewLabel')}>
              {from && viewButton('changes', t('verViewChanges'))}
              {from && viewButton('full', t('verViewFull'))}
              {viewButton('text', fill(t('verViewText'), { n: chosen.number }))}
              {from && view !== 'text' && (
                <span className="diff-legend" aria-hidden="true">
                  <span>
                    <del className="diff-del">{t('verLegendSample')}</del> {fill(t('verLegendDel'), { n: from.number })}
                  </span>
                  <span>
                    <ins className="diff-ins">{t('verLegendSample')}</ins> {to?.current ? t('verLegendInsCurrent') : fill(t('verLegendIns'), { n: to?.number ?? 0 })}
                  </span>
                </span>
              )}
            </div>
            {view === 'text' || !from ? (
              chosenParagraphs ? (
                <div className="version-text" data-testid="version-text">
                  <PlainParagraphs paragraphs={chosenParagraphs} />
                </div>
              ) : (
                <p className="hint">{t('loading')}</p>
              )
            ) : blocks ? (
              stats && stats.changes === 0 && view === 'changes' ? (
                <p className="hint">{t('verSameText')}</p>
              ) : (
                <DiffView blocks={blocks} changesOnly={view === 'changes'} />
              )
            ) : (
              <p className="hint">{t('loading')}</p>
            )}
            {!from && <p className="hint">{t('verOnlyOne')}</p>}
          </section>
        )}
      </article>
    </div>
  );
}
