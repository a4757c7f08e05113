// A recorded network as the officer needs it: who is in it, who keeps its secretariat and whom to
// call in each member agency (with their contact, as each agency's policy lets the officer see it);
// and the liaison posts, each with the legal basis it rests on and the routes it covers.
import { useQuery } from 'urql';
import { ContactCard } from '../components/ContactCard';
import type { EntryFieldsFragment, NetworkRecordsQuery as NetworkRecordsResult } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { countryName, label } from '../labels';
import { DirectoryQuery } from './Directory.documents';
import { NetworkRecordsQuery } from './NetworkRecords.documents';

export type NetworkRecord = NetworkRecordsResult['networkRecords'][number];
export type LiaisonPost = NetworkRecordsResult['liaisonPosts'][number];

export function useNetworkRecords(): { networks: readonly NetworkRecord[]; posts: readonly LiaisonPost[] } {
  const [{ data }] = useQuery({ query: NetworkRecordsQuery });
  return { networks: data?.networkRecords ?? [], posts: data?.liaisonPosts ?? [] };
}

/**
 * What the records make of an entry: a focal point or the secretariat of a network, an officer of
 * a post. An entry counts only for its own agency: a record naming another agency's entry names nobody.
 */
export function recordRolesOf(
  entry: Pick<EntryFieldsFragment, 'id' | 'agency'>,
  networks: readonly NetworkRecord[],
  posts: readonly LiaisonPost[],
  t: ReturnType<typeof useT>,
): string[] {
  const of = (ref: { agency: { id: string }; entry?: string | null } | null | undefined) =>
    ref?.entry === entry.id && ref.agency.id === entry.agency;
  return [
    ...networks.filter((n) => n.focalPoints.some(of)).map((n) => t('contact.focalPointOf', { network: n.name })),
    ...networks.filter((n) => of(n.secretariat)).map((n) => t('contact.secretariatOf', { network: n.name })),
    ...posts
      .filter((p) => p.sendingAgency.id === entry.agency && p.officers.includes(entry.id))
      .map((p) => t('contact.postedOfficer', { host: p.hostAgency.name, country: countryName(p.hostCountry) })),
  ];
}

export function NetworkPanel({
  network,
  posts,
  agencyName,
  ownAgency,
}: {
  network: NetworkRecord;
  posts: readonly LiaisonPost[];
  agencyName: (id: string) => string;
  ownAgency: string;
}) {
  const t = useT();
  const named = [network.secretariat, ...network.focalPoints].flatMap((r) => (r?.entry ? [r.entry] : []));
  const [{ data }] = useQuery({
    query: DirectoryQuery,
    variables: { filter: { ids: [...new Set(named)] } },
    pause: named.length === 0,
  });
  const entries = data?.directory.entries ?? [];
  const contactOf = (ref: { agency: { id: string }; entry?: string | null }) =>
    entries.find((e) => e.id === ref.entry && e.agency === ref.agency.id);
  const roleLine = (ref: { agency: { id: string; name: string }; entry?: string | null }, what: string, testId: string) => {
    const contact = contactOf(ref);
    return (
      <li key={`${what}-${ref.agency.id}`} data-testid={testId}>
        <strong>{ref.agency.name}</strong>
        {contact ? (
          <ContactCard
            entry={contact}
            agencyName={agencyName}
            ownAgency={ownAgency}
            recordRoles={recordRolesOf(contact, [network], posts, t)}
          />
        ) : (
          <p className="muted">{ref.entry ? t('networks.contactNotShown') : t('networks.noContactNamed')}</p>
        )}
      </li>
    );
  };
  return (
    <section className="network-panel" aria-labelledby="network-panel-title" data-testid="network-panel">
      <h2 id="network-panel-title">{network.name}</h2>
      <h3>{t('networks.members')}</h3>
      <ul className="network-members" data-testid="network-members">
        {network.members.map((m) => (
          <li key={m.id}>
            {m.name} · {countryName(m.country)}
          </li>
        ))}
      </ul>
      {network.secretariat && (
        <>
          <h3>{t('networks.secretariat')}</h3>
          <ul className="network-roles">{roleLine(network.secretariat, 'secretariat', 'network-secretariat')}</ul>
        </>
      )}
      {network.focalPoints.length > 0 && (
        <>
          <h3>{t('networks.focalPoints')}</h3>
          <ul className="network-roles">{network.focalPoints.map((f) => roleLine(f, 'focal', 'network-focal-point'))}</ul>
        </>
      )}
    </section>
  );
}

export function LiaisonPosts({
  posts,
  chosen,
  onChoose,
}: {
  posts: readonly LiaisonPost[];
  chosen: string;
  onChoose: (post: string) => void;
}) {
  const t = useT();
  if (posts.length === 0) return null;
  return (
    <details className="liaison-posts" data-testid="liaison-posts" open={chosen !== ''}>
      <summary>{t('networks.liaisonPosts', { count: posts.length })}</summary>
      <ul>
        {posts.map((p) => (
          <li key={p.id} data-testid="liaison-post" data-post-id={p.id}>
            <p>
              <strong>
                {t('networks.postLine', { sending: p.sendingAgency.name, host: p.hostAgency.name, country: countryName(p.hostCountry) })}
              </strong>
            </p>
            <dl className="details">
              <dt>{t('networks.legalBasis')}</dt>
              <dd data-testid="liaison-post-basis">{p.legalBasis}</dd>
              <dt>{t('networks.routes')}</dt>
              <dd>{p.routes.map(label.region).join(', ')}</dd>
            </dl>
            {chosen === p.id ? (
              <button type="button" className="link" onClick={() => onChoose('')}>
                {t('networks.wholeDirectory')}
              </button>
            ) : (
              <button type="button" className="link" data-testid="liaison-post-officers" onClick={() => onChoose(p.id)}>
                {t('networks.showOfficers')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
