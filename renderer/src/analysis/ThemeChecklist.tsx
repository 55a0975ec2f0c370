// The codebook as a checklist for coded retrieval: type to narrow, Space to tick, counts beside each theme.
import { useMemo, useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { useT } from '../i18n';
import { formatCount } from '../search/format';
import { useStore } from '../store';
import { themeRows } from './themeTree';

interface Props {
  themes: Theme[];
  checked: string[];
  onChange: (ids: string[]) => void;
}

export function ThemeChecklist({ themes, checked, onChange }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => themeRows(themes), [themes]);
  const needle = filter.trim().toLowerCase();
  const visible = needle ? rows.filter((r) => r.path.toLowerCase().includes(needle) || r.theme.description.toLowerCase().includes(needle)) : rows;
  const on = new Set(checked);
  const toggle = (id: string) => onChange(on.has(id) ? checked.filter((x) => x !== id) : [...checked, id]);
  return (
    <div className="an-checklist" data-testid="an-theme-checklist">
      <input
        type="search"
        className="an-filter"
        placeholder={t('anFilterThemes')}
        aria-label={t('anFilterThemes')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul aria-label={t('themes')}>
        {visible.map((r) => (
          <li key={r.theme.id}>
            <label className={'an-check' + (on.has(r.theme.id) ? ' on' : '')} style={{ paddingLeft: 8 + (needle ? 0 : r.depth * 16) }} title={r.path}>
              <input type="checkbox" data-testid="an-theme-check" data-theme-name={r.theme.name} checked={on.has(r.theme.id)} onChange={() => toggle(r.theme.id)} />
              <span className="swatch" style={{ background: r.theme.color }} />
              <span className="an-check-name">{needle ? r.path : r.theme.name}</span>
              <span className="an-check-count">{formatCount(r.theme.annotationCount, lang)}</span>
            </label>
          </li>
        ))}
      </ul>
      {visible.length === 0 && <p className="muted small an-pad">{t(themes.length ? 'anNoThemeMatch' : 'noThemes')}</p>}
      {checked.length > 0 && (
        <button type="button" className="link-button muted an-pad" onClick={() => onChange([])}>
          {t('anClearSelection')}
        </button>
      )}
    </div>
  );
}
