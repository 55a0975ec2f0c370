// Term tracking (提法): how often each term occurs in each document, in publication order, both scripts counted together.
import { useCallback, useMemo } from 'react';
import type { TermSeries } from '../../../shared/domain';
import { api } from '../api';
import { useT } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import { Chart } from './Chart';
import { useScreenPalette, type ChartPalette } from './palette';
import { Empty, Failed, Loading } from './states';
import { TermInput } from './TermInput';
import { termsHeight, termsOption, type TermRow } from './termsChart';
import { useQuery } from './useQuery';

/** With many documents only those where a term occurs are drawn; a short library shows its silences too. */
const SHOW_ZERO_ROWS_UP_TO = 60;
/** Beyond this many documents a row per document is unreadable: rows become months. */
const MAX_DOCUMENT_ROWS = 150;

/** One row per month of publication (undated documents together), counts summed. */
function byMonth(rows: TermRow[], label: (n: number) => string, undated: string): TermRow[] {
  const months = new Map<string, { row: TermRow; n: number }>();
  for (const r of rows) {
    const key = r.publishedAt ? r.publishedAt.slice(0, 7) : '';
    let m = months.get(key);
    if (!m) months.set(key, (m = { row: { documentId: key, title: '', publishedAt: key || null, counts: r.counts.map(() => 0) }, n: 0 }));
    m.n++;
    r.counts.forEach((c, k) => (m!.row.counts[k] += c));
  }
  return [...months.values()]
    .sort((a, b) => (!a.row.publishedAt ? 1 : !b.row.publishedAt ? -1 : a.row.publishedAt.localeCompare(b.row.publishedAt)))
    .map(({ row, n }) => ({ ...row, title: row.publishedAt ? label(n) : `${undated} · ${label(n)}` }));
}

interface TermSummary {
  term: string;
  total: number;
  documents: number;
  first: string | null;
  last: string | null;
}

function summarise(series: TermSeries[]): TermSummary[] {
  return series.map((s) => {
    const dated = s.points.filter((p) => p.count > 0 && p.publishedAt).map((p) => p.publishedAt!).sort();
    return { term: s.term, total: s.total, documents: s.points.filter((p) => p.count > 0).length, first: dated[0] ?? null, last: dated[dated.length - 1] ?? null };
  });
}

export function TermsView() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const docs = useStore((s) => s.docs);
  const terms = useStore((s) => s.terms);
  const fold = useStore((s) => s.termFold);
  const set = useStore((s) => s.setAnalysisParams);
  const palette = useScreenPalette();

  const docsKey = docs.map((d) => d.id + (d.publishedAt ?? '') + d.length).join(',');
  const ask = useCallback(() => api['analysis.terms']({ terms, fold }), [terms, fold]);
  const q = useQuery(terms.length ? ask : null, `${terms.join('\u0001')}|${fold}|${docsKey}`);
  const series = q.data;

  const { rows, hidden, monthly } = useMemo(() => {
    if (!series) return { rows: [] as TermRow[], hidden: 0, monthly: false };
    const byDoc = new Map<string, TermRow>();
    for (const d of docs) byDoc.set(d.id, { documentId: d.id, title: d.title || t('untitled'), publishedAt: d.publishedAt, counts: series.map(() => 0) });
    series.forEach((s, k) => {
      for (const p of s.points) {
        const row = byDoc.get(p.documentId) ?? { documentId: p.documentId, title: p.title, publishedAt: p.publishedAt, counts: series.map(() => 0) };
        row.counts[k] = p.count;
        byDoc.set(p.documentId, row);
      }
    });
    // Dated documents oldest first, then the undated ones in library order.
    const all = [...byDoc.values()];
    const order = new Map(docs.map((d, i) => [d.id, i]));
    all.sort((a, b) => {
      if (a.publishedAt && b.publishedAt) return a.publishedAt.localeCompare(b.publishedAt) || (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0);
      if (a.publishedAt || b.publishedAt) return a.publishedAt ? -1 : 1;
      return (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0);
    });
    if (all.length <= SHOW_ZERO_ROWS_UP_TO) return { rows: all, hidden: 0, monthly: false };
    const some = all.filter((r) => r.counts.some((c) => c > 0));
    if (some.length > MAX_DOCUMENT_ROWS) return { rows: byMonth(some, (n) => fill(t('anDocsInMonth'), { n: formatCount(n, lang) }), t('anUndated')), hidden: all.length - some.length, monthly: true };
    return { rows: some, hidden: all.length - some.length, monthly: false };
  }, [series, docs, lang]);

  const shownTerms = series?.map((s) => s.term) ?? terms;
  const summary = useMemo(() => (series ? summarise(series) : []), [series]);
  const anyHit = summary.some((s) => s.total > 0);
  const title = fill(t('anTitleScope'), { title: t('anTermsTitle'), scope: shownTerms.join('、') });
  const build = useCallback(
    (p: ChartPalette) => termsOption(shownTerms, rows, p, { undated: t('anUndated'), axis: t('anOccurrencesAxis'), unit: t('anUnitTimes'), line: t('anTipLine') }),
    [rows, shownTerms.join('\u0001'), lang],
  );

  return (
    <section className="an-page" data-testid="an-terms">
      <div className="an-toolbar an-toolbar-terms">
        <TermInput terms={terms} onChange={(next) => set({ terms: next })} colors={palette.series} />
        <label className="switch" title={t('foldHint')}>
          <input type="checkbox" data-testid="an-term-fold" checked={fold} onChange={(e) => set({ termFold: e.target.checked })} />
          <span className="switch-track" aria-hidden="true" />
          {t('foldLabel')}
        </label>
      </div>
      <div className="an-scroll">
        {terms.length === 0 && <Empty title={t('anTermsEmpty')}>{t('anTermsEmptyHint')}</Empty>}
        {terms.length > 0 && q.status === 'error' && <Failed error={q.error ?? ''} retry={q.reload} />}
        {terms.length > 0 && q.status === 'loading' && !series && <Loading />}
        {series && terms.length > 0 && (
          <>
            <table className="an-table an-term-table" data-testid="an-term-table">
              <thead>
                <tr>
                  <th>{t('anTerm')}</th>
                  <th className="num">{t('anOccurrences')}</th>
                  <th className="num">{t('anDocuments')}</th>
                  <th>{t('anFirstSeen')}</th>
                  <th>{t('anLastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s, k) => (
                  <tr key={s.term}>
                    <td>
                      <span className="swatch" style={{ background: palette.series[k % palette.series.length] }} /> {s.term}
                    </td>
                    <td className="num" data-testid="an-term-total" data-term={s.term} data-count={s.total}>
                      {formatCount(s.total, lang)}
                    </td>
                    <td className="num">{formatCount(s.documents, lang)}</td>
                    <td className="muted">{s.first ?? '—'}</td>
                    <td className="muted">{s.last ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!anyHit && <Empty title={t('anTermsNone')}>{t('anTermsNoneHint')}</Empty>}
            {anyHit && rows.length > 0 && <Chart build={build} height={termsHeight(rows.length, shownTerms.length)} title={title} testId="an-terms-chart" />}
            {monthly && <p className="muted small an-note">{t('anByMonth')}</p>}
            {hidden > 0 && <p className="muted small an-note">{fill(t('anHiddenDocs'), { n: formatCount(hidden, lang) })}</p>}
          </>
        )}
      </div>
    </section>
  );
}
