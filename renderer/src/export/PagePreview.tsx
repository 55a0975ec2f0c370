// The live preview: the first page(s) as the backend draws them from the export's own model, fetched a
// moment after the last change and drawn at a reduced scale on a paper-coloured page.
import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import { api } from '../api';
import { useT } from '../i18n';

const DEBOUNCE_MS = 250;

// An A4 page in CSS pixels, and the handout's cover and contents drawn beside it as thumbnails.
const PAGE = { width: 794, height: 1123 };
const THUMB = 0.36;
const GAP = 20;

/** The scale at which the first page fits the pane, thumbnails included. */
function useFitZoom(withThumbs: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(0.5);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const width = PAGE.width + (withThumbs ? PAGE.width * THUMB + GAP : 0);
      const z = Math.min((el.clientWidth - 40) / width, (el.clientHeight - 36) / PAGE.height);
      setZoom(Math.max(0.3, Math.min(1, z)));
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [withThumbs]);
  return { ref, zoom };
}

export function PagePreview({ request }: { request: InputOf<'export.preview'> }) {
  const t = useT();
  const [html, setHtml] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);
  const latest = useRef(0);
  const key = JSON.stringify(request);
  const { ref, zoom } = useFitZoom(request.format === 'handout');

  useEffect(() => {
    const ticket = ++latest.current;
    setBusy(true);
    const timer = setTimeout(() => {
      api['export.preview'](JSON.parse(key) as InputOf<'export.preview'>).then(
        (r) => {
          if (ticket !== latest.current) return;
          setHtml(r.html);
          setError('');
          setBusy(false);
        },
        (err: unknown) => {
          if (ticket !== latest.current) return;
          setError(err instanceof Error ? err.message : String(err));
          setBusy(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return (
    <div ref={ref} className={'xp-preview' + (busy ? ' busy' : '')} data-testid="export-preview" aria-busy={busy}>
      {error ? (
        <p className="xp-preview-error" role="alert">
          {error}
        </p>
      ) : (
        // The backend escapes every text from the library and builds notes from their blocks: no raw HTML.
        <div className="xp-pages" style={{ zoom, ['--xp-thumb' as string]: THUMB, gap: GAP }} dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {busy && <div className="xp-preview-busy">{t('xpPreviewUpdating')}</div>}
    </div>
  );
}
