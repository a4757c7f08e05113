// Publishing a route alert or a document-fraud alert. The form builds proto's AlertInput, checks
// it with proto's schema before sending (messages at once, next to each field), and shows the
// node's own field errors the same way if it still refuses.
import {
  COMMUNICATION_PLATFORMS,
  CONCEALMENT_METHODS,
  DETECTION_PLACES,
  DOCUMENT_FEATURES,
  DOCUMENT_TYPES,
  FRAUD_TYPES,
  IDENTIFIER_KINDS,
  INFORMATION_CREDIBILITY,
  ROUTE_REGIONS,
  SOURCE_RELIABILITY,
  TLP_LEVELS,
  TRANSPORT_MEANS,
  TRANSPORT_MODES,
} from '@corridor/proto';
import { useState } from 'react';
import { useMutation } from 'urql';
import { CodeSelect, Field } from '../components/Field';
import { PublishAlertMutation } from '../documents';
import { checkAlertInput, type ErrorsByPath, serverFieldErrors, unplacedErrors } from '../field-errors';
import { COUNTRY_OPTIONS, label } from '../labels';

type Kind = 'route' | 'document_fraud';
interface WaypointRow {
  country: string;
  place: string;
  mode: string;
}
interface IdentifierRow {
  kind: string;
  value: string;
  qualifier: string;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

function CountrySelect({
  id,
  value,
  onChange,
  empty = 'Choose a country',
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  empty?: string;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {COUNTRY_OPTIONS.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

function Checkboxes({
  name,
  codes,
  selected,
  onChange,
  labelOf,
}: {
  name: string;
  codes: readonly string[];
  selected: string[];
  onChange: (v: string[]) => void;
  labelOf: (c: string) => string;
}) {
  return (
    <div className="checkboxes">
      {codes.map((c) => (
        <label key={c} htmlFor={`${name}-${c}`}>
          <input
            id={`${name}-${c}`}
            type="checkbox"
            checked={selected.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...selected, c] : selected.filter((x) => x !== c))}
          />
          {labelOf(c)}
        </label>
      ))}
    </div>
  );
}

export function Publish({ agencies, ownAgency }: { agencies: { id: string; name: string }[]; ownAgency: string }) {
  const [kind, setKind] = useState<Kind>('route');
  const [tlp, setTlp] = useState('GREEN');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [source, setSource] = useState('B');
  const [information, setInformation] = useState('2');
  const [summary, setSummary] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [region, setRegion] = useState('central-mediterranean');
  const [waypoints, setWaypoints] = useState<WaypointRow[]>([
    { country: '', place: '', mode: 'land' },
    { country: '', place: '', mode: 'sea' },
  ]);
  const [transport, setTransport] = useState('rubber_boat');
  const [concealment, setConcealment] = useState('');
  const [platforms, setPlatforms] = useState<string[]>([]);
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [migrants, setMigrants] = useState('');
  const [children, setChildren] = useState('');
  const [unaccompanied, setUnaccompanied] = useState('');
  const [documentType, setDocumentType] = useState('passport');
  const [issuingState, setIssuingState] = useState('');
  const [fraudType, setFraudType] = useState('counterfeit');
  const [features, setFeatures] = useState<string[]>([]);
  const [place, setPlace] = useState('airport');
  const [location, setLocation] = useState('');
  const [flight, setFlight] = useState('');
  const [identifiers, setIdentifiers] = useState<IdentifierRow[]>([]);
  const [errors, setErrors] = useState<ErrorsByPath>({});
  const [published, setPublished] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, publish] = useMutation(PublishAlertMutation);

  const restricted = tlp === 'AMBER' || tlp === 'AMBER+STRICT';
  const shown = new Set<string>();
  const err = (path: string) => {
    shown.add(path);
    return errors[path];
  };

  function buildInput(): Record<string, unknown> {
    const common = {
      kind,
      tlp,
      recipients: restricted ? recipients : [],
      grading: { source, information },
      summary,
      ...(validUntil && { validUntil: new Date(validUntil).toISOString() }),
      identifiers: identifiers.map((i) => ({ kind: i.kind, value: i.value, ...(opt(i.qualifier) && { qualifier: opt(i.qualifier) }) })),
    };
    if (kind === 'route') {
      const vulnerable = { children: num(children), unaccompaniedMinors: num(unaccompanied) };
      return {
        ...common,
        route: {
          region,
          waypoints: waypoints.map((w) => ({
            country: w.country,
            ...(opt(w.place) && { place: opt(w.place) }),
            ...(w.mode && { mode: w.mode }),
          })),
        },
        routeDetails: {
          transport,
          ...(concealment && { concealment }),
          communicationPlatforms: platforms,
          ...(price.trim() && { priceObserved: { amount: Number(price), currency } }),
          ...(migrants.trim() && { migrantCount: num(migrants) }),
          ...((vulnerable.children !== undefined || vulnerable.unaccompaniedMinors !== undefined) && {
            vulnerablePersons: Object.fromEntries(Object.entries(vulnerable).filter(([, v]) => v !== undefined)),
          }),
        },
      };
    }
    return {
      ...common,
      documentFraud: {
        documentType,
        issuingState,
        fraudType,
        featuresAffected: features,
        detectedAt: {
          place,
          ...(opt(location) && { location: opt(location) }),
          ...(opt(flight) && { flight: opt(flight)?.toUpperCase() }),
        },
      },
    };
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPublished(null);
    setFailure(null);
    const input = buildInput();
    const local = checkAlertInput(input);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const result = await publish({ input });
    if (result.data?.publishAlert) {
      setPublished(result.data.publishAlert.id);
      setSummary('');
      setIdentifiers([]);
      setErrors({});
      return;
    }
    const gqlError = result.error?.graphQLErrors[0];
    setErrors(serverFieldErrors(gqlError?.extensions));
    setFailure(gqlError?.message ?? result.error?.message ?? 'the alert was not published');
  }

  return (
    <section>
      <h2>Publish an alert</h2>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={kind === 'route'} data-testid="publish-kind-route" onClick={() => setKind('route')}>
          Route alert
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={kind === 'document_fraud'}
          data-testid="publish-kind-document_fraud"
          onClick={() => setKind('document_fraud')}
        >
          Document-fraud alert
        </button>
      </div>
      <form onSubmit={submit} noValidate className="publish">
        <fieldset>
          <legend>Sharing and reliability</legend>
          <Field id="tlp" label="Sharing (TLP)" errors={err('tlp')} hint={label.tlp(tlp)}>
            <CodeSelect id="tlp" value={tlp} onChange={setTlp} codes={TLP_LEVELS} labelOf={(c) => `TLP:${c}`} />
          </Field>
          {restricted && (
            <Field id="recipients" label="Agencies that may see it" errors={err('recipients')}>
              <Checkboxes
                name="recipients"
                codes={agencies.filter((a) => a.id !== ownAgency).map((a) => a.id)}
                selected={recipients}
                onChange={setRecipients}
                labelOf={(id) => agencies.find((a) => a.id === id)?.name ?? id}
              />
            </Field>
          )}
          <Field id="grading-source" label="Source reliability" errors={err('grading.source')}>
            <CodeSelect id="grading-source" value={source} onChange={setSource} codes={SOURCE_RELIABILITY} labelOf={label.source} />
          </Field>
          <Field id="grading-information" label="Information credibility" errors={err('grading.information')}>
            <CodeSelect
              id="grading-information"
              value={information}
              onChange={setInformation}
              codes={INFORMATION_CREDIBILITY}
              labelOf={label.information}
            />
          </Field>
          <Field id="validUntil" label="Valid until (optional)" errors={err('validUntil')}>
            <input id="validUntil" type="datetime-local" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          </Field>
        </fieldset>

        {kind === 'route' ? (
          <fieldset>
            <legend>Route and modus operandi</legend>
            <Field id="route-region" label="Route" errors={err('route.region')}>
              <CodeSelect id="route-region" value={region} onChange={setRegion} codes={ROUTE_REGIONS} labelOf={label.region} />
            </Field>
            <div className="field">
              <span className="group-label">Waypoints, in order</span>
              {err('route.waypoints')?.map((m) => (
                <div key={m} className="field-error" data-testid="field-error" data-field="route.waypoints" role="alert">
                  {m}
                </div>
              ))}
              {waypoints.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                <div className="row" key={i}>
                  <Field
                    id={`waypoint-${i}-country`}
                    label={`Waypoint ${i + 1} country`}
                    errors={[...(err(`route.waypoints.${i}.country`) ?? []), ...(err(`route.waypoints.${i}`) ?? [])]}
                  >
                    <CountrySelect
                      id={`waypoint-${i}-country`}
                      value={w.country}
                      onChange={(v) => setWaypoints(waypoints.map((x, j) => (j === i ? { ...x, country: v } : x)))}
                    />
                  </Field>
                  <Field id={`waypoint-${i}-place`} label="Place" errors={err(`route.waypoints.${i}.place`)}>
                    <input
                      id={`waypoint-${i}-place`}
                      value={w.place}
                      onChange={(e) => setWaypoints(waypoints.map((x, j) => (j === i ? { ...x, place: e.target.value } : x)))}
                    />
                  </Field>
                  <Field id={`waypoint-${i}-mode`} label="By" errors={err(`route.waypoints.${i}.mode`)}>
                    <CodeSelect
                      id={`waypoint-${i}-mode`}
                      value={w.mode}
                      onChange={(v) => setWaypoints(waypoints.map((x, j) => (j === i ? { ...x, mode: v } : x)))}
                      codes={TRANSPORT_MODES}
                      labelOf={label.mode}
                      empty="—"
                    />
                  </Field>
                  {waypoints.length > 2 && (
                    <button type="button" className="link" onClick={() => setWaypoints(waypoints.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                  )}
                </div>
              ))}
              <button type="button" className="link" onClick={() => setWaypoints([...waypoints, { country: '', place: '', mode: '' }])}>
                + Add waypoint
              </button>
            </div>
            <Field id="transport" label="Means of transport" errors={err('routeDetails.transport')}>
              <CodeSelect id="transport" value={transport} onChange={setTransport} codes={TRANSPORT_MEANS} labelOf={label.transport} />
            </Field>
            <Field id="concealment" label="Concealment" errors={err('routeDetails.concealment')}>
              <CodeSelect
                id="concealment"
                value={concealment}
                onChange={setConcealment}
                codes={CONCEALMENT_METHODS}
                labelOf={label.concealment}
                empty="Not known"
              />
            </Field>
            <Field id="platforms" label="Platforms smugglers use" errors={err('routeDetails.communicationPlatforms')}>
              <Checkboxes
                name="platform"
                codes={COMMUNICATION_PLATFORMS}
                selected={platforms}
                onChange={setPlatforms}
                labelOf={label.platform}
              />
            </Field>
            <div className="row">
              <Field id="price" label="Price per person" errors={err('routeDetails.priceObserved.amount')}>
                <input id="price" type="number" min="0" value={price} onChange={(e) => setPrice(e.target.value)} />
              </Field>
              <Field id="currency" label="Currency" errors={err('routeDetails.priceObserved.currency')}>
                <input id="currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
              </Field>
              <Field id="migrants" label="Number of migrants" errors={err('routeDetails.migrantCount')}>
                <input id="migrants" type="number" min="0" value={migrants} onChange={(e) => setMigrants(e.target.value)} />
              </Field>
              <Field id="children" label="Children" errors={err('routeDetails.vulnerablePersons.children')}>
                <input id="children" type="number" min="0" value={children} onChange={(e) => setChildren(e.target.value)} />
              </Field>
              <Field id="unaccompanied" label="Unaccompanied minors" errors={err('routeDetails.vulnerablePersons.unaccompaniedMinors')}>
                <input id="unaccompanied" type="number" min="0" value={unaccompanied} onChange={(e) => setUnaccompanied(e.target.value)} />
              </Field>
            </div>
          </fieldset>
        ) : (
          <fieldset>
            <legend>Document</legend>
            <Field id="documentType" label="Document type" errors={err('documentFraud.documentType')}>
              <CodeSelect
                id="documentType"
                value={documentType}
                onChange={setDocumentType}
                codes={DOCUMENT_TYPES}
                labelOf={label.documentType}
              />
            </Field>
            <Field id="issuingState" label="Issuing state" errors={err('documentFraud.issuingState')}>
              <CountrySelect id="issuingState" value={issuingState} onChange={setIssuingState} />
            </Field>
            <Field id="fraudType" label="Type of fraud" errors={err('documentFraud.fraudType')}>
              <CodeSelect id="fraudType" value={fraudType} onChange={setFraudType} codes={FRAUD_TYPES} labelOf={label.fraudType} />
            </Field>
            <Field id="features" label="Features affected" errors={err('documentFraud.featuresAffected')}>
              <Checkboxes name="feature" codes={DOCUMENT_FEATURES} selected={features} onChange={setFeatures} labelOf={label.feature} />
            </Field>
            <div className="row">
              <Field id="detectedAt-place" label="Detected at" errors={err('documentFraud.detectedAt.place')}>
                <CodeSelect
                  id="detectedAt-place"
                  value={place}
                  onChange={setPlace}
                  codes={DETECTION_PLACES}
                  labelOf={label.detectionPlace}
                />
              </Field>
              <Field id="detectedAt-location" label="Location" errors={err('documentFraud.detectedAt.location')}>
                <input id="detectedAt-location" value={location} onChange={(e) => setLocation(e.target.value)} />
              </Field>
              <Field id="detectedAt-flight" label="Flight" errors={err('documentFraud.detectedAt.flight')}>
                <input id="detectedAt-flight" value={flight} onChange={(e) => setFlight(e.target.value)} placeholder="AZ869" />
              </Field>
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend>What was seen</legend>
          <Field
            id="summary"
            label="Summary"
            errors={err('summary')}
            hint="Write no names, numbers or handles here: put them under Identifiers, where they are pseudonymized."
          >
            <textarea id="summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </Field>
          <div className="field">
            <span className="group-label">Identifiers</span>
            <small className="hint">
              Document numbers, names with date of birth, phone numbers, handles: your node replaces each with a keyed pseudonym before
              anything leaves it. Partners can match them; nobody can read them back.
            </small>
            {identifiers.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
              <div className="row" key={i}>
                <Field id={`identifier-${i}-kind`} label={`Identifier ${i + 1} kind`} errors={err(`identifiers.${i}.kind`)}>
                  <CodeSelect
                    id={`identifier-${i}-kind`}
                    value={row.kind}
                    onChange={(v) => setIdentifiers(identifiers.map((x, j) => (j === i ? { ...x, kind: v } : x)))}
                    codes={IDENTIFIER_KINDS}
                    labelOf={label.identifierKind}
                  />
                </Field>
                <Field id={`identifier-${i}-value`} label="Value" errors={err(`identifiers.${i}.value`)}>
                  <input
                    id={`identifier-${i}-value`}
                    autoComplete="off"
                    value={row.value}
                    onChange={(e) => setIdentifiers(identifiers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                  />
                </Field>
                <Field
                  id={`identifier-${i}-qualifier`}
                  label="Issuing state / platform / date of birth"
                  errors={err(`identifiers.${i}.qualifier`)}
                >
                  <input
                    id={`identifier-${i}-qualifier`}
                    value={row.qualifier}
                    onChange={(e) => setIdentifiers(identifiers.map((x, j) => (j === i ? { ...x, qualifier: e.target.value } : x)))}
                  />
                </Field>
                <button type="button" className="link" onClick={() => setIdentifiers(identifiers.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              className="link"
              onClick={() =>
                setIdentifiers([...identifiers, { kind: kind === 'route' ? 'phone' : 'travel_document', value: '', qualifier: '' }])
              }
            >
              + Add identifier
            </button>
          </div>
        </fieldset>

        {unplacedErrors(errors, shown).map(([path, messages]) => (
          <div key={path} className="field-error" data-testid="field-error" data-field={path} role="alert">
            {path || 'alert'}: {messages.join('; ')}
          </div>
        ))}
        {failure && Object.keys(errors).length === 0 && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" data-testid="publish-submit" disabled={fetching}>
          {fetching ? 'Publishing…' : 'Publish alert'}
        </button>
        {published && (
          <p className="success" data-testid="publish-success" role="status">
            Published as alert {published}. Partners see it within seconds.
          </p>
        )}
      </form>
    </section>
  );
}
