// Coded passages out of their documents: context with the passage emphasised, source, themes; a click reads it in place.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CodedPassage, Theme } from '../../../shared/domain';
import { useT } from '../i18n';
import { fill, formatCount, oneLine } from '../search/format';
import { useStore } from '../store';
import { openPassage } from './openPassage';

const PAGE = 200;

function PassageItem({ p, themes, index }: { p: CodedPassage; themes: Map<string, Theme>; index: number }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const a = p.annotation;
  const colors = a.themeIds.map((id) => themes.get(id)).filter((x): x is Theme => Boolean(x));
  const lead = colors[0]?.color ?? '#c9a227';
  const meta = [p.source, p.publishedAt].filter(Boolean).join(' · ');
  return (
    <li>
      <button
        type="button"
        className="an-passage"
        data-testid="an-passage"
        data-annotation-id={a.id}
        data-index={index}
        onClick={() => void openPassage(p)}
        title={t('anOpenInReader')}
      >
        <span className="an-passage-text">
          {p.before && <span className="an-ctx">{'…' + oneLine(p.before)}</span>}
          <mark style={{ ['--mark' as string]: lead }}>{oneLine(a.exact)}</mark>
          {p.after && <span className="an-ctx">{oneLine(p.after) + '…'}</span>}
        </span>
        <span className="an-passage-meta">
          <span className="an-passage-title">{p.documentTitle || t('untitled')}</span>
          {meta && <span>{meta}</span>}
          <span>{fill(t('anParagraph'), { n: formatCount(p.paragraph, lang) })}</span>
          <span className="an-passage-themes">
            {colors.map((th) => (
              <span key={th.id} className="an-theme-tag">
                <span className="swatch" style={{ background: th.color }} />
                {th.name}
              </span>
            ))}
          </span>
        </span>
        {a.noteText && <span className="an-passage-note">{a.noteText}</span>}
      </button>
    </li>
  );
}

/** Arrow keys move between passages, Enter opens one (the buttons do the rest). */
function onListKey(e: KeyboardEvent<HTMLOListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.an-passage')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function PassageList({ passages, label }: { passages: CodedPassage[]; label: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const themes = useStore((s) => s.themes);
  const byId = new Map(themes.map((th) => [th.id, th]));
  const [shown, setShown] = useState(PAGE);
  const first = useRef(passages);
  useEffect(() => {
    if (first.current !== passages) setShown(PAGE);
    first.current = passages;
  }, [passages]);
  return (
    <>
      <ol className="an-passages" aria-label={label} data-testid="an-passages" onKeyDown={onListKey}>
        {passages.slice(0, shown).map((p, i) => (
          <PassageItem key={p.annotation.id} p={p} themes={byId} index={i} />
        ))}
      </ol>
      {passages.length > shown && (
        <button type="button" className="show-more" onClick={() => setShown(shown + PAGE * 2)}>
          {fill(t('showMore'), { shown: formatCount(shown, lang), total: formatCount(passages.length, lang) })}
        </button>
      )}
    </>
  );
}
