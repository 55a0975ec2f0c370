// The selected theme: colour, name, where it sits, its key 1–9, description and memo; merge and delete.
import { updateTheme } from '../actions';
import { RichTextEditor } from '../components/NoteEditor';
import { useT } from '../i18n';
import { fill } from '../search/format';
import { useStore } from '../store';
import { pinTheme, saveThemeMemo } from './actions';
import { ColorInput, InlineText } from './fields';

const SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function ThemeDetails() {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const selectedId = useStore((s) => s.selectedThemeId);
  const setDialog = useStore((s) => s.setThemeDialog);
  const theme = themes.find((x) => x.id === selectedId);
  if (!theme) return <p className="hint theme-details-empty">{t('selectThemeHint')}</p>;

  const byId = new Map(themes.map((x) => [x.id, x]));
  const path: string[] = [];
  for (let p = theme.parentId ? byId.get(theme.parentId) : undefined; p && path.length < 50; p = p.parentId ? byId.get(p.parentId) : undefined) path.unshift(p.name);

  return (
    <section className="theme-details" data-testid="theme-details" aria-label={t('themeDetails')}>
      <div className="td-head">
        <ColorInput value={theme.color} label={t('themeColor')} testId="theme-color" onCommit={(color) => void updateTheme(theme, { color })} />
        <InlineText className="td-name" value={theme.name} label={t('renameTheme')} testId="details-name" onCommit={(name) => void updateTheme(theme, { name })} />
      </div>
      {path.length > 0 && <div className="td-path">{path.join(' › ')} ›</div>}
      <div className="td-meta">
        <span data-testid="details-count">{fill(t('themeHighlightsN'), { n: theme.annotationCount })}</span>
        <label className="td-pin">
          <span>{t('pinSlot')}</span>
          <select
            data-testid="pin-select"
            value={theme.pinned ?? ''}
            onChange={(e) => void pinTheme(theme, e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('pinNone')}</option>
            {SLOTS.map((n) => {
              const holder = themes.find((x) => x.pinned === n && x.id !== theme.id);
              return (
                <option key={n} value={n}>
                  {holder ? `${n} · ${holder.name}` : n}
                </option>
              );
            })}
          </select>
        </label>
      </div>
      <InlineText
        className="theme-desc"
        multiline
        value={theme.description}
        placeholder={t('description')}
        testId="theme-description"
        onCommit={(description) => void updateTheme(theme, { description })}
      />
      <RichTextEditor
        key={theme.id}
        className="memo"
        initialJson={theme.memoJson}
        save={(json, text) => saveThemeMemo(theme.id, json, text)}
        title={t('themeMemo')}
        placeholder={t('memoPlaceholder')}
        testId="theme-memo-editor"
      />
      <div className="row-end">
        <button type="button" data-testid="merge-theme" onClick={() => setDialog({ kind: 'merge', themeId: theme.id })}>
          {t('mergeThemeEllipsis')}
        </button>
        <button type="button" className="danger" data-testid="delete-theme" onClick={() => setDialog({ kind: 'delete', themeId: theme.id })}>
          {t('deleteThemeEllipsis')}
        </button>
      </div>
    </section>
  );
}
