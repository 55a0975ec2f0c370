import { useEffect, useRef, useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { addExampleThemes, createTheme, deleteTheme, updateTheme } from '../actions';
import { useT } from '../i18n';
import { useStore } from '../store';

const PALETTE = ['#e4572e', '#f3a712', '#29bf12', '#00a5cf', '#7b5ea7', '#d81159', '#8f6b3a', '#4e8098'];

/** Colour input committing on the native change event (not on every input while dragging). */
function ColorInput({ value, onCommit, testId, label }: { value: string; onCommit: (v: string) => void; testId?: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const cb = useRef(onCommit);
  cb.current = onCommit;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.value = value;
  }, [value]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const h = () => cb.current(el.value);
    el.addEventListener('change', h);
    return () => el.removeEventListener('change', h);
  }, []);
  return <input ref={ref} type="color" defaultValue={value} data-testid={testId} aria-label={label} className="color-input" />;
}

function InlineText({
  value,
  onCommit,
  className,
  multiline,
  placeholder,
  testId,
}: {
  value: string;
  onCommit: (v: string) => void;
  className?: string;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  const [v, setV] = useState(value);
  useEffect(() => setV(value), [value]);
  const commit = () => {
    const nv = multiline ? v : v.trim();
    if (nv !== value && (multiline || nv)) onCommit(nv);
    else setV(value);
  };
  if (multiline)
    return (
      <textarea
        className={className}
        value={v}
        rows={2}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => setV(e.target.value)}
        onBlur={commit}
      />
    );
  return (
    <input
      className={className}
      value={v}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(e) => setV(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') {
          setV(value);
          e.stopPropagation();
        }
      }}
    />
  );
}

function ThemeRow({ theme, index }: { theme: Theme; index: number }) {
  const t = useT();
  return (
    <li className="theme-row" data-testid="theme-row" data-theme-name={theme.name}>
      <div className="theme-line">
        <ColorInput value={theme.color} label={theme.name} onCommit={(color) => void updateTheme(theme, { color })} />
        <InlineText className="theme-name" value={theme.name} testId="theme-name" onCommit={(name) => void updateTheme(theme, { name })} />
        {index < 9 && <kbd title="1–9">{index + 1}</kbd>}
        <span className="theme-count" data-testid="theme-count" title={t('highlights')}>
          {theme.annotationCount}
        </span>
        <button
          type="button"
          className="icon danger"
          data-testid="delete-theme"
          title={t('deleteTheme')}
          aria-label={t('deleteTheme') + ' ' + theme.name}
          onClick={() => void deleteTheme(theme.id)}
        >
          ×
        </button>
      </div>
      <InlineText
        className="theme-desc"
        multiline
        value={theme.description}
        placeholder={t('description')}
        onCommit={(description) => void updateTheme(theme, { description })}
      />
    </li>
  );
}

export function ThemesPanel() {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[0]);

  useEffect(() => {
    setColor(PALETTE[themes.length % PALETTE.length]);
  }, [themes.length]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    const created = await createTheme(n, color);
    if (created) setName('');
  };

  return (
    <div className="themes-panel" data-testid="themes-panel">
      {themes.length === 0 && (
        <div className="offer">
          <p className="hint">{t('noThemes')}</p>
          <button type="button" className="primary" data-testid="add-examples" onClick={() => void addExampleThemes()}>
            {t('addExamples')}
          </button>
        </div>
      )}
      <ul className="theme-list">
        {themes.map((th, i) => (
          <ThemeRow key={th.id} theme={th} index={i} />
        ))}
      </ul>
      <form className="theme-create" onSubmit={(e) => void submit(e)}>
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} aria-label="colour" className="color-input" />
        <input
          data-testid="new-theme-name"
          value={name}
          placeholder={t('newThemeName')}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
        />
        <button type="submit" className="primary" data-testid="create-theme" disabled={!name.trim()}>
          {t('createTheme')}
        </button>
      </form>
    </div>
  );
}
