// An amendment from the console: the alert's current content as the publish form's state, which
// the officer corrects field by field, sent back as the gateway's AlertInput. Kind, sharing and
// recipients are sent as they are (the node refuses a change to them); identifiers are not sent,
// since the node keeps the alert's pseudonyms and nobody holds the raw values any more. The
// answer says null where proto leaves a field out; the form holds '' there, and buildAlertInput
// leaves empty fields out, so only the values present are sent back.
import { type AlertForm, buildAlertInput, emptyAlertForm } from './alert-form-input';
import type { AlertFieldsFragment, AlertInput } from './gql/graphql';

/** What the officer may change: every field of the form but kind, sharing, recipients and identifiers. */
export type AmendChanges = AlertForm;

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function amendChangesOf(a: AlertFieldsFragment): AmendChanges {
  const kind = a.kind === 'document_fraud' ? 'document_fraud' : 'route';
  const d = a.routeDetails;
  const f = a.documentFraud;
  return {
    ...emptyAlertForm(kind),
    tlp: a.tlp,
    recipients: [...a.recipients],
    source: a.grading.source,
    information: a.grading.information,
    summary: a.summary,
    summaryLanguage: a.summaryLanguage ?? '',
    validUntil: a.validUntil ? toLocalInput(a.validUntil) : '',
    caseReference: a.caseReference ?? '',
    // Flags are kept unless the officer unticks them: an amendment that forgot them would tell
    // partners the children were no longer there.
    protection: [...a.protection],
    // The owner may loosen or tighten the handling by amendment (e.g. permit evidence use to all).
    handlingCode: a.handlingCode,
    handlingConditions: a.handlingConditions ?? '',
    evidenceUse: a.evidence?.use ?? '',
    evidenceLegalBasis: a.evidence?.legalBasis ?? '',
    ...(a.route
      ? {
          region: a.route.region,
          // An amendment keeps the route's points unless the officer changes them.
          waypoints: a.route.waypoints.map((w) => ({
            country: w.country,
            place: str(w.place),
            mode: str(w.mode),
            latitude: str(w.latitude),
            longitude: str(w.longitude),
          })),
        }
      : {}),
    ...(d
      ? {
          transport: d.transport,
          concealment: str(d.concealment),
          platforms: [...d.communicationPlatforms],
          price: str(d.priceObserved?.amount),
          currency: d.priceObserved?.currency ?? 'EUR',
          migrants: str(d.migrantCount),
          children: str(d.vulnerablePersons?.children),
          unaccompanied: str(d.vulnerablePersons?.unaccompaniedMinors),
          pregnant: str(d.vulnerablePersons?.pregnantWomen),
        }
      : {}),
    ...(f
      ? {
          documentType: f.documentType,
          issuingState: f.issuingState,
          fraudType: f.fraudType,
          features: [...f.featuresAffected],
          detectionPlace: f.detectedAt.place,
          location: str(f.detectedAt.location),
          flight: str(f.detectedAt.flight),
        }
      : {}),
  };
}

// Codes travel as strings in GraphQL; the node validates them with proto again.
export function amendmentInput(a: AlertFieldsFragment, c: AmendChanges): AlertInput {
  const input = buildAlertInput({
    ...c,
    kind: a.kind === 'document_fraud' ? 'document_fraud' : 'route',
    tlp: a.tlp,
    recipients: [...a.recipients],
    // The amend form does not offer the summary's language: the alert's goes back as it was.
    summaryLanguage: a.summaryLanguage ?? '',
    identifiers: [],
  });
  // A document-fraud alert's route is optional and the publish form does not offer it: the one it
  // has goes back, as corrected in the route fields.
  if (input.kind === 'document_fraud' && a.route) {
    const asRoute = buildAlertInput({ ...c, kind: 'route' });
    if (asRoute.kind === 'route') input.route = asRoute.route;
  }
  // The form has no field for when the journey took place: the window goes back as it was.
  const w = a.routeDetails?.window;
  if (input.kind === 'route' && w) input.routeDetails = { ...input.routeDetails, window: { from: w.from, to: w.to } };
  // An evidence marking the officer left alone goes back with who decided it, not as their decision.
  const e = a.evidence;
  if (e && c.evidenceUse === e.use && c.evidenceLegalBasis === (e.legalBasis ?? ''))
    input.evidence = {
      use: e.use as NonNullable<typeof input.evidence>['use'],
      ...(e.legalBasis ? { legalBasis: e.legalBasis } : {}),
      decidedBy: e.decidedBy,
    };
  // The browser's input drops seconds: an end the officer left alone goes back to the second.
  if (a.validUntil && c.validUntil === toLocalInput(a.validUntil)) input.validUntil = a.validUntil;
  return { ...input, identifiers: [] } as AlertInput;
}

/** 2026-11-24T20:00:00.000Z → "2026-11-24T21:00" in the browser's time zone (datetime-local). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
