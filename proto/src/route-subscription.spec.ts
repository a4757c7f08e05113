import { describe, expect, it } from 'vitest';
import { matchesSubscription, routeSubscription } from './route-subscription.js';
import { storedDocumentFraudAlert, storedRouteAlert } from './testing/alerts.js';

const alert = storedRouteAlert({
  grading: { source: 'B', information: '3' },
  summary: 's',
  route: { region: 'central-mediterranean', waypoints: [{ country: 'NER' }, { country: 'LBY' }, { country: 'ITA' }] },
});

const sub = (s: unknown) => routeSubscription.parse(s);

describe('route subscriptions', () => {
  it.each([
    [{}, true],
    [{ regions: ['central-mediterranean'] }, true],
    [{ regions: ['western-balkans'] }, false],
    [{ countries: ['LBY'] }, true],
    [{ countries: ['TUN'] }, false],
    [{ kinds: ['document_fraud'] }, false],
    [{ minimumGrading: { source: 'B', information: '3' } }, true],
    [{ minimumGrading: { source: 'A', information: '4' } }, false],
    [{ minimumGrading: { source: 'C', information: '2' } }, false],
  ])('%o matches: %s', (s, expected) => {
    expect(matchesSubscription(alert, sub(s))).toBe(expected);
  });

  it('keeps document-fraud alerts without a route under a route filter, and leaves them out by kind', () => {
    const fraud = storedDocumentFraudAlert();
    expect(matchesSubscription(fraud, sub({ regions: ['central-mediterranean'] }))).toBe(true);
    expect(matchesSubscription(fraud, sub({ regions: ['central-mediterranean'], kinds: ['route'] }))).toBe(false);
    // One that names its route is held to it.
    const onTheBalkans = storedDocumentFraudAlert({
      route: { region: 'western-balkans', waypoints: [{ country: 'SRB' }, { country: 'HUN' }] },
    });
    expect(matchesSubscription(onTheBalkans, sub({ regions: ['central-mediterranean'] }))).toBe(false);
  });

  it('never lets an unassessed source (X) through a minimum', () => {
    expect(
      matchesSubscription(
        { ...alert, grading: { source: 'X', information: '1' } },
        sub({ minimumGrading: { source: 'C', information: '4' } }),
      ),
    ).toBe(false);
  });

  it('refuses an unknown route with the field named', () => {
    const r = routeSubscription.safeParse({ regions: ['atlantis'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['regions', 0]);
  });
});
