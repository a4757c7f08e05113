// An amendment from the console: the alert's current content as proto's AlertInput, with what the
// officer changed. Kind, sharing and recipients are sent as they are (the node refuses a change
// to them); identifiers are not sent, since the node keeps the alert's pseudonyms and nobody holds
// the raw values any more.
import type { AlertInput } from '@corridor/proto';
import type { AlertFieldsFragment } from './gql/graphql';

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

export function amendmentInput(a: AlertFieldsFragment, c: AmendChanges): AlertInput {
  const common = {
    tlp: a.tlp,
    recipients: a.recipients,
    grading: { source: c.source, information: c.information },
    summary: c.summary,
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
    })),
  };
  return (a.kind === 'route'
    ? { kind: 'route', ...common, route, routeDetails: a.details }
    : { kind: 'document_fraud', ...common, ...(route ? { route } : {}), documentFraud: a.details }) as unknown as AlertInput;
  // Codes travel as strings in GraphQL; the node validates them with proto again.
}

/** 2026-11-24T20:00:00.000Z → "2026-11-24T21:00" in the browser's time zone (datetime-local). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
