// An agency's retention document (issue 17, item 4): how long its node keeps each kind of item once
// it no longer serves (an alert expired or withdrawn, a dead letter kept for the operator), and how
// much the node's inbox stream buffers. The node reads it at start and watches it like the release
// policy; THREAT-MODEL.md "What is kept, and for how long" states the defaults and what stays.
// Periods are ISO 8601 durations in weeks, days, hours, minutes and seconds only: a month or a year
// has no fixed length, and a data-protection officer must be able to read the exact period.
import { z } from 'zod';
import { agencyId } from './fields.js';

const DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;
const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** The milliseconds of an ISO 8601 duration in W, D, H, M, S; null when it is not one. */
export function durationMs(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return ((((w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (min ?? 0)) * 60 * SECOND_MS + (s ?? 0) * SECOND_MS;
}

/** A duration between `min` and `max` milliseconds, kept as written (the report quotes it). */
const period = (minMs: number, maxMs: number, bounds: string) =>
  z
    .string()
    .refine((t) => durationMs(t) !== null, 'must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, e.g. P30D or PT10S')
    .refine((t) => {
      const ms = durationMs(t);
      return ms === null || (ms >= minMs && ms <= maxMs);
    }, `must be ${bounds}`);

/**
 * Safe defaults: what a node keeps when its administrator wrote no document. A lapsed alert stays
 * long enough for an officer to follow up a late hit by hand (30 days for a route, whose facts go
 * stale within weeks; 90 for a false-document series, which an investigation may still cite);
 * a dead letter a month, for the operator to read why it was refused; at most 10,000 of them.
 */
export const RETENTION_DEFAULTS = {
  route_alert: 'P30D',
  document_fraud_alert: 'P90D',
  dead_letters: 'P30D',
  inbox_stream: 'P14D',
  deadLetterCount: 10_000,
  // A consultation's last word may be cited in a case for a long while; a held publication's raw
  // identifiers must not wait at rest beyond the outage it bridges.
  consultation: 'P730D',
  held_publication: 'P7D',
} as const;

export const retentionDocument = z.strictObject({
  agency: agencyId,
  /** Raised with every change; a node only moves forward. */
  version: z.number().int().min(1, 'must be a whole number, at least 1'),
  periods: z
    .strictObject({
      /** After a route alert expired or was withdrawn, until its personal data is purged here. */
      route_alert: period(1000, 3650 * DAY_MS, 'between PT1S and P3650D').default(RETENTION_DEFAULTS.route_alert),
      /** The same for a document-fraud alert. */
      document_fraud_alert: period(1000, 3650 * DAY_MS, 'between PT1S and P3650D').default(RETENTION_DEFAULTS.document_fraud_alert),
      /** How long a refused bus message (the quarantine) is kept for the operator. */
      dead_letters: period(1000, 365 * DAY_MS, 'between PT1S and P365D').default(RETENTION_DEFAULTS.dead_letters),
      /**
       * How long the node's inbox stream buffers a message (the stream's max_age). At most 14 days
       * (proto INBOX_RETENTION): the buffer that outlasts a week's outage, not a second archive.
       */
      inbox_stream: period(60_000, 14 * DAY_MS, 'between PT1M and P14D').default(RETENTION_DEFAULTS.inbox_stream),
      /**
       * After a consultation's last event kept here, once none of its requests is still open,
       * until its events (free text, persons) and the protection notices they raised are purged.
       */
      consultation: period(1000, 3650 * DAY_MS, 'between PT1S and P3650D').default(RETENTION_DEFAULTS.consultation),
      /** How long a publish call held for the pseudonym service (raw identifiers) may wait before it is dropped. */
      held_publication: period(1000, 30 * DAY_MS, 'between PT1S and P30D').default(RETENTION_DEFAULTS.held_publication),
    })
    .default({
      route_alert: RETENTION_DEFAULTS.route_alert,
      document_fraud_alert: RETENTION_DEFAULTS.document_fraud_alert,
      dead_letters: RETENTION_DEFAULTS.dead_letters,
      inbox_stream: RETENTION_DEFAULTS.inbox_stream,
      consultation: RETENTION_DEFAULTS.consultation,
      held_publication: RETENTION_DEFAULTS.held_publication,
    }),
  limits: z
    .strictObject({
      /** The most dead letters kept; past it the oldest go first. */
      deadLetters: z
        .number()
        .int()
        .min(1, 'must be at least 1')
        .max(1_000_000, 'must be at most 1,000,000')
        .default(RETENTION_DEFAULTS.deadLetterCount),
    })
    .default({ deadLetters: RETENTION_DEFAULTS.deadLetterCount }),
});
export type RetentionDocument = z.output<typeof retentionDocument>;
export type RetentionDocumentInput = z.input<typeof retentionDocument>;
export type RetentionKind = keyof RetentionDocument['periods'];

/** What a node without a document keeps (RETENTION_DEFAULTS), as a document of version 0. */
export function defaultRetention(agency: string): RetentionDocument {
  return { ...retentionDocument.parse({ agency, version: 1 }), version: 0 };
}

/** The periods of a document in milliseconds. */
export function retentionPeriodsMs(doc: RetentionDocument): Record<RetentionKind, number> {
  const ms = (t: string) => durationMs(t) ?? 0;
  return {
    route_alert: ms(doc.periods.route_alert),
    document_fraud_alert: ms(doc.periods.document_fraud_alert),
    dead_letters: ms(doc.periods.dead_letters),
    inbox_stream: ms(doc.periods.inbox_stream),
    consultation: ms(doc.periods.consultation),
    held_publication: ms(doc.periods.held_publication),
  };
}
