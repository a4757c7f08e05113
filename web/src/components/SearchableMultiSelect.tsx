// Several codes out of a long list (countries): typed into a search box, picked from what matches,
// shown as chips to remove. A plain <select multiple> of 250 countries needs Ctrl-click and scrolling.
import { foldText } from '@corridor/proto';
import { useId, useState } from 'react';
import { useT } from '../i18n/I18nProvider';

/** Matches shown at once: enough to pick from, few enough to read. */
const SHOWN = 8;

export function SearchableMultiSelect({
  id,
  value,
  onChange,
  codes,
  labelOf,
  placeholder,
}: {
  id: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  codes: readonly string[];
  labelOf: (code: string) => string;
  placeholder?: string;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const listId = useId();
  // Accents and case ignored, as the directory's search does: "cote" finds Côte d’Ivoire.
  const q = foldText(query.trim());
  const matches = q ? codes.filter((c) => !value.includes(c) && (foldText(labelOf(c)).includes(q) || foldText(c) === q)) : [];
  return (
    <div className="multi-select" data-testid={`${id}-multi`}>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('multiSelect.chosen')}>
          {value.map((c) => (
            <li key={c} className="chip" data-testid="chosen" data-code={c}>
              {labelOf(c)}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('multiSelect.remove', { name: labelOf(c) })}
                onClick={() => onChange(value.filter((x) => x !== c))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="search"
        value={query}
        placeholder={placeholder}
        autoComplete="off"
        aria-controls={listId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes the first match, so a keyboard user types "lib", Enter, and has Libya.
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            onChange([...value, matches[0]]);
            setQuery('');
          }
        }}
      />
      <ul id={listId} className="options">
        {matches.slice(0, SHOWN).map((c) => (
          <li key={c}>
            <button
              type="button"
              className="link"
              data-testid="option"
              data-code={c}
              onClick={() => {
                onChange([...value, c]);
                setQuery('');
              }}
            >
              {labelOf(c)}
            </button>
          </li>
        ))}
        {matches.length > SHOWN && <li className="muted">{t('multiSelect.more', { count: matches.length - SHOWN })}</li>}
      </ul>
    </div>
  );
}
