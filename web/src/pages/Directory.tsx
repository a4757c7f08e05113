// Who to call, in which language, at what hour: the federated directory, searched at every node.
import { DIRECTORY_ROLES, LANGUAGE_CODES } from '@corridor/proto';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { CodeSelect, Field } from '../components/Field';
import { Sources } from '../components/Sources';
import { DirectoryQuery } from '../documents';
import type { DirectoryQuery as DirectoryResult } from '../gql/graphql';
import { COUNTRY_OPTIONS, countryName, dateText, hoursText, label, languageName } from '../labels';

type Entry = DirectoryResult['directory']['entries'][number];

const LANGUAGE_OPTIONS = [...LANGUAGE_CODES].sort((a, b) => languageName(a).localeCompare(languageName(b)));
const CHANNEL_NAMES: Record<string, string> = { phone: 'Phone', email: 'E-mail', secure_messaging: 'Secure messaging', fax: 'Fax' };

function localTime(timeZone: string): string | null {
  try {
    return new Date().toLocaleTimeString(undefined, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    return null;
  }
}

/** A way to reach a contact, as a link the officer's device can follow (tel:, mailto:). */
export function Channel({ type, value, label: channelLabel }: Entry['channels'][number]) {
  const link =
    type === 'phone' || type === 'fax' ? (
      <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>
    ) : type === 'email' ? (
      <a href={`mailto:${value}`}>{value}</a>
    ) : (
      <span className="channel-value">{value}</span>
    );
  return (
    <li>
      <span className="channel-type">{CHANNEL_NAMES[type] ?? type}</span>
      <span>
        {link}
        {channelLabel && <small className="muted"> — {channelLabel}</small>}
      </span>
    </li>
  );
}

function ContactCard({ entry, agencyName }: { entry: Entry; agencyName: (id: string) => string }) {
  const { always, timeZone, hours } = entry.availability;
  const now = localTime(timeZone);
  return (
    <article className="contact" data-testid="directory-result" data-entry-id={entry.id}>
      <header>
        <h3>{entry.name}</h3>
        {entry.kind === 'desk' && <span className="badge">Desk</span>}
        {always ? <span className="badge badge-247">24/7</span> : null}
      </header>
      {entry.title && <p className="title">{entry.title}</p>}
      <p>
        {agencyName(entry.agency)} · {countryName(entry.country)}
        {entry.postedIn && ` · posted in ${countryName(entry.postedIn)}`}
      </p>
      <dl className="details">
        <dt>Roles</dt>
        <dd>{entry.roles.map(label.role).join(' · ')}</dd>
        {entry.competences.length > 0 && (
          <>
            <dt>Handles</dt>
            <dd>{entry.competences.map(label.competence).join(', ')}</dd>
          </>
        )}
        {entry.covers.length > 0 && (
          <>
            <dt>Covers</dt>
            <dd>{entry.covers.map(countryName).join(', ')}</dd>
          </>
        )}
        <dt>Speaks</dt>
        <dd>{entry.languages.map(languageName).join(', ')}</dd>
        <dt>Reachable</dt>
        <dd>
          {always ? 'Any hour, any day' : hoursText(hours) || 'Hours not given'}
          <span className="muted">
            {' '}
            ({timeZone.replace(/_/g, ' ')}
            {now && `, now ${now} there`})
          </span>
        </dd>
      </dl>
      <ul className="channels">
        {entry.channels.map((c) => (
          <Channel key={`${c.type}-${c.value}`} {...c} />
        ))}
      </ul>
      {entry.redacted.length > 0 && (
        <p className="muted redacted" data-testid="entry-redacted">
          {agencyName(entry.agency)} shares{' '}
          {entry.redacted.some((f) => f.startsWith('channels.')) ? 'some ways to reach this contact' : 'some details'} only within its
          networks.
        </p>
      )}
      {entry.notes && <p className="notes">{entry.notes}</p>}
      <p className="muted verified">Last verified {dateText(entry.lastVerified)}</p>
    </article>
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

export function Directory({ agencyName }: { agencyName: (id: string) => string }) {
  const [country, setCountry] = useState('');
  const [role, setRole] = useState('');
  const [language, setLanguage] = useState('');
  const [text, setText] = useState('');
  const settledText = useSettled(text.trim(), 300);
  const filter = {
    ...(country && { country }),
    ...(role && { role }),
    ...(language && { language }),
    ...(settledText && { text: settledText }),
  };
  const [{ data, fetching, error }] = useQuery({ query: DirectoryQuery, variables: { filter } });
  const entries = data?.directory.entries ?? [];

  return (
    <section>
      <div className="page-head">
        <h2>Directory</h2>
        {data && (
          <span className="muted" role="status">
            {entries.length === 1 ? '1 contact' : `${entries.length} contacts`}
            {fetching && ' · updating…'}
          </span>
        )}
      </div>
      <form className="filters" aria-label="Search the directory" onSubmit={(e) => e.preventDefault()}>
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
            codes={LANGUAGE_OPTIONS}
            labelOf={languageName}
            empty="Any language"
          />
        </Field>
        <Field id="directory-text" label="Name, agency or note">
          <input id="directory-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
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
          <ContactCard key={e.id} entry={e} agencyName={agencyName} />
        ))}
      </div>
    </section>
  );
}
