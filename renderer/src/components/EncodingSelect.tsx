// The text-encoding choice of an import and of "replace text from file": automatic, or one forced.
import { useT } from '../i18n';
import { encodingName } from '../lib/importFormat';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../store/importSlice';

export function EncodingSelect({ value, onChange, className, testId }: { value: ImportEncoding | 'auto'; onChange(v: ImportEncoding | 'auto'): void; className: string; testId?: string }) {
  const t = useT();
  return (
    <label className={className}>
      <span>{t('impEncoding')}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as ImportEncoding | 'auto')}>
        <option value="auto">{t('impEncodingAuto')}</option>
        {IMPORT_ENCODINGS.map((enc) => (
          <option key={enc} value={enc}>
            {encodingName(enc)}
          </option>
        ))}
      </select>
    </label>
  );
}
