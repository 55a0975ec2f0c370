// Terms as chips: type a term and press Enter (or a comma, 、 or ；) to add it; Backspace in the empty box removes the last.
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n';

export const MAX_TERMS = 20;
const SEPARATORS = /[,，、;；\n]+/;

export function TermInput({ terms, onChange, colors }: { terms: string[]; onChange: (t: string[]) => void; colors: string[] }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = (raw: string) => {
    const fresh = raw
      .split(SEPARATORS)
      .map((s) => s.trim())
      .filter((s) => s && s.length <= 100 && !terms.includes(s));
    if (fresh.length) onChange([...terms, ...new Set(fresh)].slice(0, MAX_TERMS));
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && !draft && terms.length) {
      onChange(terms.slice(0, -1));
    }
  };
  return (
    <div className="an-terms-input" onClick={(e) => (e.currentTarget.querySelector('input') as HTMLInputElement | null)?.focus()}>
      {terms.map((term, i) => (
        <span key={term} className="chip an-term-chip" data-testid="an-term-chip">
          <span className="swatch" style={{ background: colors[i % colors.length] }} />
          {term}
          <button type="button" className="chip-x" aria-label={t('anRemoveTerm') + ' ' + term} onClick={() => onChange(terms.filter((x) => x !== term))}>
            ×
          </button>
        </span>
      ))}
      <input
        type="text"
        data-testid="an-term-input"
        value={draft}
        placeholder={terms.length ? t('anAddTerm') : t('anTermPlaceholder')}
        aria-label={t('anAddTerm')}
        disabled={terms.length >= MAX_TERMS}
        onChange={(e) => (SEPARATORS.test(e.target.value) ? add(e.target.value) : setDraft(e.target.value))}
        onKeyDown={onKey}
        onBlur={() => draft.trim() && add(draft)}
      />
    </div>
  );
}
