import { describe, expect, it } from 'vitest';
import type { Alert } from './alert.js';
import { mayRelease } from './release.js';
import { parseAlertSubject, subjectsForAlert } from './subjects.js';

function alertWith(tlp: Alert['tlp'], recipients: string[] = []): Alert {
  return {
    id: '0196a4f2-7c00-7000-8000-000000000001',
    kind: 'route',
    origin: { agency: 'it-polfr', country: 'ITA' },
    tlp,
    recipients,
    createdAt: '2026-11-24T10:00:00Z',
    validUntil: null,
    grading: { source: 'B', information: '2' },
    summary: 'Night departures',
    identifiers: [],
    revision: 1,
    status: 'active',
    route: { region: 'central-mediterranean', waypoints: [{ country: 'LBY' }, { country: 'ITA' }] },
    routeDetails: { transport: 'rubber_boat', communicationPlatforms: [] },
  };
}

describe('release rule and subjects', () => {
  it('keeps TLP:RED at home: no subject, no partner', () => {
    const red = alertWith('RED');
    expect(subjectsForAlert('corridor', red)).toEqual([]);
    expect(mayRelease(red, 'ne-ppn')).toBe(false);
    expect(mayRelease(red, 'it-polfr')).toBe(true);
  });

  it('sends TLP:AMBER to the inbox of each named agency only', () => {
    const amber = alertWith('AMBER', ['ne-ppn']);
    expect(subjectsForAlert('corridor', amber)).toEqual(['corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr']);
    expect(mayRelease(amber, 'ne-ppn')).toBe(true);
    expect(mayRelease(amber, 'ng-nis')).toBe(false);
  });

  it('broadcasts GREEN and CLEAR to every member', () => {
    for (const tlp of ['GREEN', 'CLEAR'] as const) {
      expect(subjectsForAlert('corridor', alertWith(tlp))).toEqual(['corridor.alert.route.ITA.central-mediterranean.it-polfr']);
      expect(mayRelease(alertWith(tlp), 'ng-nis')).toBe(true);
    }
  });

  it('reads its own subjects back and refuses foreign ones', () => {
    expect(parseAlertSubject('corridor', 'corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr')).toEqual({
      recipient: 'ne-ppn',
      kind: 'route',
      originCountry: 'ITA',
      region: 'central-mediterranean',
      originAgency: 'it-polfr',
    });
    expect(parseAlertSubject('corridor', 'corridor.alert.pizza.ITA.x.y')).toBeNull();
    expect(parseAlertSubject('corridor', 'other.alert.route.ITA.x.y')).toBeNull();
  });
});
