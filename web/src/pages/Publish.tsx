// Publishing a route alert or a document-fraud alert. The form builds proto's AlertInput
// (alert-form.ts), checks it with proto's schema before sending (messages at once, next to each
// field) and shows the node's own field errors the same way if it still refuses.
import {
  COMMUNICATION_PLATFORMS,
  CONCEALMENT_METHODS,
  DETECTION_PLACES,
  DOCUMENT_FEATURES,
  DOCUMENT_TYPES,
  FRAUD_TYPES,
  IDENTIFIER_KINDS,
  INFORMATION_CREDIBILITY,
  PROTECTION_FLAG_LABELS,
  PROTECTION_FLAGS,
  ROUTE_REGIONS,
  SOURCE_RELIABILITY,
  TLP_LEVELS,
  TRANSPORT_MEANS,
  TRANSPORT_MODES,
} from '@corridor/proto';
import { type FormEvent, type SelectHTMLAttributes, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import {
  type AlertForm,
  type AlertFormKind,
  buildAlertInput,
  checkAlertForm,
  emptyAlertForm,
  isRestrictedTlp,
  type MoveOffer,
  moveOffers,
  moveToIdentifiers,
} from '../alert-form';
import { Checkboxes, CodeSelect, Field, FieldGroup } from '../components/Field';
import { type ErrorsByPath, serverFieldErrors, serverFindings, unplacedErrors } from '../field-errors';
import { COUNTRY_OPTIONS, ISSUER_OPTIONS, label } from '../labels';
import { useSessionDraft } from '../session-draft';
import { PublishAlertMutation } from './Publish.documents';

function CountrySelect({
  id,
  value,
  onChange,
  options = COUNTRY_OPTIONS,
  ...aria
}: { id: string; value: string; onChange: (v: string) => void; options?: { code: string; name: string }[] } & Pick<
  SelectHTMLAttributes<HTMLSelectElement>,
  'aria-describedby' | 'aria-invalid'
>) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      <option value="">Choose a country</option>
      {options.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** Words a screen reader needs but the eye gets from the row's position. */
const Hidden = ({ children }: { children: string }) => <span className="visually-hidden">{children}</span>;

const TLP_ADVICE: Record<string, string> = {
  CLEAR: 'Anyone may see it, inside or outside the network.',
  GREEN: 'Every agency in the Corridor network sees it.',
  AMBER: 'Only the agencies you name below see it; they may share it on a need-to-know basis.',
  'AMBER+STRICT': 'Only the agencies you name below see it, and they keep it inside their own agency.',
  RED: 'It stays in your own agency: no partner receives it.',
};

export function Publish({ agencies, ownAgency }: { agencies: { id: string; name: string }[]; ownAgency: string }) {
  // Kept in this tab across a sign-in at the agency's provider (session-draft.ts).
  const [form, setForm] = useSessionDraft<AlertForm>('publish', () => emptyAlertForm('route'));
  const [errors, setErrors] = useState<ErrorsByPath>({});
  // Identifiers the node found in free text, which the console can move into the identifiers section.
  const [offers, setOffers] = useState<MoveOffer[]>([]);
  const [published, setPublished] = useState<{ id: string; tlp: string; recipients: string[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, publish] = useMutation(PublishAlertMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLParagraphElement>(null);
  const [attempt, setAttempt] = useState(0);
  // Once the console's own check has refused the form, it checks again as the officer corrects
  // it, so each message goes away as soon as its field is right.
  const [recheck, setRecheck] = useState(false);
  useEffect(() => {
    if (recheck) setErrors(checkAlertForm(form, new Date()));
  }, [form, recheck]);

  // After a refused submit, put the cursor on the first field that needs attention.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('.field-invalid input, .field-invalid select, .field-invalid textarea')?.focus();
  }, [attempt]);

  // The confirmation sits above the form: bring it into view, the officer was at the bottom.
  useEffect(() => {
    if (published) {
      successRef.current?.scrollIntoView({ block: 'center' });
      successRef.current?.focus();
    }
  }, [published]);

  const set = (patch: Partial<AlertForm>) => setForm((f) => ({ ...f, ...patch }));
  const setKind = (kind: AlertFormKind) => {
    set({ kind });
    setErrors({});
    setOffers([]);
    setRecheck(false);
  };
  const restricted = isRestrictedTlp(form.tlp);
  const partners = agencies.filter((a) => a.id !== ownAgency);

  // Every path a field shows is noted, so that messages for any other path are listed at the end.
  const shown = new Set<string>();
  const err = (...paths: string[]): string[] | undefined => {
    for (const p of paths) shown.add(p);
    const messages = paths.flatMap((p) => errors[p] ?? []);
    return messages.length > 0 ? messages : undefined;
  };

  const setWaypoint = (i: number, patch: Partial<AlertForm['waypoints'][number]>) =>
    set({ waypoints: form.waypoints.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  const setIdentifier = (i: number, patch: Partial<AlertForm['identifiers'][number]>) =>
    set({ identifiers: form.identifiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPublished(null);
    setFailure(null);
    setOffers([]);
    const local = checkAlertForm(form, new Date());
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setRecheck(true);
      setAttempt((n) => n + 1);
      return;
    }
    setRecheck(false);
    const result = await publish({ input: buildAlertInput(form) as Record<string, unknown> });
    if (result.data?.publishAlert) {
      setPublished(result.data.publishAlert);
      setForm(emptyAlertForm(form.kind));
      setErrors({});
      return;
    }
    const gqlErrors = result.error?.graphQLErrors ?? [];
    const fromServer: ErrorsByPath = Object.assign({}, ...gqlErrors.map((g) => serverFieldErrors(g.extensions)));
    setErrors(fromServer);
    setOffers(moveOffers(form, Object.assign({}, ...gqlErrors.map((g) => serverFindings(g.extensions)))));
    setFailure(
      Object.keys(fromServer).length > 0
        ? 'Your node refused the alert: see the messages next to the fields.'
        : `The alert was not published: ${(gqlErrors[0]?.message ?? result.error?.message ?? 'no answer').replace(/^\[\w+\] /, '')}`,
    );
    setAttempt((n) => n + 1);
  }

  /** Moves one found value out of its text; the field's message goes once nothing found is left in it. */
  const move = (offer: MoveOffer) => {
    setForm((f) => moveToIdentifiers(f, offer));
    const rest = offers.filter((o) => o !== offer);
    setOffers(rest);
    if (!rest.some((o) => o.path === offer.path)) {
      setErrors(({ [offer.path]: _, ...others }) => others);
      setFailure(null);
    }
  };
  const offerAt = (path: string) => {
    const here = offers.filter((o) => o.path === path);
    if (here.length === 0) return undefined;
    return (
      <div className="move-offers">
        {here.map((o, k) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: the same value may be found twice in one text
            key={k}
            type="button"
            className="secondary"
            data-testid="move-to-identifiers"
            data-field={path}
            data-kind={o.kind}
            onClick={() => move(o)}
          >
            {o.declared !== undefined
              ? `Remove “${o.value}” from the text (it is identifier ${o.declared + 1})`
              : `Move “${o.value}” to the identifiers, as ${label.identifierKind(o.kind).toLowerCase()}`}
          </button>
        ))}
      </div>
    );
  };

  const errorCount = Object.values(errors).reduce((n, m) => n + m.length, 0);

  return (
    <section>
      <h2>Publish an alert</h2>
      <div className="tabs" role="tablist" aria-label="Kind of alert">
        {(['route', 'document_fraud'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={form.kind === k}
            aria-controls="publish-form"
            data-testid={`publish-kind-${k}`}
            onClick={() => setKind(k)}
          >
            {label.kind(k)}
          </button>
        ))}
      </div>
      {published && (
        <p className="success" data-testid="publish-success" role="status" ref={successRef} tabIndex={-1}>
          Published as alert {published.id} (TLP:{published.tlp}).{' '}
          {published.tlp === 'RED'
            ? 'It stays in your agency.'
            : published.recipients.length > 0
              ? `Only ${published.recipients.map((id) => agencies.find((a) => a.id === id)?.name ?? id).join(', ')} receive it, within seconds.`
              : 'Partners receive it within seconds.'}{' '}
          The form is ready for the next one.
        </p>
      )}
      <form id="publish-form" ref={formRef} onSubmit={submit} noValidate className="publish" aria-label={label.kind(form.kind)}>
        <fieldset>
          <legend>Who may see it, how reliable it is</legend>
          <div className="row">
            <Field id="tlp" label="Sharing (TLP)" errors={err('tlp')} hint={TLP_ADVICE[form.tlp]}>
              <CodeSelect id="tlp" value={form.tlp} onChange={(tlp) => set({ tlp })} codes={TLP_LEVELS} labelOf={(c) => `TLP:${c}`} />
            </Field>
            <Field id="validUntil" label="Valid until (optional)" errors={err('validUntil')} hint="Your local time.">
              <input id="validUntil" type="datetime-local" value={form.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />
            </Field>
            <Field
              id="caseReference"
              label="Case reference (optional)"
              errors={err('caseReference')}
              offer={offerAt('caseReference')}
              hint="Your file number; your agency's release policy decides who sees it (by default, partner prosecutors)."
            >
              <input
                id="caseReference"
                value={form.caseReference}
                onChange={(e) => set({ caseReference: e.target.value })}
                maxLength={80}
              />
            </Field>
          </div>
          <FieldGroup
            id="protection"
            legend="Vulnerable persons (optional)"
            errors={err('protection')}
            hint="Each agency receiving the alert brings it to its protection contact for the country. People to protect, never suspects."
          >
            <Checkboxes
              name="protection"
              codes={PROTECTION_FLAGS}
              selected={form.protection}
              onChange={(protection) => set({ protection })}
              labelOf={(f) => PROTECTION_FLAG_LABELS[f as keyof typeof PROTECTION_FLAG_LABELS]}
            />
          </FieldGroup>
          {restricted && (
            <FieldGroup
              id="recipients"
              legend="Agencies that may see it"
              errors={err('recipients')}
              hint={`${form.tlp === 'AMBER+STRICT' ? 'TLP:AMBER+STRICT' : 'TLP:AMBER'} goes only to the agencies you tick.`}
            >
              <Checkboxes
                name="recipient"
                codes={partners.map((a) => a.id)}
                selected={form.recipients}
                onChange={(recipients) => set({ recipients })}
                labelOf={(id) => partners.find((a) => a.id === id)?.name ?? id}
              />
            </FieldGroup>
          )}
          <div className="row">
            <Field id="grading-source" path="grading.source" label="Source reliability" errors={err('grading', 'grading.source')}>
              <CodeSelect
                id="grading-source"
                value={form.source}
                onChange={(source) => set({ source })}
                codes={SOURCE_RELIABILITY}
                labelOf={label.source}
              />
            </Field>
            <Field id="grading-information" path="grading.information" label="Information credibility" errors={err('grading.information')}>
              <CodeSelect
                id="grading-information"
                value={form.information}
                onChange={(information) => set({ information })}
                codes={INFORMATION_CREDIBILITY}
                labelOf={label.information}
              />
            </Field>
          </div>
        </fieldset>

        {form.kind === 'route' ? (
          <fieldset>
            <legend>Route and modus operandi</legend>
            <Field id="route-region" path="route.region" label="Route" errors={err('route.region')}>
              <CodeSelect
                id="route-region"
                value={form.region}
                onChange={(region) => set({ region })}
                codes={ROUTE_REGIONS}
                labelOf={label.region}
              />
            </Field>
            <FieldGroup
              id="waypoints"
              path="route.waypoints"
              legend="Waypoints, in order of travel"
              errors={err('route', 'route.waypoints')}
              hint="From where the journey starts to where it was seen or is heading; at least two."
            >
              <ol className="rows">
                {form.waypoints.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                  <li className="row" key={i}>
                    <Field
                      id={`waypoint-${i}-country`}
                      path={`route.waypoints.${i}.country`}
                      label={`Waypoint ${i + 1} country`}
                      errors={err(`route.waypoints.${i}.country`, `route.waypoints.${i}`)}
                    >
                      <CountrySelect id={`waypoint-${i}-country`} value={w.country} onChange={(country) => setWaypoint(i, { country })} />
                    </Field>
                    <Field
                      id={`waypoint-${i}-place`}
                      path={`route.waypoints.${i}.place`}
                      label={`Place`}
                      errors={err(`route.waypoints.${i}.place`)}
                      offer={offerAt(`route.waypoints.${i}.place`)}
                    >
                      <input
                        id={`waypoint-${i}-place`}
                        aria-label={`Place of waypoint ${i + 1}`}
                        value={w.place}
                        onChange={(e) => setWaypoint(i, { place: e.target.value })}
                      />
                    </Field>
                    <Field
                      id={`waypoint-${i}-mode`}
                      path={`route.waypoints.${i}.mode`}
                      label="Travelling by"
                      errors={err(`route.waypoints.${i}.mode`)}
                    >
                      <CodeSelect
                        id={`waypoint-${i}-mode`}
                        value={w.mode}
                        onChange={(mode) => setWaypoint(i, { mode })}
                        codes={TRANSPORT_MODES}
                        labelOf={label.mode}
                        empty="Not known"
                      />
                    </Field>
                    {form.waypoints.length > 2 && (
                      <button
                        type="button"
                        className="link remove"
                        onClick={() => set({ waypoints: form.waypoints.filter((_, j) => j !== i) })}
                      >
                        Remove<Hidden>{` waypoint ${i + 1}`}</Hidden>
                      </button>
                    )}
                  </li>
                ))}
              </ol>
              <button
                type="button"
                className="secondary"
                onClick={() => set({ waypoints: [...form.waypoints, { country: '', place: '', mode: '' }] })}
              >
                + Add waypoint
              </button>
            </FieldGroup>
            <div className="row">
              <Field
                id="transport"
                path="routeDetails.transport"
                label="Means of transport"
                errors={err('routeDetails', 'routeDetails.transport')}
              >
                <CodeSelect
                  id="transport"
                  value={form.transport}
                  onChange={(transport) => set({ transport })}
                  codes={TRANSPORT_MEANS}
                  labelOf={label.transport}
                  empty="Choose a means of transport"
                />
              </Field>
              <Field id="concealment" path="routeDetails.concealment" label="Concealment" errors={err('routeDetails.concealment')}>
                <CodeSelect
                  id="concealment"
                  value={form.concealment}
                  onChange={(concealment) => set({ concealment })}
                  codes={CONCEALMENT_METHODS}
                  labelOf={label.concealment}
                  empty="Not known"
                />
              </Field>
            </div>
            <FieldGroup
              id="platforms"
              path="routeDetails.communicationPlatforms"
              legend="Platforms the smugglers use"
              errors={err('routeDetails.communicationPlatforms')}
            >
              <Checkboxes
                name="platform"
                codes={COMMUNICATION_PLATFORMS}
                selected={form.platforms}
                onChange={(platforms) => set({ platforms })}
                labelOf={label.platform}
              />
            </FieldGroup>
            <div className="row">
              <Field
                id="price"
                path="routeDetails.priceObserved.amount"
                label="Price per person"
                errors={err('routeDetails.priceObserved', 'routeDetails.priceObserved.amount')}
              >
                <input
                  id="price"
                  type="number"
                  min="0"
                  inputMode="decimal"
                  value={form.price}
                  onChange={(e) => set({ price: e.target.value })}
                />
              </Field>
              <Field
                id="currency"
                path="routeDetails.priceObserved.currency"
                label="Currency"
                errors={err('routeDetails.priceObserved.currency')}
              >
                <input
                  id="currency"
                  className="short"
                  value={form.currency}
                  maxLength={3}
                  onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
                />
              </Field>
              <Field id="migrants" path="routeDetails.migrantCount" label="Number of migrants" errors={err('routeDetails.migrantCount')}>
                <input
                  id="migrants"
                  type="number"
                  min="0"
                  step="1"
                  value={form.migrants}
                  onChange={(e) => set({ migrants: e.target.value })}
                />
              </Field>
            </div>
            <FieldGroup
              id="vulnerable"
              path="routeDetails.vulnerablePersons"
              legend="Vulnerable persons among them"
              errors={err('routeDetails.vulnerablePersons')}
              hint="So that protection services can be ready on arrival."
            >
              <div className="row">
                <Field
                  id="children"
                  path="routeDetails.vulnerablePersons.children"
                  label="Children"
                  errors={err('routeDetails.vulnerablePersons.children')}
                >
                  <input
                    id="children"
                    type="number"
                    min="0"
                    step="1"
                    value={form.children}
                    onChange={(e) => set({ children: e.target.value })}
                  />
                </Field>
                <Field
                  id="unaccompanied"
                  path="routeDetails.vulnerablePersons.unaccompaniedMinors"
                  label="Unaccompanied minors"
                  errors={err('routeDetails.vulnerablePersons.unaccompaniedMinors')}
                >
                  <input
                    id="unaccompanied"
                    type="number"
                    min="0"
                    step="1"
                    value={form.unaccompanied}
                    onChange={(e) => set({ unaccompanied: e.target.value })}
                  />
                </Field>
                <Field
                  id="pregnant"
                  path="routeDetails.vulnerablePersons.pregnantWomen"
                  label="Pregnant women"
                  errors={err('routeDetails.vulnerablePersons.pregnantWomen')}
                >
                  <input
                    id="pregnant"
                    type="number"
                    min="0"
                    step="1"
                    value={form.pregnant}
                    onChange={(e) => set({ pregnant: e.target.value })}
                  />
                </Field>
              </div>
            </FieldGroup>
          </fieldset>
        ) : (
          <fieldset>
            <legend>The document</legend>
            <div className="row">
              <Field
                id="documentType"
                path="documentFraud.documentType"
                label="Document type"
                errors={err('documentFraud', 'documentFraud.documentType')}
              >
                <CodeSelect
                  id="documentType"
                  value={form.documentType}
                  onChange={(documentType) => set({ documentType })}
                  codes={DOCUMENT_TYPES}
                  labelOf={label.documentType}
                  empty="Choose a document type"
                />
              </Field>
              <Field id="issuingState" path="documentFraud.issuingState" label="Issuing state" errors={err('documentFraud.issuingState')}>
                <CountrySelect
                  id="issuingState"
                  value={form.issuingState}
                  onChange={(issuingState) => set({ issuingState })}
                  options={ISSUER_OPTIONS}
                />
              </Field>
              <Field id="fraudType" path="documentFraud.fraudType" label="Type of fraud" errors={err('documentFraud.fraudType')}>
                <CodeSelect
                  id="fraudType"
                  value={form.fraudType}
                  onChange={(fraudType) => set({ fraudType })}
                  codes={FRAUD_TYPES}
                  labelOf={label.fraudType}
                  empty="Choose a type of fraud"
                />
              </Field>
            </div>
            <FieldGroup
              id="features"
              path="documentFraud.featuresAffected"
              legend="Features affected"
              errors={err('documentFraud.featuresAffected')}
            >
              <Checkboxes
                name="feature"
                codes={DOCUMENT_FEATURES}
                selected={form.features}
                onChange={(features) => set({ features })}
                labelOf={label.feature}
              />
            </FieldGroup>
            <div className="row">
              <Field
                id="detectedAt-place"
                path="documentFraud.detectedAt.place"
                label="Detected at"
                errors={err('documentFraud.detectedAt', 'documentFraud.detectedAt.place')}
              >
                <CodeSelect
                  id="detectedAt-place"
                  value={form.detectionPlace}
                  onChange={(detectionPlace) => set({ detectionPlace })}
                  codes={DETECTION_PLACES}
                  labelOf={label.detectionPlace}
                  empty="Choose where"
                />
              </Field>
              <Field
                id="detectedAt-location"
                path="documentFraud.detectedAt.location"
                label="Location (airport, crossing, port)"
                errors={err('documentFraud.detectedAt.location')}
                offer={offerAt('documentFraud.detectedAt.location')}
              >
                <input id="detectedAt-location" value={form.location} onChange={(e) => set({ location: e.target.value })} />
              </Field>
              <Field
                id="detectedAt-flight"
                path="documentFraud.detectedAt.flight"
                label="Flight (optional)"
                errors={err('documentFraud.detectedAt.flight')}
              >
                <input
                  id="detectedAt-flight"
                  className="short"
                  value={form.flight}
                  onChange={(e) => set({ flight: e.target.value.toUpperCase() })}
                  placeholder="e.g. AZ869"
                />
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
            offer={offerAt('summary')}
            hint="No names, document numbers, phone numbers or handles here: the summary travels to partners as written. Put them under Identifiers, where they are pseudonymized."
          >
            <textarea id="summary" rows={4} value={form.summary} onChange={(e) => set({ summary: e.target.value })} />
          </Field>
          <FieldGroup
            id="identifiers"
            legend="Identifiers"
            errors={err('identifiers')}
            hint={
              <>
                Document numbers, names with date of birth, phone numbers, handles, plates.{' '}
                <strong>Your node pseudonymizes each one</strong> (a keyed hash) before anything leaves it: partners can match them with
                their own, nobody can read them back.
              </>
            }
          >
            <ol className="rows">
              {form.identifiers.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                <li className="row" key={i}>
                  <Field
                    id={`identifier-${i}-kind`}
                    path={`identifiers.${i}.kind`}
                    label={`Identifier ${i + 1} kind`}
                    errors={err(`identifiers.${i}.kind`, `identifiers.${i}`)}
                  >
                    <CodeSelect
                      id={`identifier-${i}-kind`}
                      value={row.kind}
                      onChange={(kind) => setIdentifier(i, { kind })}
                      codes={IDENTIFIER_KINDS}
                      labelOf={label.identifierKind}
                    />
                  </Field>
                  <Field
                    id={`identifier-${i}-value`}
                    path={`identifiers.${i}.value`}
                    label={`Identifier ${i + 1} value`}
                    errors={err(`identifiers.${i}.value`)}
                  >
                    <input
                      id={`identifier-${i}-value`}
                      autoComplete="off"
                      spellCheck={false}
                      value={row.value}
                      onChange={(e) => setIdentifier(i, { value: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={`identifier-${i}-qualifier`}
                    path={`identifiers.${i}.qualifier`}
                    label="Qualifier (issuing state, platform…)"
                    errors={err(`identifiers.${i}.qualifier`)}
                  >
                    <input
                      id={`identifier-${i}-qualifier`}
                      aria-label={`Identifier ${i + 1} qualifier: issuing state, platform, date of birth`}
                      value={row.qualifier}
                      onChange={(e) => setIdentifier(i, { qualifier: e.target.value })}
                    />
                  </Field>
                  <button
                    type="button"
                    className="link remove"
                    onClick={() => set({ identifiers: form.identifiers.filter((_, j) => j !== i) })}
                  >
                    Remove<Hidden>{` identifier ${i + 1}`}</Hidden>
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set({
                  identifiers: [
                    ...form.identifiers,
                    { kind: form.kind === 'route' ? 'phone' : 'travel_document', value: '', qualifier: '' },
                  ],
                })
              }
            >
              + Add identifier
            </button>
          </FieldGroup>
        </fieldset>

        {unplacedErrors(errors, shown).map(([path, messages]) => (
          <div key={path} className="field-error" data-testid="field-error" data-field={path} role="alert">
            {path || 'The alert'}: {messages.join('; ')}
          </div>
        ))}
        <div className="submit-bar">
          <button type="submit" className="primary" data-testid="publish-submit" disabled={fetching}>
            {fetching ? 'Publishing…' : `Publish ${label.kind(form.kind).toLowerCase()}`}
          </button>
          {errorCount > 0 && !failure && (
            <span className="error" role="alert">
              {errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} your attention before this can be published.
            </span>
          )}
          {failure && (
            <span className="error" role="alert" data-testid="publish-failure">
              {failure}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
