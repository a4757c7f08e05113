// One contact as an officer needs it on a bad night: can I reach them now (and what time is it
// there), in which language, how (links the device can follow), what they handle, and whether
// their agency still vouches for the entry. Reachability is computed here, with the same proto
// function the nodes and the gateway rank by.
import { reachability } from '@corridor/proto';
import { useEffect, useState } from 'react';
import { entryFromGraphQL, withContactFiles } from '../directory-entry';
import type { EntryFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { countryName, dateText, hoursText, label, languageName } from '../labels';
import { telHref, usePhoneText } from '../phone-text';

/** A number in the reader's own form, calling the number in E.164. */
function Telephone({ value }: { value: string }) {
  return <a href={telHref(value)}>{usePhoneText(value)}</a>;
}

/** A way to reach a contact, as a link the officer's device can follow (tel:, mailto:). */
export function Channel({ type, value, label: channelLabel }: EntryFieldsFragment['channels'][number]) {
  const link =
    type === 'phone' || type === 'fax' ? (
      <Telephone value={value} />
    ) : type === 'email' ? (
      <a href={`mailto:${value}`}>{value}</a>
    ) : (
      <span className="channel-value">{value}</span>
    );
  return (
    <li>
      <span className="channel-type">{label.channel(type)}</span>
      <span>
        {link}
        {channelLabel && <small className="muted"> — {channelLabel}</small>}
      </span>
    </li>
  );
}

/** One line of the card's details, left out when the entry has nothing to list there. */
function Listed({ term, values }: { term: string; values: readonly string[] }) {
  if (values.length === 0) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{values.join(', ')}</dd>
    </>
  );
}

/** The clock moves while the page is open: the indicator follows it, once a minute. */
function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function ReachableNow({ entry }: { entry: EntryFieldsFragment }) {
  const t = useT();
  const now = useMinute();
  const r = reachability(entryFromGraphQL(entry), now);
  const place = entry.availability.timeZone.split('/').pop()?.replace(/_/g, ' ') ?? '';
  const there = t('contact.timeThere', { time: r.local.time, place });
  const text = r.reachable
    ? r.why === 'always'
      ? t('contact.reachableAlways', { there })
      : t('contact.reachableInHours', { there })
    : r.why === 'absent'
      ? t('contact.away', { back: dateText(r.backOn), there })
      : r.why === 'no_hours'
        ? t('contact.noHours', { there })
        : t('contact.outsideHours', { there });
  return (
    <p className={`reachable ${r.reachable ? 'reachable-yes' : 'reachable-no'}`} data-testid="reachable" data-reachable={r.reachable}>
      <span aria-hidden="true">{r.reachable ? '●' : '○'}</span> {text}
    </p>
  );
}

export function ContactCard({
  entry,
  agencyName,
  ownAgency,
  recordRoles = [],
}: {
  entry: EntryFieldsFragment;
  agencyName: (id: string) => string;
  /** The signed-in user's agency: a contact of another agency can be consulted from the card. */
  ownAgency?: string;
  /** What the membership's records make of the contact: focal point, secretariat, posted officer. */
  recordRoles?: readonly string[];
}) {
  const t = useT();
  const { always, timeZone, hours, absences } = entry.availability;
  const upcoming = absences.filter((a) => a.to >= new Date().toISOString().slice(0, 10));
  return (
    <article className={`contact ${entry.stale ? 'contact-stale' : ''}`} data-testid="directory-result" data-entry-id={entry.id}>
      <header>
        <h3>{entry.name}</h3>
        {entry.kind === 'desk' && <span className="badge">{t('contact.desk')}</span>}
        {always ? <span className="badge badge-247">24/7</span> : null}
        {entry.spoc && (
          <span className="badge badge-spoc" data-testid="spoc" title={t('contact.spocTitle')}>
            {t('contact.spoc')}
          </span>
        )}
        {recordRoles.map((r) => (
          <span key={r} className="badge badge-record" data-testid="record-role">
            {r}
          </span>
        ))}
        {entry.stale && (
          <span className="badge badge-stale" data-testid="stale" title={t('contact.staleTitle')}>
            {t('contact.stale')}
          </span>
        )}
      </header>
      {entry.title && <p className="title">{entry.title}</p>}
      <p>
        {agencyName(entry.agency)} · {countryName(entry.country)}
        {entry.postedIn && ` · ${t('contact.postedIn', { country: countryName(entry.postedIn) })}`}
      </p>
      <ReachableNow entry={entry} />
      <dl className="details">
        <dt>{t('contact.roles')}</dt>
        <dd>{entry.roles.map(label.role).join(' · ')}</dd>
        <Listed term={t('directory.handles')} values={entry.competences.map(label.competence)} />
        <Listed term={t('contact.covers')} values={entry.covers.map(countryName)} />
        <Listed term={t('contact.routes')} values={entry.routes.map(label.region)} />
        <Listed term={t('contact.networks')} values={entry.networks} />
        <dt>{t('directory.speaks')}</dt>
        <dd>{entry.languages.map(languageName).join(', ')}</dd>
        <dt>{t('contact.hours')}</dt>
        <dd>
          {always ? t('contact.anyHour') : hoursText(hours) || t('contact.notGiven')}
          <span className="muted"> ({timeZone.replace(/_/g, ' ')})</span>
          {upcoming.length > 0 && (
            <span className="muted">
              {' '}
              ·{' '}
              {t('contact.awayOn', {
                dates: upcoming.map((a) => (a.from === a.to ? dateText(a.from) : `${dateText(a.from)} – ${dateText(a.to)}`)).join(', '),
              })}
            </span>
          )}
        </dd>
      </dl>
      <ul className="channels">
        {entry.channels.map((c) => (
          <Channel key={`${c.type}-${c.value}`} {...c} />
        ))}
      </ul>
      {entry.redacted.length > 0 && (
        <p className="muted redacted" data-testid="entry-redacted">
          {entry.redacted.some((f) => f.startsWith('channels.'))
            ? t('contact.redactedChannels', { agency: agencyName(entry.agency) })
            : t('contact.redactedDetails', { agency: agencyName(entry.agency) })}
        </p>
      )}
      {entry.notes && <p className="notes">{entry.notes}</p>}
      <footer className="contact-foot">
        <span className={`verified ${entry.stale ? 'stale-text' : 'muted'}`} data-testid="verified">
          {entry.verifiedBy
            ? t(entry.stale ? 'contact.notConfirmedSinceBy' : 'contact.lastVerifiedBy', {
                date: dateText(entry.lastVerified),
                who: entry.verifiedBy,
              })
            : t(entry.stale ? 'contact.notConfirmedSince' : 'contact.lastVerified', { date: dateText(entry.lastVerified) })}
        </span>
        {ownAgency && entry.agency !== ownAgency && (
          <a
            data-testid="contact-consult"
            href={`#/consultations/new?${new URLSearchParams({ with: entry.agency, entry: entry.id, subject: t('contact.consultSubject', { name: entry.name }) })}`}
          >
            {t('contact.consult')}
          </a>
        )}
        <button
          type="button"
          className="link"
          data-testid="vcard"
          onClick={() => withContactFiles((f) => f.downloadVCard(entry, agencyName(entry.agency)))}
        >
          {t('contact.vcard')}
        </button>
      </footer>
    </article>
  );
}
