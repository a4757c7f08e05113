// A liaison officer's subscription: the routes, countries, kinds of alert and minimum grading they
// follow. It lives at the officer's own node, which holds every alert it receives, so nothing is
// missed while the officer is offline: on return, what matched and was not yet read shows unread.
import { z } from 'zod';
import { type Alert, alertKind, routeRegion } from './alert.js';
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from './codes.js';
import { code, countryCode } from './fields.js';

export const routeSubscription = z.strictObject({
  /** Empty lists mean "any". */
  kinds: z.array(alertKind).max(2).default([]),
  regions: z.array(routeRegion).max(20).default([]),
  /** Matches an alert whose origin, any waypoint, or document issuer is one of these. */
  countries: z.array(countryCode).max(50).default([]),
  /** The weakest grading still worth a notice: A is the best source, 1 the best information. */
  minimumGrading: z
    .strictObject({
      source: code(SOURCE_RELIABILITY, 'a source reliability grade: A, B, C or X'),
      information: code(INFORMATION_CREDIBILITY, 'an information credibility grade: 1, 2, 3 or 4'),
    })
    .optional(),
});
export type RouteSubscription = z.infer<typeof routeSubscription>;

export function matchesSubscription(a: Alert, s: RouteSubscription): boolean {
  if (s.kinds.length > 0 && !s.kinds.includes(a.kind)) return false;
  // Routes narrow the alerts that have one: a document-fraud alert usually has none, and an
  // officer following a route still wants the false documents used on it (kinds narrow those).
  if (s.regions.length > 0 && a.route && !s.regions.includes(a.route.region)) return false;
  if (s.countries.length > 0) {
    const places = new Set<string>([a.origin.country, ...(a.route?.waypoints.map((w) => w.country) ?? [])]);
    if (a.kind === 'document_fraud') places.add(a.documentFraud.issuingState);
    if (!s.countries.some((c) => places.has(c))) return false;
  }
  if (s.minimumGrading) {
    // X ("cannot be assessed") ranks below C: an unassessed source never passes a minimum.
    if (SOURCE_RELIABILITY.indexOf(a.grading.source) > SOURCE_RELIABILITY.indexOf(s.minimumGrading.source)) return false;
    if (INFORMATION_CREDIBILITY.indexOf(a.grading.information) > INFORMATION_CREDIBILITY.indexOf(s.minimumGrading.information))
      return false;
  }
  return true;
}
