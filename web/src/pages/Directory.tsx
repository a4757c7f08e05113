import { DIRECTORY_ROLES, LANGUAGE_CODES } from '@corridor/proto';
import { useState } from 'react';
import { useQuery } from 'urql';
import { CodeSelect, Field } from '../components/Field';
import { Sources } from '../components/Sources';
import { DirectoryQuery } from '../documents';
import type { DirectoryQuery as DirectoryResult } from '../gql/graphql';
import { COUNTRY_OPTIONS, countryName, label, languageName } from '../labels';

type Entry = DirectoryResult['directory']['entries'][number];

function ContactCard({ entry, agencyName }: { entry: Entry; agencyName: (id: string) => string }) {
  const hours = entry.availability.hours.map((h) => `${h.days.join(', ')} ${h.from}–${h.to}`).join('; ');
  return (
    <article className="contact" data-testid="directory-result">
      <header>
        <strong>{entry.name}</strong>
        {entry.kind === 'desk' && <span className="badge">desk</span>}
        {entry.availability.always && <span className="badge badge-247">24/7</span>}
      </header>
      {entry.title && <p className="title">{entry.title}</p>}
      <p>
        {agencyName(entry.agency)} · {countryName(entry.country)}
        {entry.postedIn && ` · posted in ${countryName(entry.postedIn)}`}
      </p>
      <p>{entry.roles.map(label.role).join(' · ')}</p>
      {entry.competences.length > 0 && <p className="muted">Handles: {entry.competences.map(label.competence).join(', ')}</p>}
      <p>Speaks: {entry.languages.map(languageName).join(', ')}</p>
      {!entry.availability.always && (
        <p className="muted">
          Hours: {hours || 'not given'} ({entry.availability.timeZone})
        </p>
      )}
      <ul className="channels">
        {entry.channels.map((c) => (
          <li key={`${c.type}-${c.value}`}>
            {c.type === 'phone' ? <a href={`tel:${c.value.replace(/\s/g, '')}`}>{c.value}</a> : null}
            {c.type === 'email' ? <a href={`mailto:${c.value}`}>{c.value}</a> : null}
            {c.type !== 'phone' && c.type !== 'email' ? `${c.type.replace('_', ' ')}: ${c.value}` : null}
            {c.label && <small> ({c.label})</small>}
          </li>
        ))}
      </ul>
      <p className="muted">Last verified {entry.lastVerified}</p>
    </article>
  );
}

export function Directory({ agencyName }: { agencyName: (id: string) => string }) {
  const [country, setCountry] = useState('');
  const [role, setRole] = useState('');
  const [language, setLanguage] = useState('');
  const [text, setText] = useState('');
  const filter = {
    ...(country && { country }),
    ...(role && { role }),
    ...(language && { language }),
    ...(text.trim() && { text: text.trim() }),
  };
  const [{ data, fetching, error }] = useQuery({ query: DirectoryQuery, variables: { filter } });

  return (
    <section>
      <h2>Directory</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
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
        <Field id="directory-language" label="Language">
          <CodeSelect
            id="directory-language"
            value={language}
            onChange={setLanguage}
            codes={LANGUAGE_CODES}
            labelOf={languageName}
            empty="Any language"
          />
        </Field>
        <Field id="directory-text" label="Name, agency or note">
          <input id="directory-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </form>
      <Sources sources={data?.directory.sources} />
      {error && !data && <p className="error">{error.message}</p>}
      {fetching && !data && <p>Searching…</p>}
      {data && data.directory.entries.length === 0 && <p>No contact matches.</p>}
      <div className="cards">
        {data?.directory.entries.map((e) => (
          <ContactCard key={e.id} entry={e} agencyName={agencyName} />
        ))}
      </div>
    </section>
  );
}
