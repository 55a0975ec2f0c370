import { addThemeToAnnotation, deleteAnnotation, removeThemeFromAnnotation } from '../actions';
import { treeRows } from '../codebook/tree';
import { useT } from '../i18n';
import { useStore } from '../store';
import { NoteEditor } from './NoteEditor';

function snippet(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

export function AnnotationPanel() {
  const t = useT();
  const annotations = useStore((s) => s.annotations);
  const activeId = useStore((s) => s.activeId);
  const themes = useStore((s) => s.themes);
  const setActive = useStore((s) => s.setActive);
  const doc = useStore((s) => s.doc);
  const active = annotations.find((a) => a.id === activeId) ?? null;
  const themeById = new Map(themes.map((th) => [th.id, th]));

  return (
    <div className="annotation-panel" data-testid="annotation-panel">
      {active ? (
        <section className="annotation-detail" key={active.id}>
          <blockquote className="quote" data-testid="annotation-quote">
            {active.exact}
          </blockquote>
          <div className="section-title">{t('themesOfAnnotation')}</div>
          <div className="chips">
            {active.themeIds.map((id) => {
              const th = themeById.get(id);
              if (!th) return null;
              return (
                <span className="chip" key={id} data-testid="theme-chip" data-theme-name={th.name}>
                  <span className="swatch" style={{ background: th.color }} />
                  {th.name}
                  <button
                    type="button"
                    className="chip-x"
                    title={t('removeTheme')}
                    aria-label={t('removeTheme') + ' ' + th.name}
                    onClick={() => void removeThemeFromAnnotation(active.id, id)}
                  >
                    ×
                  </button>
                </span>
              );
            })}
            <select
              className="add-theme"
              data-testid="add-theme-select"
              value=""
              onChange={(e) => {
                if (e.target.value) void addThemeToAnnotation(active.id, e.target.value);
              }}
            >
              <option value="">{t('addTheme')}</option>
              {treeRows(themes)
                .filter((r) => !active.themeIds.includes(r.theme.id))
                .map((r) => (
                  <option key={r.theme.id} value={r.theme.id}>
                    {'\u3000'.repeat(r.depth) + r.theme.name}
                  </option>
                ))}
            </select>
          </div>
          <NoteEditor key={active.id} annotation={active} />
          <div className="row-end">
            <button
              type="button"
              className="danger"
              data-testid="delete-annotation"
              onClick={() => void deleteAnnotation(active.id)}
            >
              {t('deleteAnnotation')}
            </button>
          </div>
        </section>
      ) : (
        <p className="hint">{t('noAnnotation')}</p>
      )}
      {doc && (
        <section className="annotation-list">
          <div className="section-title">
            {t('annotationsInDoc')} <span className="muted">({annotations.length})</span>
          </div>
          {annotations.length === 0 && <p className="hint">{t('noAnnotationsInDoc')}</p>}
          <ul>
            {annotations.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  data-testid="annotation-item"
                  className={'ann-item' + (a.id === activeId ? ' active' : '')}
                  onClick={() => setActive(a.id)}
                >
                  <span className="ann-swatches">
                    {a.themeIds.length === 0 && <span className="swatch plain" />}
                    {a.themeIds.map((id) => (
                      <span key={id} className="swatch" style={{ background: themeById.get(id)?.color ?? '#999' }} />
                    ))}
                  </span>
                  <span className="ann-text">{snippet(a.exact)}</span>
                  {a.noteText.trim() && <span className="ann-note">✎</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
