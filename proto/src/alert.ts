// Alerts: what an officer submits (AlertInput, may hold raw identifiers, never leaves the node)
// and what the network carries and stores (Alert, identifiers replaced by keyed pseudonyms).
import { z } from 'zod';
import {
  ALERT_KINDS,
  COMMUNICATION_PLATFORMS,
  CONCEALMENT_METHODS,
  DETECTION_PLACES,
  DOCUMENT_FEATURES,
  DOCUMENT_TYPES,
  FRAUD_TYPES,
  IDENTIFIER_KINDS,
  INFORMATION_CREDIBILITY,
  LANGUAGE_CODES,
  PROTECTION_FLAGS,
  ROUTE_REGIONS,
  SOURCE_RELIABILITY,
  TLP_LEVELS,
  TRANSPORT_MEANS,
  TRANSPORT_MODES,
} from './codes.js';
import { agencyId, code, countryCode, detachedJws, isoDateTime, issuingStateCode } from './fields.js';
import { handlingErrors, handlingFields, handlingInputFields } from './handling.js';

export const tlp = code(TLP_LEVELS, 'a TLP level: CLEAR, GREEN, AMBER, AMBER+STRICT or RED');
export const alertKind = code(ALERT_KINDS, 'an alert kind: route or document_fraud');

export const grading = z.strictObject({
  source: code(SOURCE_RELIABILITY, 'a source reliability grade: A, B, C or X'),
  information: code(INFORMATION_CREDIBILITY, 'an information credibility grade: 1, 2, 3 or 4'),
});
export type Grading = z.infer<typeof grading>;

/**
 * Decimal places a waypoint's coordinates keep: 0.01° is about 1 km (1.1 km of latitude, less of
 * longitude away from the equator). Enough to draw a route and tell one landing beach from the
 * next; too coarse to point at a house, a shelter or a person's phone fix (THREAT-MODEL.md, "Map
 * coordinates"). Finer input is rounded, not refused: officers paste a phone's GPS reading.
 */
export const COORDINATE_DECIMALS = 2;

// `+ 0` turns -0 into 0: JSON has no negative zero, and a signed value must read back the same.
const roundCoordinate = (degrees: number) => Math.round(degrees * 10 ** COORDINATE_DECIMALS) / 10 ** COORDINATE_DECIMALS + 0;

/** WGS84 decimal degrees, rounded to COORDINATE_DECIMALS (rounding twice gives the same number, so a stored alert parses as signed). */
const degrees = (limit: number, what: string) =>
  z
    .number({ error: `must be ${what} in decimal degrees (WGS84), e.g. ${limit === 90 ? '32.89' : '12.08'}` })
    .min(-limit, `must be ${what} between -${limit} and ${limit} degrees`)
    .max(limit, `must be ${what} between -${limit} and ${limit} degrees`)
    .overwrite(roundCoordinate)
    .describe(
      `WGS84 decimal degrees, -${limit} to ${limit}, rounded to 0.01° (about 1 km). Optional; latitude and longitude come together.`,
    );

export const waypoint = z
  .strictObject({
    country: countryCode,
    place: z.string().trim().min(1).max(120).optional(),
    mode: code(TRANSPORT_MODES, 'a transport mode: land, sea or air').optional(),
    /** Optional; without them a map puts the waypoint at its country's centroid. Both or neither. */
    latitude: degrees(90, 'a latitude').optional(),
    longitude: degrees(180, 'a longitude').optional(),
  })
  .superRefine((w, ctx) => {
    // A point needs both; one alone would be drawn somewhere nobody meant.
    if (w.latitude !== undefined && w.longitude === undefined) {
      ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'is required when a latitude is given: give both or neither' });
    }
    if (w.longitude !== undefined && w.latitude === undefined) {
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'is required when a longitude is given: give both or neither' });
    }
  });
export type Waypoint = z.infer<typeof waypoint>;

/** Two waypoints at the same place: same country, same place name, same coordinates (if any). */
const samePlace = (a: Waypoint, b: Waypoint) =>
  a.country === b.country && (a.place ?? '') === (b.place ?? '') && a.latitude === b.latitude && a.longitude === b.longitude;

export const routeRegion = code(ROUTE_REGIONS, 'a known smuggling route, e.g. central-mediterranean');

/** A route is an ordered journey: at least two waypoints, no two consecutive ones identical. */
export const route = z
  .strictObject({
    region: routeRegion,
    waypoints: z.array(waypoint).min(2, 'a route needs at least two waypoints (from, to)').max(30),
  })
  .superRefine((r, ctx) => {
    r.waypoints.forEach((w, i) => {
      const prev = r.waypoints[i - 1];
      if (prev && samePlace(prev, w)) {
        ctx.addIssue({
          code: 'custom',
          path: ['waypoints', i],
          message: 'repeats the previous waypoint: a route moves from one place to another',
        });
      }
    });
  });
export type Route = z.infer<typeof route>;

/**
 * An identifier as an officer types it. Whether the value reads as its kind (a possible phone
 * number, an IBAN whose check digits hold…) is checked where it is pseudonymized, at the node
 * (identifierErrors), so that the console does not ship every numbering plan and script table.
 */
export const identifierInput = z.strictObject({
  kind: code(IDENTIFIER_KINDS, 'an identifier kind, e.g. travel_document or phone'),
  value: z.string().trim().min(1).max(200),
  /** Issuing state of a document, date of birth of a person, country of a phone number or plate, platform of a handle, flag of a vessel, provider of a transfer. */
  qualifier: z.string().trim().min(1).max(60).optional(),
});
export type IdentifierInput = z.infer<typeof identifierInput>;

export const pseudonymizedIdentifier = z.strictObject({
  kind: code(IDENTIFIER_KINDS, 'an identifier kind'),
  pseudonym: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a keyed pseudonym (43 base64url characters)'),
  epoch: z.number().int().min(1),
});
export type PseudonymizedIdentifier = z.infer<typeof pseudonymizedIdentifier>;

const count = z.number().int().min(0).max(100_000);

export const routeDetails = z.strictObject({
  transport: code(TRANSPORT_MEANS, 'a known means of transport, e.g. rubber_boat'),
  concealment: code(CONCEALMENT_METHODS, 'a known concealment method').optional(),
  communicationPlatforms: z.array(code(COMMUNICATION_PLATFORMS, 'a known platform, e.g. telegram')).max(10).default([]),
  priceObserved: z
    .strictObject({
      amount: z.number().positive().max(1_000_000),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code, e.g. EUR'),
    })
    .optional(),
  migrantCount: count.optional(),
  vulnerablePersons: z
    .strictObject({ children: count.optional(), unaccompaniedMinors: count.optional(), pregnantWomen: count.optional() })
    .optional(),
  window: z.strictObject({ from: isoDateTime, to: isoDateTime }).optional(),
});
export type RouteDetails = z.infer<typeof routeDetails>;

const documentFraudDetails = z.strictObject({
  documentType: code(DOCUMENT_TYPES, 'a document type, e.g. passport'),
  issuingState: issuingStateCode,
  fraudType: code(FRAUD_TYPES, 'a fraud type, e.g. counterfeit'),
  featuresAffected: z.array(code(DOCUMENT_FEATURES, 'a document feature, e.g. biodata_page')).max(10).default([]),
  detectedAt: z.strictObject({
    place: code(DETECTION_PLACES, 'a place of detection, e.g. airport'),
    location: z.string().trim().min(1).max(120).optional(),
    flight: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,3}\d{1,4}[A-Z]?$/, 'must be a flight number, e.g. AZ869')
      .optional(),
  }),
});

// Absent rather than empty when nothing is flagged, so alerts signed before the field existed verify as they are.
const protection = z.array(code(PROTECTION_FLAGS, 'a protection need, e.g. unaccompanied_child')).min(1).max(6);

const summaryLanguage = code(LANGUAGE_CODES, 'a language code (ISO 639-1) the console knows, e.g. fr');

const commonInput = {
  tlp,
  /** For TLP:AMBER and AMBER+STRICT: the agencies that may see the alert. */
  recipients: z.array(agencyId).max(50).default([]),
  validUntil: isoDateTime.optional(),
  grading,
  summary: z.string().trim().min(1, 'a short summary is required').max(2000),
  /** The language the summary is written in (ISO 639-1): a reader's console shows it with that lang. */
  summaryLanguage: summaryLanguage.optional(),
  identifiers: z.array(identifierInput).max(50).default([]),
  /** The originating agency's own case or file reference, which prosecutors cite in a formal request. */
  caseReference: z.string().trim().min(1).max(80).optional(),
  /** Vulnerable persons seen (a need for protection, never a suspicion): each receiving agency raises a protection notice. */
  protection: protection.optional(),
  /** What receivers may do with it (H0-H3) and whether it may be used as evidence (handling.ts); the console sends H0 and "ask the owner" unless the officer chooses. */
  ...handlingInputFields,
};

export const alertInput = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('route'), ...commonInput, route, routeDetails }),
      z.strictObject({ kind: z.literal('document_fraud'), ...commonInput, route: route.optional(), documentFraud: documentFraudDetails }),
    ],
    { error: 'must name its kind: route or document_fraud' },
  )
  // These rules are checked even when other fields are wrong, so that an officer sees every
  // problem at once: `when` lets them run on a partly invalid alert, hence the defensive reads.
  .refine((a) => !isRestricted(a.tlp) || (a.recipients ?? []).length > 0, {
    path: ['recipients'],
    message: 'TLP:AMBER and AMBER+STRICT need at least one recipient agency',
    when: (p) => hasShape(p.value, ['tlp']),
  })
  .refine((a) => isRestricted(a.tlp) || (a.recipients ?? []).length === 0, {
    path: ['recipients'],
    message: 'recipients apply only to TLP:AMBER and AMBER+STRICT',
    when: (p) => hasShape(p.value, ['tlp']),
  })
  .superRefine(
    (a, ctx) => {
      for (const e of handlingErrors(a)) ctx.addIssue({ code: 'custom', path: e.path.split('.'), message: e.message });
    },
    { when: (p) => hasShape(p.value, []) },
  );
// Free text travels to partners as written: whether it carries an identifier (declared or not, in
// any written form) is checked at the node, with freeTextErrors (identifiers/free-text.ts), which
// needs numbering plans the console does not ship.

function isRestricted(level: unknown): boolean {
  return level === 'AMBER' || level === 'AMBER+STRICT';
}

function hasShape(value: unknown, keys: string[]): boolean {
  return typeof value === 'object' && value !== null && keys.every((k) => k in value);
}

export type AlertInput = z.input<typeof alertInput>;

/** What an officer writes when withdrawing an alert: partners are owed a reason. */
export const withdrawalInput = z.strictObject({
  reason: z.string().trim().min(1, 'say why the alert no longer holds, e.g. the route was closed or the document was genuine').max(500),
});
export type ValidAlertInput = z.output<typeof alertInput>;

const ALERT_STATUSES = ['active', 'amended', 'withdrawn'] as const;

const commonAlert = {
  id: z.uuid(),
  origin: z.strictObject({ agency: agencyId, country: countryCode }),
  tlp,
  recipients: z.array(agencyId),
  createdAt: isoDateTime,
  validUntil: isoDateTime.nullable(),
  grading,
  summary: z.string().min(1).max(2000),
  // Absent when the publisher did not say (and on alerts signed before the field existed, which verify as they are).
  summaryLanguage: summaryLanguage.optional(),
  identifiers: z.array(pseudonymizedIdentifier),
  revision: z.number().int().min(1),
  status: code(ALERT_STATUSES, 'an alert status: active, amended or withdrawn'),
  caseReference: z.string().min(1).max(80).optional(),
  protection: protection.optional(),
  /**
   * On an amendment: the fields it changed from the revision before, by path (alert-changes.ts),
   * so that partners see what changed. Absent on first revisions and on alerts signed before.
   */
  changes: z.array(z.string().min(1).max(80)).max(60).optional(),
  /** On a withdrawal: why it no longer holds, as the originating agency wrote it. */
  withdrawalReason: z.string().min(1).max(500).optional(),
  /**
   * Handling code, its H3 restrictions and the evidence marking (handling.ts). Absent on alerts
   * signed before they existed (read as H0, evidence not stated), which verify as they are; a node
   * of an earlier version refuses an alert that carries them (its schema is strict) and
   * quarantines it, so an agency upgrades before its partners' new alerts reach it.
   */
  ...handlingFields,
  /** Fields the originating agency's release policy withheld from this copy (release-policy.ts). */
  redacted: z.array(z.string()).max(20).optional(),
  /**
   * Detached JWS of the originating agency (see alert-signature.ts). Optional in the shape so that
   * an alert can be built before it is signed; receivers refuse an alert without a valid one.
   */
  signature: detachedJws.optional(),
};

/** The alert as it travels on the bus and is stored by partners: no raw identifier in it. */
export const alert = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('route'), ...commonAlert, route, routeDetails }),
  z.strictObject({ kind: z.literal('document_fraud'), ...commonAlert, route: route.nullable(), documentFraud: documentFraudDetails }),
]);
export type Alert = z.infer<typeof alert>;

/**
 * How far ahead an alert of each kind may say it holds, in days. A route alert describes what
 * smugglers do now (departures, prices, boats): routes shift with the season and with enforcement
 * within months, so half a year is already generous. A document-fraud alert describes a false
 * document series, which circulates as long as the genuine model is in issue: two years, after
 * which the owner confirms it with an amendment. Anything further (9999-12-31) is a typo or a
 * way of never expiring, and is refused.
 */
export const VALIDITY_LIMIT_DAYS: Record<(typeof ALERT_KINDS)[number], number> = { route: 183, document_fraud: 730 };
const DAY_MS = 86_400_000;

/**
 * When an alert stops holding: its validUntil, or, when it states none, the longest its kind may
 * state after it was first published. Hit checks and correlation ignore it from then on, and its
 * retention period runs from then (or from its withdrawal, if earlier). The node's SQL says the
 * same in migration 0603's alert_ends_at; a spec holds the two together.
 */
export function alertEndsAt(a: Pick<Alert, 'kind' | 'validUntil' | 'createdAt'>): Date {
  if (a.validUntil) return new Date(a.validUntil);
  return new Date(Date.parse(a.createdAt) + VALIDITY_LIMIT_DAYS[a.kind] * DAY_MS);
}

/** Checks that depend on the clock, kept out of the schema so that parsing stays pure. */
export function timeErrors(
  input: { kind?: unknown; validUntil?: string | undefined },
  now: Date,
): { path: string; rule: string; message: string }[] {
  if (!input.validUntil) return [];
  const until = Date.parse(input.validUntil);
  if (until <= now.getTime()) return [{ path: 'validUntil', rule: 'in_future', message: 'must be in the future' }];
  // An unknown kind is reported at `kind`; the longest limit keeps this message from adding noise.
  const days = input.kind === 'route' ? VALIDITY_LIMIT_DAYS.route : VALIDITY_LIMIT_DAYS.document_fraud;
  if (until > now.getTime() + days * DAY_MS) {
    const what = input.kind === 'route' ? 'a route alert' : 'a document-fraud alert';
    return [
      {
        path: 'validUntil',
        rule: 'too_far',
        message: `must be within ${days === 183 ? 'six months' : 'two years'} from now for ${what}; amend it later to extend it`,
      },
    ];
  }
  return [];
}
