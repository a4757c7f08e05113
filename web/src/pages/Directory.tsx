// Who to call, in which language, at what hour: the federated directory, searched at every node
// and ranked by who can be reached now, speaks the user's languages and was verified recently.
import { COMPETENCES, DIRECTORY_ROLES, type LanguageCode, ROUTE_REGIONS, type VCardVersion } from '@corridor/proto';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { ContactCard } from '../components/ContactCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { CodeField, Field, MultiCodeSelect } from '../components/Field';
import { Sources } from '../components/Sources';
import { withContactFiles } from '../directory-entry';
import type { EntryFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { countryCodes, countryName, label, languageName, languagesByName } from '../labels';
import { storedLanguages, storeLanguages } from '../my-languages';
import { DirectoryQuery } from './Directory.documents';
import { LiaisonPosts, NetworkPanel, type NetworkRecord, recordRolesOf, useNetworkRecords } from './NetworkRecords';

/** The filters chosen from a list of codes; an empty one is left out of the search. */
type Choices = Record<'country' | 'role' | 'competence' | 'language' | 'route' | 'network', string>;
type ChoiceSelect = { key: keyof Choices; label: string; codes: readonly string[]; labelOf: (code: string) => string; empty: string };

const NO_CHOICE: Choices = { country: '', role: '', competence: '', language: '', route: '', network: '' };

/** Built when the page renders: the words and the order of the lists follow the chosen language. */
const choiceSelects = (t: ReturnType<typeof useT>): ChoiceSelect[] => [
  { key: 'country', label: t('directory.country'), codes: countryCodes(), labelOf: countryName, empty: t('directory.anyCountry') },
  { key: 'role', label: t('directory.role'), codes: DIRECTORY_ROLES, labelOf: label.role, empty: t('directory.anyRole') },
  { key: 'competence', label: t('directory.handles'), codes: COMPETENCES, labelOf: label.competence, empty: t('directory.anything') },
  { key: 'language', label: t('directory.speaks'), codes: languagesByName(), labelOf: languageName, empty: t('directory.anyLanguage') },
  { key: 'route', label: t('directory.route'), codes: ROUTE_REGIONS, labelOf: label.region, empty: t('directory.anyRoute') },
];

/** The user's networks and every recorded one; a recorded network by its name, another by its id. */
function networkSelect(networks: readonly string[], records: readonly NetworkRecord[], t: ReturnType<typeof useT>): ChoiceSelect {
  const codes = [...new Set([...records.map((n) => n.id), ...networks])];
  const labelOf = (id: string) => records.find((n) => n.id === id)?.name ?? id;
  return { key: 'network', label: t('directory.network'), codes, labelOf, empty: t('directory.anyNetwork') };
}

function chosenOnly(choices: Choices): Partial<Choices> {
  const chosen: Partial<Choices> = {};
  for (const [key, value] of Object.entries(choices) as [keyof Choices, string][]) if (value) chosen[key] = value;
  return chosen;
}

/** No match: which filters the officer could drop, each one click away, rather than a dead end. */
function EmptyHint({ relax }: { relax: { what: string; undo: () => void }[] }) {
  const t = useT();
  return (
    <div className="empty" data-testid="directory-empty">
      <p>{t('directory.none')}</p>
      {relax.length > 0 && (
        <p>
          {t('directory.tryWithout')}{' '}
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

/** The whole result list as one contacts file, in the vCard version the officer's contact app reads. */
function SaveContacts({ entries, agencyName }: { entries: readonly EntryFieldsFragment[]; agencyName: (id: string) => string }) {
  const t = useT();
  const [version, setVersion] = useState<VCardVersion>('4.0');
  return (
    <span className="save-contacts">
      <label htmlFor="directory-vcard-version">{t('directory.vcardVersion')}</label>{' '}
      <select id="directory-vcard-version" value={version} onChange={(e) => setVersion(e.target.value === '3.0' ? '3.0' : '4.0')}>
        <option value="4.0">{t('directory.vcard4')}</option>
        <option value="3.0">{t('directory.vcard3')}</option>
      </select>{' '}
      <button
        type="button"
        className="link"
        data-testid="directory-save-vcf"
        onClick={() => withContactFiles((f) => f.downloadVCards('corridor-contacts.vcf', entries, agencyName, version))}
      >
        {t('directory.saveVcf')}
      </button>
    </span>
  );
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
  const t = useT();
  const [choices, setChoices] = useState<Choices>(NO_CHOICE);
  const [always, setAlways] = useState(false);
  const [reachableNow, setReachableNow] = useState(false);
  const [text, setText] = useState('');
  const [speaks, setSpeaks] = useState<LanguageCode[]>(storedLanguages);
  const [liaisonPost, setLiaisonPost] = useState('');
  const records = useNetworkRecords();
  const settledText = useSettled(text.trim(), 300);
  const filter = {
    ...chosenOnly(choices),
    ...(liaisonPost && { liaisonPost }),
    ...(always && { always }),
    ...(reachableNow && { reachableNow }),
    ...(settledText && { text: settledText }),
    ...(speaks.length > 0 && { speaks }),
  };
  const selects = [
    ...choiceSelects(t),
    ...(networks.length > 0 || records.networks.length > 0 ? [networkSelect(networks, records.networks, t)] : []),
  ];
  const recordedNetwork = records.networks.find((n) => n.id === choices.network);
  // Shown at once from the cache, and asked again: an entry changed or verified since must show.
  const [{ data, fetching, error }] = useQuery({ query: DirectoryQuery, variables: { filter }, requestPolicy: 'cache-and-network' });
  const entries = data?.directory.entries ?? [];
  const total = data?.directory.total ?? 0;

  return (
    <section>
      <div className="page-head">
        <h1>{t('nav.directory')}</h1>
        {data && (
          <span className="muted" role="status" data-testid="directory-count">
            {total === entries.length
              ? t('directory.count', { count: entries.length })
              : t('directory.bestOf', { shown: entries.length, total })}
            {fetching && ` · ${t('directory.updating')}`}
          </span>
        )}
        {entries.length > 0 && (
          <button
            type="button"
            className="link"
            data-testid="directory-export-csv"
            onClick={() => withContactFiles((f) => f.downloadCsv('corridor-directory.csv', entries))}
          >
            {t('directory.exportCsv')}
          </button>
        )}
        {entries.length > 0 && <SaveContacts entries={entries} agencyName={agencyName} />}
      </div>
      <form className="filters" aria-label={t('directory.searchLabel')} onSubmit={(e) => e.preventDefault()}>
        <Field id="directory-text" label={t('directory.search')} hint={t('directory.searchHint')}>
          <input
            id="directory-text"
            type="search"
            value={text}
            placeholder={t('directory.searchPlaceholder')}
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
            <input id="directory-always" type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} />{' '}
            {t('directory.alwaysOnly')}
          </label>
        </div>
        <div className="field field-check">
          <label htmlFor="directory-reachable">
            <input id="directory-reachable" type="checkbox" checked={reachableNow} onChange={(e) => setReachableNow(e.target.checked)} />{' '}
            {t('directory.reachableNow')}
          </label>
        </div>
        <Field id="directory-speaks" label={t('directory.youSpeak')} hint={t('directory.youSpeakHint')}>
          <MultiCodeSelect
            id="directory-speaks"
            size={3}
            value={speaks}
            onChange={(codes) => {
              const chosen = codes as LanguageCode[];
              setSpeaks(chosen);
              storeLanguages(chosen);
            }}
            codes={languagesByName()}
            labelOf={languageName}
          />
        </Field>
      </form>
      <LiaisonPosts posts={records.posts} chosen={liaisonPost} onChoose={setLiaisonPost} />
      {recordedNetwork && <NetworkPanel network={recordedNetwork} posts={records.posts} agencyName={agencyName} ownAgency={ownAgency} />}
      <Sources sources={data?.directory.sources} error={error} agencyName={agencyName} />
      {error && !data && <ErrorAlert error={error}>{t('directory.failed')}</ErrorAlert>}
      {fetching && !data && <p>{t('directory.searching')}</p>}
      {data && entries.length === 0 && (
        <EmptyHint
          relax={[
            ...(settledText ? [{ what: t('directory.relaxWords', { words: settledText }), undo: () => setText('') }] : []),
            ...selects
              .filter(({ key }) => choices[key])
              .map(({ key, label: name, labelOf }) => ({
                what: t('directory.relaxChoice', { filter: name, value: labelOf(choices[key]) }),
                undo: () => setChoices((c) => ({ ...c, [key]: '' })),
              })),
            ...(liaisonPost ? [{ what: t('networks.postFilter', { post: liaisonPost }), undo: () => setLiaisonPost('') }] : []),
            ...(always ? [{ what: t('directory.alwaysOnly'), undo: () => setAlways(false) }] : []),
            ...(reachableNow ? [{ what: t('directory.reachableNow'), undo: () => setReachableNow(false) }] : []),
          ]}
        />
      )}
      <div className="cards">
        {entries.map((e) => (
          <ContactCard
            key={e.id}
            entry={e}
            agencyName={agencyName}
            ownAgency={ownAgency}
            recordRoles={recordRolesOf(e, records.networks, records.posts, t)}
          />
        ))}
      </div>
    </section>
  );
}
