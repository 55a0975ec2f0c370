// The reading switch: show Han characters as stored, in simplified or in traditional. Display only;
// the conversion is character for character, so offsets and highlights stay on the same characters.
import { useT, type Key } from '../i18n';
import { useStore } from '../store';
import type { ReadingScript } from '../store/search';

const OPTIONS: [ReadingScript, Key][] = [
  ['stored', 'scriptStored'],
  ['simplified', 'scriptSimplified'],
  ['traditional', 'scriptTraditional'],
];

export function ScriptSwitch() {
  const t = useT();
  const script = useStore((s) => s.readingScript);
  const setScript = useStore((s) => s.setReadingScript);
  return (
    <div className="script-switch" title={t('scriptHint')}>
      <span className="script-label">{t('scriptLabel')}</span>
      <div className="segmented small" role="radiogroup" aria-label={t('scriptLabel')}>
        {OPTIONS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={script === value}
            data-testid={`script-${value}`}
            className={script === value ? 'on' : ''}
            onClick={() => setScript(value)}
          >
            {t(label)}
          </button>
        ))}
      </div>
    </div>
  );
}
