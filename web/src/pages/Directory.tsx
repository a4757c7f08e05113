// Who to call, in which language, at what hour: the federated directory, searched at every node
// and ranked by who can be reached now, speaks the user's languages and was verified recently.
import { COMPETENCES, DIRECTORY_ROLES, directoryToCsv, LANGUAGE_CODES, type LanguageCode, ROUTE_REGIONS } from '@corridor/proto';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { ContactCard } from '../components/ContactCard';
import { CodeSelect, Field } from '../components/Field';
import { Sources } from '../components/Sources';
import { download, entryFromGraphQL } from '../directory-entry';
import { COUNTRY_OPTIONS, label, languageName } from '../labels';
import { storedLanguages, storeLanguages } from '../my-languages';
import { DirectoryQuery } from './Directory.documents';

const LANGUAGE_OPTIONS = [...LANGUAGE_CODES].sort((a, b) => languageName(a).localeCompare(languageName(b)));

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
  const [country, setCountry] = useState('');
  const [role, setRole] = useState('');
  const [competence, setCompetence] = useState('');
  const [language, setLanguage] = useState('');
  const [network, setNetwork] = useState('');
  const [route, setRoute] = useState('');
  const [always, setAlways] = useState(false);
  const [text, setText] = useState('');
  const [speaks, setSpeaks] = useState<LanguageCode[]>(storedLanguages);
  const settledText = useSettled(text.trim(), 300);
  const filter = {
    ...(country && { country }),
    ...(role && { role }),
    ...(competence && { competence }),
    ...(language && { language }),
    ...(network && { network }),
    ...(route && { route }),
    ...(always && { always }),
    ...(settledText && { text: settledText }),
    ...(speaks.length > 0 && { speaks }),
  };
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
            onClick={() => download('corridor-directory.csv', directoryToCsv(entries.map(entryFromGraphQL)), 'text/csv')}
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
        <Field id="directory-country" label="Country">
          <select id="directory-country" value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">Any country</option>
            {COUNTRY_OPTIONS.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="directory-role" label="Role">
          <CodeSelect id="directory-role" value={role} onChange={setRole} codes={DIRECTORY_ROLES} labelOf={label.role} empty="Any role" />
        </Field>
        <Field id="directory-competence" label="Handles">
          <CodeSelect
            id="directory-competence"
            value={competence}
            onChange={setCompetence}
            codes={COMPETENCES}
            labelOf={label.competence}
            empty="Anything"
          />
        </Field>
        <Field id="directory-language" label="Speaks">
          <CodeSelect
            id="directory-language"
            value={language}
            onChange={setLanguage}
            codes={LANGUAGE_OPTIONS}
            labelOf={languageName}
            empty="Any language"
          />
        </Field>
        <Field id="directory-route" label="Route">
          <CodeSelect
            id="directory-route"
            value={route}
            onChange={setRoute}
            codes={ROUTE_REGIONS}
            labelOf={label.region}
            empty="Any route"
          />
        </Field>
        {networks.length > 0 && (
          <Field id="directory-network" label="Network">
            <CodeSelect
              id="directory-network"
              value={network}
              onChange={setNetwork}
              codes={networks}
              labelOf={(n) => n}
              empty="Any network"
            />
          </Field>
        )}
        <div className="field field-check">
          <label htmlFor="directory-always">
            <input id="directory-always" type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} /> 24/7 desks only
          </label>
        </div>
        <Field id="directory-speaks" label="Languages you speak" hint="Contacts who speak them come first">
          <select
            id="directory-speaks"
            multiple
            size={3}
            value={speaks}
            onChange={(e) => {
              const chosen = [...e.target.selectedOptions].map((o) => o.value as LanguageCode);
              setSpeaks(chosen);
              storeLanguages(chosen);
            }}
          >
            {LANGUAGE_OPTIONS.map((c) => (
              <option key={c} value={c}>
                {languageName(c)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <Sources sources={data?.directory.sources} error={error} agencyName={agencyName} />
      {error && !data && (
        <p className="error" role="alert">
          The directory could not be searched: {error.message.replace(/^\[\w+\] /, '')}
        </p>
      )}
      {fetching && !data && <p>Searching…</p>}
      {data && entries.length === 0 && <p className="empty">No contact matches these filters.</p>}
      <div className="cards">
        {entries.map((e) => (
          <ContactCard key={e.id} entry={e} agencyName={agencyName} ownAgency={ownAgency} />
        ))}
      </div>
    </section>
  );
}
