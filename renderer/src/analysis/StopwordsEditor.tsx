// The stop-word list, one word a line; saving recounts the words at once.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { reportError } from '../actions';
import { useT } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';

export function parseStopwords(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((w) => w.trim()).filter((w) => w && w.length <= 50))];
}

export function StopwordsEditor({ words, onSaved }: { words: string[]; onSaved: (words: string[]) => void }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [text, setText] = useState(words.join('\n'));
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(words.join('\n')), [words]);
  const parsed = parseStopwords(text);
  const dirty = parsed.join('\n') !== words.join('\n');
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api['analysis.setStopwords']({ words: parsed });
      onSaved(saved);
      useStore.getState().pushToast('info', fill(t('anStopwordsSaved'), { n: formatCount(saved.length, lang) }));
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="an-stopwords" data-testid="an-stopwords">
      <p className="muted small">{t('anStopwordsHint')}</p>
      <textarea data-testid="an-stopwords-text" value={text} spellCheck={false} rows={8} aria-label={t('anStopwords')} onChange={(e) => setText(e.target.value)} />
      <div className="row-end">
        <span className="muted small an-grow">{fill(t('anStopwordsCount'), { n: formatCount(parsed.length, lang) })}</span>
        <button type="button" disabled={!dirty || busy} onClick={() => setText(words.join('\n'))}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" data-testid="an-stopwords-save" disabled={!dirty || busy} onClick={() => void save()}>
          {busy ? '…' : t('anSaveStopwords')}
        </button>
      </div>
    </div>
  );
}
