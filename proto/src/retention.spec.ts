import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './errors.js';
import { defaultRetention, durationMs, RETENTION_DEFAULTS, retentionDocument, retentionPeriodsMs } from './retention.js';

const errorsOf = (input: unknown) => {
  const r = retentionDocument.safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error).map((e) => `${e.path}: ${e.message}`);
};

describe('retention document', () => {
  it('reads ISO 8601 durations in weeks, days, hours, minutes and seconds', () => {
    expect(durationMs('P30D')).toBe(30 * 86_400_000);
    expect(durationMs('P2W')).toBe(14 * 86_400_000);
    expect(durationMs('PT10S')).toBe(10_000);
    expect(durationMs('P1DT2H3M4S')).toBe(86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4000);
    // A month or a year has no fixed length; an empty duration says nothing.
    for (const bad of ['P1M', 'P1Y', 'P', 'PT', '30D', 'P1.5D', 'p30d', 'P1W2D']) expect(durationMs(bad)).toBeNull();
  });

  it('fills every period left out with the stated defaults', () => {
    const doc = retentionDocument.parse({ agency: 'it-polfr', version: 3, periods: { route_alert: 'PT5S' } });
    expect(doc.periods).toEqual({
      route_alert: 'PT5S',
      document_fraud_alert: RETENTION_DEFAULTS.document_fraud_alert,
      dead_letters: RETENTION_DEFAULTS.dead_letters,
      inbox_stream: RETENTION_DEFAULTS.inbox_stream,
      consultation: RETENTION_DEFAULTS.consultation,
      held_publication: RETENTION_DEFAULTS.held_publication,
    });
    expect(doc.limits.deadLetters).toBe(10_000);
    expect(retentionPeriodsMs(doc).route_alert).toBe(5000);
    expect(defaultRetention('it-polfr')).toMatchObject({ agency: 'it-polfr', version: 0, periods: { route_alert: 'P30D' } });
  });

  it('names the field of each bad value', () => {
    expect(errorsOf({ agency: 'it-polfr', version: 1, periods: { route_alert: 'P1M' } })).toEqual([
      'periods.route_alert: must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, e.g. P30D or PT10S',
    ]);
    expect(errorsOf({ agency: 'it-polfr', version: 1, periods: { inbox_stream: 'P30D' } })).toEqual([
      'periods.inbox_stream: must be between PT1M and P14D',
    ]);
    expect(errorsOf({ agency: 'it-polfr', version: 1, periods: { held_publication: 'P31D', consultation: 'P3651D' } })).toEqual([
      'periods.consultation: must be between PT1S and P3650D',
      'periods.held_publication: must be between PT1S and P30D',
    ]);
    expect(errorsOf({ agency: 'it-polfr', version: 1, periods: { consultations: 'P30D' } })[0]).toMatch(/consultations/);
    expect(errorsOf({ agency: 'it-polfr', version: 0 })).toEqual(['version: must be a whole number, at least 1']);
    expect(errorsOf({ agency: 'it-polfr', version: 1, limits: { deadLetters: 0 } })).toEqual(['limits.deadLetters: must be at least 1']);
  });
});
