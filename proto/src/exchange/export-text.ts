// The free text of an alert as it may leave for a tool: read again with the node's free-text check
// (identifiers/free-text-errors.ts) at export, whatever it passed when published. An alert stored
// before the check knew a numbering plan or a form, or received from a node that checked less,
// must not carry an identifier out of the network in its summary or a place name: a field the
// check refuses now is left out of the export and named in `withheld`.
import type { Alert } from '../alert.js';
import { freeTextErrors } from '../identifiers/free-text-errors.js';

export interface ExportText {
  summary?: string;
  /** Each waypoint's place name, by index, where it may go out. */
  places: (string | undefined)[];
  detectionLocation?: string;
  /** Fields left out because the check refuses them now (names as in `redacted`). */
  withheld: string[];
}

export function exportText(a: Alert): ExportText {
  const waypoints = a.route?.waypoints ?? [];
  const location = a.kind === 'document_fraud' ? a.documentFraud.detectedAt.location : undefined;
  const doc = { summary: a.summary, places: waypoints.map((w) => w.place ?? ''), location: location ?? '' };
  const countries = [
    a.origin.country,
    ...waypoints.map((w) => w.country),
    ...(a.kind === 'document_fraud' ? [a.documentFraud.issuingState] : []),
  ];
  const refused = new Set(freeTextErrors(doc, { countries }).map((e) => e.path));
  const placeRefused = waypoints.some((_, i) => refused.has(`places.${i}`));
  return {
    ...(refused.has('summary') ? {} : { summary: a.summary }),
    places: waypoints.map((w, i) => (refused.has(`places.${i}`) ? undefined : w.place)),
    ...(location && !refused.has('location') ? { detectionLocation: location } : {}),
    withheld: [
      ...(refused.has('summary') ? ['summary'] : []),
      ...(placeRefused ? ['route.places'] : []),
      ...(refused.has('location') ? ['documentFraud.detectionDetails'] : []),
    ],
  };
}
