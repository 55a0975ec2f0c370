// Which themes an export covers: the codebook as an indented list of checkboxes. Ticking a theme ticks
// its sub-themes; "all" is remembered as no selection, so themes added later are included too.
import type { Theme } from '../../../shared/domain';
import { descendantIds, treeRows } from '../codebook/tree';
import { useT } from '../i18n';
import { fill } from '../lib/importFormat';

interface Props {
  themes: Theme[];
  /** null: every theme. */
  value: string[] | null;
  onChange: (ids: string[] | null) => void;
}

export function ThemeChecklist({ themes, value, onChange }: Props) {
  const t = useT();
  if (!themes.length) return <p className="xp-note">{t('xpNoThemes')}</p>;
  const rows = treeRows(themes);
  const chosen = new Set(value ?? themes.map((x) => x.id));
  const set = (next: Set<string>) => onChange(next.size === themes.length ? null : rows.map((r) => r.theme.id).filter((id) => next.has(id)));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    for (const x of [id, ...descendantIds(themes, id)]) {
      if (on) next.add(x);
      else next.delete(x);
    }
    set(next);
  };
  return (
    <div className="xp-themes">
      <div className="xp-themes-head">
        <span className="xp-themes-count" data-testid="export-theme-count">
          {value === null ? t('xpAllThemes') : fill(t('xpThemesChosen'), { n: chosen.size, all: themes.length })}
        </span>
        <button type="button" className="link" onClick={() => onChange(null)} disabled={value === null}>
          {t('xpSelectAll')}
        </button>
        <button type="button" className="link" onClick={() => onChange([])} disabled={value !== null && value.length === 0}>
          {t('xpSelectNone')}
        </button>
      </div>
      <ul className="xp-theme-list" role="group" aria-label={t('xpThemes')}>
        {rows.map(({ theme, depth }) => (
          <li key={theme.id} style={{ paddingLeft: depth * 16 }}>
            <label>
              <input
                type="checkbox"
                data-testid="export-theme"
                data-theme-name={theme.name}
                checked={chosen.has(theme.id)}
                onChange={(e) => toggle(theme.id, e.target.checked)}
              />
              <span className="xp-swatch" style={{ background: theme.color }} aria-hidden="true" />
              <span className="xp-theme-name">{theme.name}</span>
              <span className="xp-theme-n">{theme.annotationCount}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
