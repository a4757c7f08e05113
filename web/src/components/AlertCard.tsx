// One alert as an officer reads it: what, where, how reliable, who said it.
import { useMemo } from 'react';
import type { AlertFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { countryName, dateText, dateTimeText, issuerName, label, numberText, withheldFieldText } from '../labels';
import { LazyRouteMap } from '../map/LazyRouteMap';
import { AlertActions } from './AlertActions';
import { asksPermission, RequestPermission } from './RequestPermission';

// The answer says null where the alert has no value: shown as absent.
function RouteDetails({ d }: { d: NonNullable<AlertFieldsFragment['routeDetails']> }) {
  const t = useT();
  const vulnerable = d.vulnerablePersons;
  const price = d.priceObserved;
  return (
    <dl className="details">
      <dt>{t('alert.transport')}</dt>
      <dd>{label.transport(d.transport)}</dd>
      {typeof d.concealment === 'string' && (
        <>
          <dt>{t('alert.concealment')}</dt>
          <dd>{label.concealment(d.concealment)}</dd>
        </>
      )}
      {d.communicationPlatforms.length > 0 && (
        <>
          <dt>{t('alert.smugglersUse')}</dt>
          <dd>{d.communicationPlatforms.map(label.platform).join(', ')}</dd>
        </>
      )}
      {price && (
        <>
          <dt>{t('alert.priceObserved')}</dt>
          <dd>
            {numberText(price.amount)} {price.currency}
          </dd>
        </>
      )}
      {typeof d.migrantCount === 'number' && (
        <>
          <dt>{t('alert.migrants')}</dt>
          <dd>{numberText(d.migrantCount)}</dd>
        </>
      )}
      {vulnerable?.children || vulnerable?.unaccompaniedMinors || vulnerable?.pregnantWomen ? (
        <>
          <dt>{t('alert.vulnerable')}</dt>
          <dd className="protection">
            {[
              vulnerable.children ? t('alert.children', { count: vulnerable.children }) : '',
              vulnerable.unaccompaniedMinors ? t('alert.unaccompaniedMinors', { count: vulnerable.unaccompaniedMinors }) : '',
              vulnerable.pregnantWomen ? t('alert.pregnantWomen', { count: vulnerable.pregnantWomen }) : '',
            ]
              .filter(Boolean)
              .join(', ')}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function DocumentDetails({ d }: { d: NonNullable<AlertFieldsFragment['documentFraud']> }) {
  const t = useT();
  const at = d.detectedAt;
  return (
    <dl className="details">
      <dt>{t('alert.document')}</dt>
      <dd>{t('alert.documentIssuedBy', { type: label.documentType(d.documentType), issuer: issuerName(d.issuingState) })}</dd>
      <dt>{t('alert.fraud')}</dt>
      <dd>{label.fraudType(d.fraudType)}</dd>
      {d.featuresAffected.length > 0 && (
        <>
          <dt>{t('alert.featuresAffected')}</dt>
          <dd>{d.featuresAffected.map(label.feature).join(', ')}</dd>
        </>
      )}
      <dt>{t('alert.detectedAt')}</dt>
      <dd>
        {[label.detectionPlace(at.place), at.location, at.flight && t('alert.flight', { flight: at.flight })].filter(Boolean).join(' · ')}
      </dd>
    </dl>
  );
}

/** "B — source mostly reliable" → "source mostly reliable": the letter is shown once, beside it. */
const words = (labelText: string) => labelText.split(' — ')[1] ?? labelText;

/** The protection notice this node raised for an alert, as the notices panel shows it. */
export interface NoticeOfAlert {
  country: string;
  contacts: { name: string }[];
}

export function AlertCard({
  alert,
  isNew,
  agencyName,
  ownAgency,
  notice,
}: {
  alert: AlertFieldsFragment;
  /** Undefined while unknown (not loaded, or older than the panel's list): the card then claims nothing. */
  notice?: NoticeOfAlert | undefined;
  isNew: boolean;
  agencyName: (id: string) => string;
  /** The signed-in user's agency: its own alerts can be amended and withdrawn here. */
  ownAgency?: string;
}) {
  const t = useT();
  const { source, information } = alert.grading;
  const flags = alert.protection.map(label.protection).join(', ');
  // The same array while the route is the same: the feed re-renders every card on each live
  // event, and the map is projected again only when its route changes.
  const mapRoutes = useMemo(() => (alert.route ? [{ key: alert.id, waypoints: alert.route.waypoints }] : null), [alert.id, alert.route]);
  return (
    <article
      className={`alert ${isNew ? 'alert-new' : ''} ${alert.status === 'withdrawn' ? 'alert-withdrawn' : ''}`}
      data-testid="alert-item"
      data-alert-id={alert.id}
      aria-label={t('alert.ariaLabel', { kind: label.kind(alert.kind), agency: agencyName(alert.origin.agency) })}
    >
      <header>
        {/* TLP 2.0 (FIRST): the label is written out, in its colour on black. */}
        <span className={`tlp tlp-${alert.tlp.replace('+', '-').toLowerCase()}`} title={label.tlp(alert.tlp)}>
          TLP:{alert.tlp}
        </span>
        {/* What receivers may do with it (H0-H3), beside who may see it. */}
        <span className="badge badge-handling" data-testid="handling-code" title={label.handlingCode(alert.handlingCode)}>
          {alert.handlingCode}
        </span>
        <strong className="kind">{label.kind(alert.kind)}</strong>
        {isNew && <span className="badge-new">{t('alert.new')}</span>}
        {alert.status !== 'active' && (
          <span className="badge badge-status">
            {alert.status === 'withdrawn' ? t('alert.withdrawn') : t('alert.amended', { revision: alert.revision })}
          </span>
        )}
        {alert.expired && alert.status !== 'withdrawn' && <span className="badge badge-status">{t('alert.expired')}</span>}
        <span className="origin">
          {t('alert.from')} <strong>{agencyName(alert.origin.agency)}</strong> · {countryName(alert.origin.country)}
        </span>
        <time dateTime={alert.createdAt}>{dateTimeText(alert.createdAt)}</time>
      </header>
      {alert.status === 'amended' && alert.changes.length > 0 && (
        <p className="muted changes" data-testid="alert-changes">
          {t('alert.changedIn', { revision: alert.revision, fields: alert.changes.join(', ') })}
        </p>
      )}
      {alert.status === 'withdrawn' && alert.withdrawalReason && (
        <p className="withdrawal-reason" data-testid="withdrawal-reason">
          {t('alert.withdrawnBecause', { reason: alert.withdrawalReason })}
        </p>
      )}
      {alert.route && (
        <p className="route">
          <span className="region">{label.region(alert.route.region)}:</span>{' '}
          {alert.route.waypoints.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a route may pass the same place twice; position is its identity
            <span key={`${w.country}-${i}`}>
              {i > 0 && <span className="arrow"> → </span>}
              {w.place ? `${w.place} (${countryName(w.country)})` : countryName(w.country)}
              {w.mode && <small className="muted"> {t('alert.byMode', { mode: label.mode(w.mode).toLocaleLowerCase() })}</small>}
            </span>
          ))}
        </p>
      )}
      {alert.route && mapRoutes && (
        <LazyRouteMap size="card" title={t('alert.routeMap', { region: label.region(alert.route.region) })} routes={mapRoutes} />
      )}
      {/* In the language its publisher stated (unknown on older alerts: no lang, the card's own applies). */}
      <p className="summary" lang={alert.summaryLanguage ?? undefined} dir="auto" data-testid="alert-summary">
        {alert.summary}
      </p>
      {alert.protection.length > 0 && (
        <p className="protection-notice" data-testid="protection-notice" role="note">
          {/* Says what the notices panel says, from the same notice: told only when a contact was listed. */}
          {notice === undefined
            ? t('alert.protectionNoticeSee', { flags })
            : notice.contacts.length > 0
              ? t('alert.protectionNoticeBrought', {
                  flags,
                  contacts: notice.contacts.map((c) => c.name).join(', '),
                  country: countryName(notice.country),
                })
              : t('alert.protectionNoticeNoContact', { flags, country: countryName(notice.country) })}
        </p>
      )}
      {ownAgency && alert.origin.agency !== ownAgency && (
        <p className="consult">
          <a
            data-testid="alert-consult"
            href={`#/consultations/new?${new URLSearchParams({ with: alert.origin.agency, alert: alert.id, subject: t('alert.consultSubject', { kind: label.kind(alert.kind).toLocaleLowerCase(), date: dateText(alert.createdAt) }) })}`}
          >
            {t('alert.consult', { agency: agencyName(alert.origin.agency) })}
          </a>
        </p>
      )}
      <p className="handling" data-testid="handling">
        {label.handlingCode(alert.handlingCode)}
        {alert.handlingConditions && (
          <>
            <br />
            {t('alert.handlingConditions', { conditions: alert.handlingConditions })}
          </>
        )}
        <br />
        <span data-testid="evidence-marking">
          {alert.evidence
            ? t('alert.evidence', { use: label.evidenceUse(alert.evidence.use), decidedBy: alert.evidence.decidedBy })
            : t('alert.evidenceNotStated')}
          {alert.evidence?.legalBasis && <> · {t('alert.evidenceBasis', { basis: alert.evidence.legalBasis })}</>}
        </span>
      </p>
      {ownAgency && alert.origin.agency !== ownAgency && alert.status !== 'withdrawn' && asksPermission(alert) && (
        <RequestPermission alert={alert} agencyName={agencyName} />
      )}
      {alert.caseReference && (
        <p className="case-reference" data-testid="case-reference">
          {t('alert.caseReference')} <strong>{alert.caseReference}</strong>
        </p>
      )}
      {alert.correlations.map((c) => (
        <p key={c.alertId} className="correlation" data-testid="correlation-notice" data-other-alert={c.alertId} role="note">
          ⚠ {t('alert.linked', { kinds: c.kinds.map((k) => label.identifierKind(k).toLocaleLowerCase()).join(', ') })}{' '}
          <strong>{agencyName(c.agency)}</strong> <small className="muted">({t('alert.reference', { id: c.alertId })})</small>.{' '}
          {t('alert.contactBeforeActing')}
        </p>
      ))}
      {alert.redacted.length > 0 && (
        <p className="muted redacted" data-testid="alert-redacted">
          {t('alert.withheld', { agency: agencyName(alert.origin.agency), fields: alert.redacted.map(withheldFieldText).join(', ') })}
        </p>
      )}
      {alert.routeDetails && <RouteDetails d={alert.routeDetails} />}
      {alert.documentFraud && <DocumentDetails d={alert.documentFraud} />}
      <footer>
        <span title={`${label.source(source)}; ${label.information(information)}`}>
          {t('alert.graded', {
            grade: `${source}${information}`,
            source: words(label.source(source)),
            information: words(label.information(information)),
          })}
        </span>
        {alert.identifiers.length > 0 && (
          <span className="identifiers" title={t('alert.pseudonymsTitle')}>
            {alert.identifiers.map((i) => (
              <code key={`${i.kind}-${i.pseudonym}`}>
                {label.identifierKind(i.kind)} · {i.pseudonym.slice(0, 8)}…
              </code>
            ))}
          </span>
        )}
        {alert.recipients.length > 0 && <span>{t('alert.sharedOnlyWith', { agencies: alert.recipients.map(agencyName).join(', ') })}</span>}
        {alert.validUntil && <span>{t('alert.validUntil', { date: dateTimeText(alert.validUntil) })}</span>}
        {alert.signingKey && (
          <span className="signed" data-testid="signed-by" title={t('alert.signatureTitle', { key: alert.signingKey })}>
            ✔ {t('alert.signedBy', { agency: agencyName(alert.origin.agency) })}
          </span>
        )}
      </footer>
      {ownAgency === alert.origin.agency && <AlertActions alert={alert} />}
    </article>
  );
}
