// Who to call, in which language, at what hour: the federated directory, searched at every node
// and ranked by who can be reached now, speaks the user's languages and was verified recently.
import { COMPETENCES, DIRECTORY_ROLES, type LanguageCode, ROUTE_REGIONS } from '@corridor/proto';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { ContactCard } from '../components/ContactCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { CodeField, Field, MultiCodeSelect } from '../components/Field';
import { Sources } from '../components/Sources';
import { withContactFiles } from '../directory-entry';
import { COUNTRY_CODES, countryName, LANGUAGES_BY_NAME, label, languageName } from '../labels';
import { storedLanguages, storeLanguages } from '../my-languages';
import { DirectoryQuery } from './Directory.documents';

/** The filters chosen from a list of codes; an empty one is left out of the search. */
type Choices = Record<'country' | 'role' | 'competence' | 'language' | 'route' | 'network', string>;
type ChoiceSelect = { key: keyof Choices; label: string; codes: readonly string[]; labelOf: (code: string) => string; empty: string };

const NO_CHOICE: Choices = { country: '', role: '', competence: '', language: '', route: '', network: '' };

const CHOICE_SELECTS: ChoiceSelect[] = [
  { key: 'country', label: 'Country', codes: COUNTRY_CODES, labelOf: countryName, empty: 'Any country' },
  { key: 'role', label: 'Role', codes: DIRECTORY_ROLES, labelOf: label.role, empty: 'Any role' },
  { key: 'competence', label: 'Handles', codes: COMPETENCES, labelOf: label.competence, empty: 'Anything' },
  { key: 'language', label: 'Speaks', codes: LANGUAGES_BY_NAME, labelOf: languageName, empty: 'Any language' },
  { key: 'route', label: 'Route', codes: ROUTE_REGIONS, labelOf: label.region, empty: 'Any route' },
];

/** Networks are the network's own ids, shown as they are. */
function networkSelect(networks: readonly string[]): ChoiceSelect {
  return { key: 'network', label: 'Network', codes: networks, labelOf: (n) => n, empty: 'Any network' };
}

function chosenOnly(choices: Choices): Partial<Choices> {
  const chosen: Partial<Choices> = {};
  for (const [key, value] of Object.entries(choices) as [keyof Choices, string][]) if (value) chosen[key] = value;
  return chosen;
}

/** No match: which filters the officer could drop, each one click away, rather than a dead end. */
function EmptyHint({ relax }: { relax: { what: string; undo: () => void }[] }) {
  return (
    <div className="empty" data-testid="directory-empty">
      <p>No contact matches these filters.</p>
      {relax.length > 0 && (
        <p>
          Try without:{' '}
          {relax.map((r, i) => (
            <span key={r.what}>
              {i > 0 && ', '}
              <button type="button" className="link" data-testid="directory-relax" onClick={r.undo}>
                {r.what}
              </button>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** The text filter waits for a pause in typing before asking every node again. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function Directory({
  agencyName,
  networks,
  ownAgency,
}: {
  agencyName: (id: string) => string;
  networks: readonly string[];
  ownAgency: string;
}) {
  const [choices, setChoices] = useState<Choices>(NO_CHOICE);
  const [always, setAlways] = useState(false);
  const [reachableNow, setReachableNow] = useState(false);
  const [text, setText] = useState('');
  const [speaks, setSpeaks] = useState<LanguageCode[]>(storedLanguages);
  const settledText = useSettled(text.trim(), 300);
  const filter = {
    ...chosenOnly(choices),
    ...(always && { always }),
    ...(reachableNow && { reachableNow }),
    ...(settledText && { text: settledText }),
    ...(speaks.length > 0 && { speaks }),
  };
  const selects = networks.length > 0 ? [...CHOICE_SELECTS, networkSelect(networks)] : CHOICE_SELECTS;
  // Shown at once from the cache, and asked again: an entry changed or verified since must show.
  const [{ data, fetching, error }] = useQuery({ query: DirectoryQuery, variables: { filter }, requestPolicy: 'cache-and-network' });
  const entries = data?.directory.entries ?? [];
  const total = data?.directory.total ?? 0;

  return (
    <section>
      <div className="page-head">
        <h2>Directory</h2>
        {data && (
          <span className="muted" role="status" data-testid="directory-count">
            {total === entries.length
              ? entries.length === 1
                ? '1 contact'
                : `${entries.length} contacts`
              : `the best ${entries.length} of ${total} contacts: narrow the search to see others`}
            {fetching && ' · updating…'}
          </span>
        )}
        {entries.length > 0 && (
          <button
            type="button"
            className="link"
            data-testid="directory-export-csv"
            onClick={() => withContactFiles((f) => f.downloadCsv('corridor-directory.csv', entries))}
          >
            Export these as CSV
          </button>
        )}
      </div>
      <form className="filters" aria-label="Search the directory" onSubmit={(e) => e.preventDefault()}>
        <Field id="directory-text" label="Search" hint="Names, agencies, places, what they handle, notes">
          <input
            id="directory-text"
            type="search"
            value={text}
            placeholder="e.g. extradition niger"
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        {selects.map(({ key, ...select }) => (
          <CodeField
            key={key}
            id={`directory-${key}`}
            value={choices[key]}
            onChange={(value) => setChoices((c) => ({ ...c, [key]: value }))}
            {...select}
          />
        ))}
        <div className="field field-check">
          <label htmlFor="directory-always">
            <input id="directory-always" type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} /> 24/7 desks only
          </label>
        </div>
        <div className="field field-check">
          <label htmlFor="directory-reachable">
            <input id="directory-reachable" type="checkbox" checked={reachableNow} onChange={(e) => setReachableNow(e.target.checked)} />{' '}
            Reachable now
          </label>
        </div>
        <Field id="directory-speaks" label="Languages you speak" hint="Contacts who speak them come first">
          <MultiCodeSelect
            id="directory-speaks"
            size={3}
            value={speaks}
            onChange={(codes) => {
              const chosen = codes as LanguageCode[];
              setSpeaks(chosen);
              storeLanguages(chosen);
            }}
            codes={LANGUAGES_BY_NAME}
            labelOf={languageName}
          />
        </Field>
      </form>
      <Sources sources={data?.directory.sources} error={error} agencyName={agencyName} />
      {error && !data && <ErrorAlert error={error}>The directory could not be searched</ErrorAlert>}
      {fetching && !data && <p>Searching…</p>}
      {data && entries.length === 0 && (
        <EmptyHint
          relax={[
            ...(settledText ? [{ what: `the words “${settledText}”`, undo: () => setText('') }] : []),
            ...selects
              .filter(({ key }) => choices[key])
              .map(({ key, label: name, labelOf }) => ({
                what: `${name}: ${labelOf(choices[key])}`,
                undo: () => setChoices((c) => ({ ...c, [key]: '' })),
              })),
            ...(always ? [{ what: '24/7 desks only', undo: () => setAlways(false) }] : []),
            ...(reachableNow ? [{ what: 'Reachable now', undo: () => setReachableNow(false) }] : []),
          ]}
        />
      )}
      <div className="cards">
        {entries.map((e) => (
          <ContactCard key={e.id} entry={e} agencyName={agencyName} ownAgency={ownAgency} />
        ))}
      </div>
    </section>
  );
}
