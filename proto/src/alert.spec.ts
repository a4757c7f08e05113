import { describe, expect, it } from 'vitest';
import { type AlertInput, alertInput, timeErrors } from './alert.js';
import { fieldErrorsOf, nulByteErrors, parseOrThrow } from './errors.js';
import { freeTextErrors } from './identifiers/free-text-errors.js';

const routeAlert: AlertInput = {
  kind: 'route',
  tlp: 'GREEN',
  grading: { source: 'B', information: '2' },
  summary: 'Departures from Zuwara at night in rubber boats, 40-50 people each',
  route: {
    region: 'central-mediterranean',
    waypoints: [
      { country: 'NER', place: 'Agadez', mode: 'land' },
      { country: 'LBY', place: 'Zuwara', mode: 'land' },
      { country: 'ITA', place: 'Lampedusa', mode: 'sea' },
    ],
  },
  routeDetails: { transport: 'rubber_boat', migrantCount: 45 },
  identifiers: [{ kind: 'phone', value: '+218 91 234 5678' }],
};

function errorsOf(input: unknown) {
  const r = alertInput.safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error);
}

describe('alert input validation', () => {
  it('accepts a complete route alert', () => {
    expect(errorsOf(routeAlert)).toEqual([]);
  });

  it('names the field and the rule of an unknown country code in a waypoint', () => {
    const bad = { ...routeAlert, route: { ...routeAlert.route, waypoints: [{ country: 'XXX' }, { country: 'ITA' }] } };
    expect(errorsOf(bad)).toEqual([
      {
        path: 'route.waypoints.0.country',
        rule: 'invalid_value',
        message: 'must be an ISO 3166-1 alpha-3 country code, e.g. ITA, NER, NGA',
      },
    ]);
  });

  it('refuses a route of one waypoint and a route that stands still', () => {
    const one = errorsOf({ ...routeAlert, route: { region: 'central-mediterranean', waypoints: [{ country: 'ITA' }] } });
    expect(one.map((e) => e.path)).toEqual(['route.waypoints']);
    const still = errorsOf({
      ...routeAlert,
      route: { region: 'central-mediterranean', waypoints: [{ country: 'ITA' }, { country: 'ITA' }] },
    });
    expect(still[0]?.message).toMatch(/repeats the previous waypoint/);
  });

  it('says a missing field is required', () => {
    const { summary: _, ...noSummary } = routeAlert;
    expect(errorsOf(noSummary)).toEqual([{ path: 'summary', rule: 'invalid_type', message: 'is required' }]);
  });

  it('takes the language of the summary as an ISO 639-1 code, and names the field of one it does not know', () => {
    expect(errorsOf({ ...routeAlert, summaryLanguage: 'fr' })).toEqual([]);
    expect(alertInput.parse(routeAlert)).not.toHaveProperty('summaryLanguage');
    expect(errorsOf({ ...routeAlert, summaryLanguage: 'french' })).toEqual([
      { path: 'summaryLanguage', rule: 'invalid_value', message: 'must be a language code (ISO 639-1) the console knows, e.g. fr' },
    ]);
  });

  it('requires recipients for AMBER and refuses them for GREEN', () => {
    expect(errorsOf({ ...routeAlert, tlp: 'AMBER' }).map((e) => e.path)).toEqual(['recipients']);
    expect(errorsOf({ ...routeAlert, recipients: ['ne-ppn'] }).map((e) => e.path)).toEqual(['recipients']);
    expect(errorsOf({ ...routeAlert, tlp: 'AMBER', recipients: ['ne-ppn'] })).toEqual([]);
  });

  it('reports a missing recipient together with the other problems, not after them', () => {
    const { summary: _, ...noSummary } = routeAlert;
    const paths = errorsOf({ ...noSummary, tlp: 'AMBER' }).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['summary', 'recipients']));
  });

  it('refuses a summary that repeats an identifier, which would travel unhashed (checked at the node)', () => {
    const leaky = { ...routeAlert, summary: 'Smuggler reachable on +218 91 234 5678' };
    expect(freeTextErrors(alertInput.parse(leaky))[0]).toMatchObject({ path: 'summary', rule: 'identifier_in_text' });
  });

  it('names a NUL character by its field instead of failing later in the database', () => {
    expect(
      nulByteErrors({ ...routeAlert, route: { ...routeAlert.route, waypoints: [{ country: 'LBY', place: 'Zu\u0000wara' }] } }),
    ).toEqual([{ path: 'route.waypoints.0.place', rule: 'nul_byte', message: 'must not contain a NUL character (U+0000)' }]);
    expect(() => parseOrThrow(alertInput, { ...routeAlert, summary: 'a\u0000b' }, 'alert')).toThrow(/summary: must not contain a NUL/);
  });

  it('refuses unknown fields instead of silently dropping them', () => {
    expect(errorsOf({ ...routeAlert, holderName: 'x' })[0]).toMatchObject({
      rule: 'unrecognized_keys',
      message: 'has unknown field holderName',
    });
  });

  it('refuses a document-fraud alert without its details', () => {
    const { routeDetails: _, route: __, ...rest } = routeAlert;
    expect(errorsOf({ ...rest, kind: 'document_fraud' }).map((e) => e.path)).toEqual(['documentFraud']);
  });

  it('takes document issuers as ICAO 9303 prints them: D for Germany, XXA for a stateless person', () => {
    const doc = (issuingState: string) => ({
      kind: 'document_fraud',
      tlp: 'GREEN',
      grading: { source: 'A', information: '1' },
      summary: 'Forged passport',
      documentFraud: { documentType: 'passport', issuingState, fraudType: 'forged', detectedAt: { place: 'airport' } },
    });
    expect(errorsOf(doc('D'))).toEqual([]);
    expect(errorsOf(doc('XXA'))).toEqual([]);
    expect(errorsOf(doc('DEU'))[0]).toMatchObject({
      path: 'documentFraud.issuingState',
      message: expect.stringContaining('D for Germany'),
    });
  });

  it('flags a validity end in the past', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(timeErrors({ validUntil: '2026-11-24T11:00:00Z' }, now)).toHaveLength(1);
    expect(timeErrors({ validUntil: '2026-11-25T11:00:00Z' }, now)).toEqual([]);
  });
});
