// Settings (Ctrl+, or the top bar's ⚙): language, appearance, reading text size, recent documents.
// Every change applies at once and is saved in the library (settings/preferences.ts).
import { useEffect } from 'react';
import { READER_FONT_SIZE } from '../../../shared/preferences';
import { openDocument } from '../actions';
import { useT, type Key } from '../i18n';
import { useStore } from '../store';
import type { ThemePreference } from '../store';
import { changeReaderFontSize } from './preferences';
import { Modal } from '../components/Modal';
import './settings.css';

function Segmented<V extends string>({ name, value, options, onChange }: { name: string; value: V; options: { value: V; label: string; testId: string }[]; onChange: (v: V) => void }) {
  return (
    <div className="set-seg" role="radiogroup" aria-labelledby={name + '-label'}>
      {options.map((o) => (
        <label key={o.value} className={'set-seg-item' + (o.value === value ? ' on' : '')}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} data-testid={o.testId} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

const THEMES: { value: ThemePreference; key: Key }[] = [
  { value: 'light', key: 'setLight' },
  { value: 'dark', key: 'setDark' },
  { value: 'system', key: 'setSystem' },
];

function RecentDocuments() {
  const t = useT();
  const ids = useStore((s) => s.recentDocumentIds);
  const docs = useStore((s) => s.docs);
  const setIds = useStore((s) => s.setRecentDocumentIds);
  const setOpen = useStore((s) => s.setSettingsOpen);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const recent = ids.map((id) => byId.get(id)).filter((d) => d !== undefined);
  return (
    <section className="set-section">
      <div className="set-row-head">
        <h3 className="set-label">{t('setRecent')}</h3>
        {recent.length > 0 && (
          <button type="button" className="set-link" data-testid="settings-clear-recent" onClick={() => setIds([])}>
            {t('setRecentClear')}
          </button>
        )}
      </div>
      {recent.length === 0 ? (
        <p className="muted set-empty">{t('setRecentNone')}</p>
      ) : (
        <ol className="set-recent" data-testid="settings-recent">
          {recent.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  void openDocument(d.id);
                }}
              >
                <span className="set-recent-title">{d.title}</span>
                {d.source && <span className="set-recent-meta">{d.source}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function SettingsDialog() {
  const t = useT();
  const open = useStore((s) => s.settingsOpen);
  const setOpen = useStore((s) => s.setSettingsOpen);
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const themePref = useStore((s) => s.themePref);
  const setThemePref = useStore((s) => s.setThemePref);
  const fontSize = useStore((s) => s.readerFontSize);
  const setFontSize = useStore((s) => s.setReaderFontSize);
  if (!open) return null;
  return (
    <Modal
      title={t('setTitle')}
      titleId="settings-title"
      onClose={() => setOpen(false)}
      className="set-modal"
      headerClassName="set-head"
      testId="settings-dialog"
      closeTestId="settings-close"
      initialFocus="input:checked"
    >
      <div className="set-body">
        <section className="set-section">
          <h3 className="set-label" id="set-lang-label">
            {t('setLanguage')}
          </h3>
          <Segmented
            name="set-lang"
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh-CN', label: '中文（简体）', testId: 'settings-lang-zh' },
              { value: 'en', label: 'English', testId: 'settings-lang-en' },
            ]}
          />
        </section>
        <section className="set-section">
          <h3 className="set-label" id="set-theme-label">
            {t('setAppearance')}
          </h3>
          <Segmented
            name="set-theme"
            value={themePref}
            onChange={setThemePref}
            options={THEMES.map((o) => ({ value: o.value, label: t(o.key), testId: 'settings-theme-' + o.value }))}
          />
        </section>
        <section className="set-section">
          <div className="set-row-head">
            <h3 className="set-label" id="set-size-label">
              {t('setFontSize')}
            </h3>
            <output className="set-size-value" data-testid="settings-font-value" htmlFor="set-size">
              {fontSize} px
            </output>
          </div>
          <div className="set-size">
            <button type="button" className="set-step" aria-label={'A− ' + t('setSmaller')} title={t('setSmaller') + ' (Ctrl+Alt+−)'} data-testid="settings-font-smaller" disabled={fontSize <= READER_FONT_SIZE.min} onClick={() => changeReaderFontSize(-1)}>
              A−
            </button>
            <input
              id="set-size"
              type="range"
              min={READER_FONT_SIZE.min}
              max={READER_FONT_SIZE.max}
              step={READER_FONT_SIZE.step}
              value={fontSize}
              aria-labelledby="set-size-label"
              aria-valuetext={`${fontSize} px`}
              data-testid="settings-font-size"
              onChange={(e) => setFontSize(Number(e.target.value))}
            />
            <button type="button" className="set-step" aria-label={'A+ ' + t('setBigger')} title={t('setBigger') + ' (Ctrl+Alt+=)'} data-testid="settings-font-bigger" disabled={fontSize >= READER_FONT_SIZE.max} onClick={() => changeReaderFontSize(1)}>
              A+
            </button>
            <button type="button" className="set-link" data-testid="settings-font-reset" disabled={fontSize === READER_FONT_SIZE.default} onClick={() => changeReaderFontSize('reset')}>
              {t('setReset')}
            </button>
          </div>
          <p className="set-preview" style={{ fontSize }} data-testid="settings-preview">
            {t('setPreview')}
          </p>
        </section>
        <RecentDocuments />
      </div>
      <footer className="set-foot">
        <span className="muted">{t('setSavedNote')}</span>
        <button type="button" className="primary" onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </footer>
    </Modal>
  );
}

/** The top bar's settings button. */
export function SettingsButton() {
  const t = useT();
  const open = useStore((s) => s.settingsOpen);
  const setOpen = useStore((s) => s.setSettingsOpen);
  return (
    <button type="button" className="icon-button" data-testid="settings-open" aria-label={t('setOpen')} title={t('setOpen') + ' (Ctrl+,)'} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
      <span aria-hidden="true">⚙</span>
    </button>
  );
}

/** The dialog and its keys: Ctrl+, opens settings, Ctrl+Alt+= / − / 0 change the reading text size. */
export function SettingsLayer() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && useStore.getState().settingsOpen) {
        useStore.getState().setSettingsOpen(false);
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      if (e.key === ',' && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        const s = useStore.getState();
        s.setSettingsOpen(!s.settingsOpen);
      } else if (e.altKey && !e.shiftKey && (e.code === 'Equal' || e.code === 'NumpadAdd')) {
        e.preventDefault();
        changeReaderFontSize(1);
      } else if (e.altKey && !e.shiftKey && (e.code === 'Minus' || e.code === 'NumpadSubtract')) {
        e.preventDefault();
        changeReaderFontSize(-1);
      } else if (e.altKey && !e.shiftKey && (e.code === 'Digit0' || e.code === 'Numpad0')) {
        e.preventDefault();
        changeReaderFontSize('reset');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return <SettingsDialog />;
}
