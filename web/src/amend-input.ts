// An amendment from the console: the alert's current content as the gateway's AlertInput, with
// what the officer changed. Kind, sharing and recipients are sent as they are (the node refuses a
// change to them); identifiers are not sent, since the node keeps the alert's pseudonyms and
// nobody holds the raw values any more. The answer says null where proto leaves a field out, and
// proto's schemas refuse null for an absent field, so only the values present are sent back.
import type { AlertFieldsFragment, AlertInput, DocumentFraudInput, RouteDetailsInput } from './gql/graphql';

export interface AmendChanges {
  summary: string;
  /** As the browser's datetime-local input gives it (local time), or '' for none. */
  validUntil: string;
  source: string;
  information: string;
}

export function amendChangesOf(a: AlertFieldsFragment): AmendChanges {
  return {
    summary: a.summary,
    validUntil: a.validUntil ? toLocalInput(a.validUntil) : '',
    source: a.grading.source,
    information: a.grading.information,
  };
}

// Codes travel as strings in GraphQL; the node validates them with proto again.
export function amendmentInput(a: AlertFieldsFragment, c: AmendChanges): AlertInput {
  const common = {
    kind: a.kind,
    tlp: a.tlp,
    recipients: a.recipients,
    grading: { source: c.source, information: c.information },
    summary: c.summary,
    ...(a.summaryLanguage ? { summaryLanguage: a.summaryLanguage } : {}),
    ...(c.validUntil ? { validUntil: new Date(c.validUntil).toISOString() } : {}),
    ...(a.caseReference ? { caseReference: a.caseReference } : {}),
    identifiers: [],
  };
  const route = a.route && {
    region: a.route.region,
    waypoints: a.route.waypoints.map((w) => ({
      country: w.country,
      ...(w.place ? { place: w.place } : {}),
      ...(w.mode ? { mode: w.mode } : {}),
      // Both or neither, as proto has them: an amendment keeps the route's points.
      ...(typeof w.latitude === 'number' && typeof w.longitude === 'number' ? { latitude: w.latitude, longitude: w.longitude } : {}),
    })),
  };
  return {
    ...common,
    ...(route ? { route } : {}),
    ...(a.routeDetails ? { routeDetails: routeDetailsInput(a.routeDetails) } : {}),
    ...(a.documentFraud ? { documentFraud: documentFraudInput(a.documentFraud) } : {}),
  };
}

function routeDetailsInput(d: NonNullable<AlertFieldsFragment['routeDetails']>): RouteDetailsInput {
  const v = d.vulnerablePersons;
  return {
    transport: d.transport,
    ...(d.concealment ? { concealment: d.concealment } : {}),
    communicationPlatforms: d.communicationPlatforms,
    ...(d.priceObserved ? { priceObserved: { amount: d.priceObserved.amount, currency: d.priceObserved.currency } } : {}),
    ...(d.migrantCount !== null ? { migrantCount: d.migrantCount } : {}),
    ...(v
      ? {
          vulnerablePersons: {
            ...(v.children !== null ? { children: v.children } : {}),
            ...(v.unaccompaniedMinors !== null ? { unaccompaniedMinors: v.unaccompaniedMinors } : {}),
            ...(v.pregnantWomen !== null ? { pregnantWomen: v.pregnantWomen } : {}),
          },
        }
      : {}),
    ...(d.window ? { window: { from: d.window.from, to: d.window.to } } : {}),
  };
}

function documentFraudInput(d: NonNullable<AlertFieldsFragment['documentFraud']>): DocumentFraudInput {
  const at = d.detectedAt;
  return {
    documentType: d.documentType,
    issuingState: d.issuingState,
    fraudType: d.fraudType,
    featuresAffected: d.featuresAffected,
    detectedAt: { place: at.place, ...(at.location ? { location: at.location } : {}), ...(at.flight ? { flight: at.flight } : {}) },
  };
}

/** 2026-11-24T20:00:00.000Z → "2026-11-24T21:00" in the browser's time zone (datetime-local). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
