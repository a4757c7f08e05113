import { beforeAll, describe, expect, it } from 'vitest';
import { type Alert, type AlertInput, alert, alertInput } from './alert.js';
import { type AlertSigner, createAlertSigner, verifyAlertSignature } from './alert-signature.js';
import { fieldErrorsOf } from './errors.js';
import type { Membership } from './membership.js';
import { redactAlert } from './release-policy.js';
import { storedRouteAlert } from './testing/alerts.js';
import { keyPair, signingMembership } from './testing/signing-members.js';

const withWaypoints = (waypoints: unknown[]): unknown => ({
  kind: 'route',
  tlp: 'GREEN',
  grading: { source: 'B', information: '2' },
  summary: 'Departures from Zuwara at night',
  route: { region: 'central-mediterranean', waypoints },
  routeDetails: { transport: 'rubber_boat' },
});

function errorsOf(input: unknown) {
  const r = alertInput.safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error);
}

describe('waypoint coordinates', () => {
  it('are optional: a waypoint of a country alone is still a waypoint', () => {
    expect(errorsOf(withWaypoints([{ country: 'LBY' }, { country: 'ITA' }]))).toEqual([]);
  });

  it('are taken in WGS84 decimal degrees and kept to 0.01° (about 1 km)', () => {
    const parsed = alertInput.parse(
      withWaypoints([
        { country: 'LBY', place: 'Zuwara', latitude: 32.931_234, longitude: 12.081_99 },
        { country: 'ITA', latitude: -0.004, longitude: 179.999 },
      ]),
    ) as Extract<AlertInput, { kind: 'route' }>;
    expect(parsed.route.waypoints[0]).toMatchObject({ latitude: 32.93, longitude: 12.08 });
    // -0.004 rounds to -0: it must still read as 0 in JSON, which has no negative zero.
    expect(JSON.stringify(parsed.route.waypoints[1])).toBe('{"country":"ITA","latitude":0,"longitude":180}');
  });

  it('name the field that is out of range', () => {
    expect(errorsOf(withWaypoints([{ country: 'LBY' }, { country: 'ITA', latitude: 91, longitude: 12 }]))).toEqual([
      { path: 'route.waypoints.1.latitude', rule: 'too_big', message: 'must be a latitude between -90 and 90 degrees' },
    ]);
    expect(errorsOf(withWaypoints([{ country: 'LBY', latitude: 32, longitude: -180.5 }, { country: 'ITA' }]))).toEqual([
      { path: 'route.waypoints.0.longitude', rule: 'too_small', message: 'must be a longitude between -180 and 180 degrees' },
    ]);
  });

  it('refuse a number written as text and a value that is no number', () => {
    const errors = errorsOf(withWaypoints([{ country: 'LBY', latitude: '32.9', longitude: Number.NaN }, { country: 'ITA' }]));
    expect(errors.map((e) => e.path)).toEqual(['route.waypoints.0.latitude', 'route.waypoints.0.longitude']);
    expect(errors[0]?.message).toMatch(/latitude in decimal degrees/);
  });

  it('come both or neither, the missing one named', () => {
    expect(errorsOf(withWaypoints([{ country: 'LBY', latitude: 32.9 }, { country: 'ITA' }]))).toEqual([
      {
        path: 'route.waypoints.0.longitude',
        rule: 'custom',
        message: 'is required when a latitude is given: give both or neither',
      },
    ]);
    expect(errorsOf(withWaypoints([{ country: 'LBY' }, { country: 'ITA', longitude: 12.6 }])).map((e) => e.path)).toEqual([
      'route.waypoints.1.latitude',
    ]);
  });

  it('make two waypoints of one country distinct places', () => {
    const along = withWaypoints([
      { country: 'LBY', latitude: 32.93, longitude: 12.08 },
      { country: 'LBY', latitude: 32.89, longitude: 13.18 },
    ]);
    expect(errorsOf(along)).toEqual([]);
    const still = withWaypoints([
      { country: 'LBY', latitude: 32.93, longitude: 12.08 },
      { country: 'LBY', latitude: 32.931, longitude: 12.079 },
    ]);
    // Equal once rounded: the same place at the precision the network keeps.
    expect(errorsOf(still)[0]?.message).toMatch(/repeats the previous waypoint/);
  });

  it('are withheld with the place names when a release policy withholds places', () => {
    const a = storedRouteAlert({
      route: { region: 'central-mediterranean', waypoints: [{ country: 'LBY', latitude: 32.93, longitude: 12.08 }, { country: 'ITA' }] },
    });
    const out = redactAlert(a, ['route.places']);
    expect(out.route?.waypoints[0]).toEqual({ country: 'LBY' });
    expect(out.redacted).toEqual(['route.places']);
  });
});

describe('signed alerts and coordinates', () => {
  let signer: AlertSigner;
  let membership: Membership;
  beforeAll(async () => {
    const italy = await keyPair('it-polfr-alerts-1');
    signer = await createAlertSigner(italy.priv);
    membership = signingMembership([{ id: 'it-polfr', country: 'ITA', pub: italy.pub }]);
  });

  it('an alert signed before coordinates existed parses and verifies as it was', async () => {
    const old = await signer.sign(storedRouteAlert({ createdAt: '2026-11-01T10:00:00.000Z' }));
    expect(old.route?.waypoints.every((w) => !('latitude' in w))).toBe(true);
    const received = alert.parse(JSON.parse(JSON.stringify(old))) as Alert;
    expect(received).toEqual(old);
    expect(await verifyAlertSignature(received, membership)).toEqual({ ok: true, kid: 'it-polfr-alerts-1' });
  });

  it('an alert with coordinates verifies after a partner parses it again', async () => {
    const signed = await signer.sign(
      storedRouteAlert({
        route: {
          region: 'central-mediterranean',
          waypoints: [{ country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 }, { country: 'ITA' }],
        },
      }),
    );
    const received = alert.parse(JSON.parse(JSON.stringify(signed))) as Alert;
    expect(received.route?.waypoints[0]).toMatchObject({ latitude: 32.93, longitude: 12.08 });
    expect(await verifyAlertSignature(received, membership)).toMatchObject({ ok: true });
  });
});
