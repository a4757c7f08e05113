// One alert as an officer reads it: what, where, how reliable, who said it.
import { PROTECTION_FLAG_LABELS } from '@corridor/proto';
import { useMemo } from 'react';
import type { AlertFieldsFragment } from '../gql/graphql';
import { countryName, dateText, dateTimeText, issuerName, label } from '../labels';
import { LazyRouteMap } from '../map/LazyRouteMap';
import { AlertActions } from './AlertActions';

// The answer says null where the alert has no value: shown as absent.
function RouteDetails({ d }: { d: NonNullable<AlertFieldsFragment['routeDetails']> }) {
  const vulnerable = d.vulnerablePersons;
  const price = d.priceObserved;
  return (
    <dl className="details">
      <dt>Transport</dt>
      <dd>{label.transport(d.transport)}</dd>
      {typeof d.concealment === 'string' && (
        <>
          <dt>Concealment</dt>
          <dd>{label.concealment(d.concealment)}</dd>
        </>
      )}
      {d.communicationPlatforms.length > 0 && (
        <>
          <dt>Smugglers use</dt>
          <dd>{d.communicationPlatforms.map(label.platform).join(', ')}</dd>
        </>
      )}
      {price && (
        <>
          <dt>Price observed</dt>
          <dd>
            {price.amount.toLocaleString()} {price.currency}
          </dd>
        </>
      )}
      {typeof d.migrantCount === 'number' && (
        <>
          <dt>Migrants</dt>
          <dd>{d.migrantCount}</dd>
        </>
      )}
      {vulnerable?.children || vulnerable?.unaccompaniedMinors || vulnerable?.pregnantWomen ? (
        <>
          <dt>Vulnerable persons</dt>
          <dd className="protection">
            {[
              vulnerable.children ? `${vulnerable.children} children` : '',
              vulnerable.unaccompaniedMinors ? `${vulnerable.unaccompaniedMinors} unaccompanied minors` : '',
              vulnerable.pregnantWomen ? `${vulnerable.pregnantWomen} pregnant women` : '',
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
  const at = d.detectedAt;
  return (
    <dl className="details">
      <dt>Document</dt>
      <dd>
        {label.documentType(d.documentType)} issued by {issuerName(d.issuingState)}
      </dd>
      <dt>Fraud</dt>
      <dd>{label.fraudType(d.fraudType)}</dd>
      {d.featuresAffected.length > 0 && (
        <>
          <dt>Features affected</dt>
          <dd>{d.featuresAffected.map(label.feature).join(', ')}</dd>
        </>
      )}
      <dt>Detected at</dt>
      <dd>{[label.detectionPlace(at.place), at.location, at.flight && `flight ${at.flight}`].filter(Boolean).join(' · ')}</dd>
    </dl>
  );
}

/** "B — source mostly reliable" → "source mostly reliable": the letter is shown once, beside it. */
const words = (labelText: string) => labelText.split(' — ')[1] ?? labelText;

/** What an origin's release policy may withhold, in words (proto REDACTABLE_FIELDS). */
const WITHHELD: Record<string, string> = {
  caseReference: 'case reference',
  identifiers: 'identifiers',
  'route.places': 'place names',
  'routeDetails.priceObserved': 'price observed',
  'documentFraud.detectionDetails': 'where exactly it was detected',
};

export function AlertCard({
  alert,
  isNew,
  agencyName,
  ownAgency,
}: {
  alert: AlertFieldsFragment;
  isNew: boolean;
  agencyName: (id: string) => string;
  /** The signed-in user's agency: its own alerts can be amended and withdrawn here. */
  ownAgency?: string;
}) {
  const { source, information } = alert.grading;
  // The same array while the route is the same: the feed re-renders every card on each live
  // event, and the map is projected again only when its route changes.
  const mapRoutes = useMemo(() => (alert.route ? [{ key: alert.id, waypoints: alert.route.waypoints }] : null), [alert.id, alert.route]);
  return (
    <article
      className={`alert ${isNew ? 'alert-new' : ''} ${alert.status === 'withdrawn' ? 'alert-withdrawn' : ''}`}
      data-testid="alert-item"
      data-alert-id={alert.id}
      aria-label={`${label.kind(alert.kind)} from ${agencyName(alert.origin.agency)}`}
    >
      <header>
        {/* TLP 2.0 (FIRST): the label is written out, in its colour on black. */}
        <span className={`tlp tlp-${alert.tlp.replace('+', '-').toLowerCase()}`} title={label.tlp(alert.tlp)}>
          TLP:{alert.tlp}
        </span>
        <strong className="kind">{label.kind(alert.kind)}</strong>
        {isNew && <span className="badge-new">New</span>}
        {alert.status !== 'active' && (
          <span className="badge badge-status">{alert.status === 'withdrawn' ? 'Withdrawn' : `Amended (revision ${alert.revision})`}</span>
        )}
        {alert.expired && alert.status !== 'withdrawn' && <span className="badge badge-status">Expired</span>}
        <span className="origin">
          from <strong>{agencyName(alert.origin.agency)}</strong> · {countryName(alert.origin.country)}
        </span>
        <time dateTime={alert.createdAt}>{dateTimeText(alert.createdAt)}</time>
      </header>
      {alert.route && (
        <p className="route">
          <span className="region">{label.region(alert.route.region)}:</span>{' '}
          {alert.route.waypoints.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a route may pass the same place twice; position is its identity
            <span key={`${w.country}-${i}`}>
              {i > 0 && <span className="arrow"> → </span>}
              {w.place ? `${w.place} (${countryName(w.country)})` : countryName(w.country)}
              {w.mode && <small className="muted"> by {label.mode(w.mode).toLowerCase()}</small>}
            </span>
          ))}
        </p>
      )}
      {alert.route && mapRoutes && (
        <LazyRouteMap size="card" title={`Route of this alert: ${label.region(alert.route.region)}`} routes={mapRoutes} />
      )}
      <p className="summary">{alert.summary}</p>
      {alert.protection.length > 0 && (
        <p className="protection-notice" data-testid="protection-notice" role="note">
          Protection notice: {alert.protection.map((f) => PROTECTION_FLAG_LABELS[f as keyof typeof PROTECTION_FLAG_LABELS] ?? f).join(', ')}
          . The protection contact for the country has been told; these are people to protect, not suspects.
        </p>
      )}
      {ownAgency && alert.origin.agency !== ownAgency && (
        <p className="consult">
          <a
            data-testid="alert-consult"
            href={`#/consultations/new?${new URLSearchParams({ with: alert.origin.agency, alert: alert.id, subject: `About their ${label.kind(alert.kind).toLowerCase()} of ${dateText(alert.createdAt)}` })}`}
          >
            Consult {agencyName(alert.origin.agency)} about this alert
          </a>
        </p>
      )}
      {alert.caseReference && (
        <p className="case-reference" data-testid="case-reference">
          Case reference: <strong>{alert.caseReference}</strong>
        </p>
      )}
      {alert.correlations.map((c) => (
        <p key={c.alertId} className="correlation" data-testid="correlation-notice" data-other-alert={c.alertId} role="note">
          ⚠ Linked: the same {c.kinds.map((k) => label.identifierKind(k).toLowerCase()).join(', ')} appears in an alert of{' '}
          <strong>{agencyName(c.agency)}</strong> <small className="muted">(reference {c.alertId})</small>. Contact them before acting.
        </p>
      ))}
      {alert.redacted.length > 0 && (
        <p className="muted redacted" data-testid="alert-redacted">
          Withheld by {agencyName(alert.origin.agency)}’s release policy: {alert.redacted.map((f) => WITHHELD[f] ?? f).join(', ')}. Ask
          their desk if you need it.
        </p>
      )}
      {alert.routeDetails && <RouteDetails d={alert.routeDetails} />}
      {alert.documentFraud && <DocumentDetails d={alert.documentFraud} />}
      <footer>
        <span title={`${label.source(source)}; ${label.information(information)}`}>
          Graded {source}
          {information}: {words(label.source(source))}; {words(label.information(information))}
        </span>
        {alert.identifiers.length > 0 && (
          <span className="identifiers" title="Keyed pseudonyms: partners can match them, nobody can read them back">
            {alert.identifiers.map((i) => (
              <code key={`${i.kind}-${i.pseudonym}`}>
                {label.identifierKind(i.kind)} · {i.pseudonym.slice(0, 8)}…
              </code>
            ))}
          </span>
        )}
        {alert.recipients.length > 0 && <span>Shared only with {alert.recipients.map(agencyName).join(', ')}</span>}
        {alert.validUntil && <span>Valid until {dateTimeText(alert.validUntil)}</span>}
        {alert.signingKey && (
          <span
            className="signed"
            data-testid="signed-by"
            title={`Signature verified against the key ${alert.signingKey} that this agency publishes`}
          >
            ✔ Signed by {agencyName(alert.origin.agency)}
          </span>
        )}
      </footer>
      {ownAgency === alert.origin.agency && <AlertActions alert={alert} />}
    </article>
  );
}
