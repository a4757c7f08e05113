import { describe, expect, it } from 'vitest';
import { storedDocumentFraudAlert, storedRouteAlert } from '../testing/alerts.js';
import { alertToMispEvent } from './misp.js';
import {
  alertReportId,
  alertToStix,
  CORRIDOR_EXTENSION_DEFINITION,
  CORRIDOR_EXTENSION_ID,
  CORRIDOR_EXTENSION_SCHEMA,
  sharedStixObjects,
} from './stix.js';

const PSEUDONYM = 'x'.repeat(43);
const withIdentifiers = storedRouteAlert({
  identifiers: [{ kind: 'phone', pseudonym: PSEUDONYM, epoch: 1 }],
  caseReference: 'RG 4521/2026',
  route: {
    region: 'central-mediterranean',
    waypoints: [
      { country: 'LBY', place: 'Zuwara', mode: 'sea', latitude: 32.93, longitude: 12.08 },
      { country: 'ITA', mode: 'sea' },
    ],
  },
});

describe('an alert as STIX 2.1', () => {
  it('has the same ids whenever and wherever it is exported, and a new version when a revision is stored', () => {
    const once = alertToStix(withIdentifiers, '2026-11-24T10:00:01.000Z');
    expect(alertToStix(withIdentifiers, '2026-11-24T10:00:01.000Z')).toEqual(once);
    expect(once[0]?.id).toBe(alertReportId(withIdentifiers.id));
    expect(once.map((o) => o.id)).toEqual(alertToStix({ ...withIdentifiers, revision: 2 }, '2026-11-25T09:00:00.000Z').map((o) => o.id));
    expect(alertToStix({ ...withIdentifiers, revision: 2 }, '2026-11-25T09:00:00.000Z')[0]?.modified).toBe('2026-11-25T09:00:00.000Z');
    // Timestamps to the millisecond (STIX core), whatever precision the alert was signed with.
    expect(once[0]).toMatchObject({ created: '2026-11-24T10:00:00.000Z', published: '2026-11-24T10:00:00.000Z' });
  });

  it('is a report pointing at a location per waypoint in order, in ISO alpha-2, Corridor’s fields in its extension', () => {
    const [report, ...locations] = alertToStix(withIdentifiers, '2026-11-24T10:00:01.000Z');
    expect(report?.object_refs).toEqual(locations.map((l) => l.id));
    expect(locations.map((l) => [l.country, l.name, l.latitude ?? null])).toEqual([
      ['LY', 'Zuwara', 32.93],
      ['IT', 'Italy', null],
    ]);
    expect((report?.extensions as Record<string, Record<string, unknown>> | undefined)?.[CORRIDOR_EXTENSION_ID]).toMatchObject({
      extension_type: 'property-extension',
      alert_id: withIdentifiers.id,
      kind: 'route',
      identifier_kinds: ['phone'],
      route: {
        region: 'central-mediterranean',
        waypoints: [{ location_ref: locations[0]?.id, country: 'LBY', mode: 'sea' }, expect.anything()],
      },
    });
  });

  it('never carries a pseudonym or the case reference, in STIX or MISP', () => {
    const out = JSON.stringify([
      alertToStix(withIdentifiers, '2026-11-24T10:00:01.000Z'),
      alertToMispEvent(withIdentifiers, '2026-11-24T10:00:01.000Z', { name: 'Polizia' }),
    ]);
    expect(out).not.toContain(PSEUDONYM);
    expect(out).not.toContain('4521');
  });

  it('leaves out free text the node’s check refuses now, whatever it passed when stored, and says so', () => {
    const stored = storedRouteAlert({
      summary: 'Call the organiser on +234 803 555 0147 before departure',
      route: {
        region: 'central-mediterranean',
        waypoints: [
          { country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 },
          { country: 'ITA', place: 'Passport A07319842 seen here', latitude: 35.5, longitude: 12.6 },
        ],
      },
    });
    const objects = alertToStix(stored, '2026-11-24T10:00:01.000Z');
    const event = alertToMispEvent(stored, '2026-11-24T10:00:01.000Z', { name: 'Polizia' });
    const out = JSON.stringify([objects, event]);
    for (const leak of ['555 0147', '8035550147', 'A07319842']) expect(out).not.toContain(leak);
    expect(objects[0]?.description).toBeUndefined();
    expect((objects[0]?.extensions as Record<string, { redacted?: string[] }> | undefined)?.[CORRIDOR_EXTENSION_ID]?.redacted).toEqual([
      'summary',
      'route.places',
    ]);
    // The place that passes stays; the refused one falls back to its country, without its point.
    expect(objects.slice(1).map((l) => [l.name, l.latitude ?? null])).toEqual([
      ['Zuwara', 32.93],
      ['Italy', null],
    ]);
  });

  it('refuses TLP:AMBER, AMBER+STRICT and RED: they never leave for a tool', () => {
    for (const tlp of ['AMBER', 'AMBER+STRICT', 'RED'] as const) {
      expect(() => alertToStix(storedRouteAlert({ tlp, recipients: ['ng-nis'] }), '2026-11-24T10:00:01.000Z')).toThrow(/never exported/);
      expect(() => alertToMispEvent(storedRouteAlert({ tlp }), '2026-11-24T10:00:01.000Z', { name: 'x' })).toThrow(/never exported/);
    }
  });

  it('points a document-fraud alert without a route at its publisher, which the shared objects hold', () => {
    const [report] = alertToStix(storedDocumentFraudAlert(), '2026-11-24T10:00:01.000Z');
    const shared = sharedStixObjects({ id: 'it-polfr', name: 'Polizia di Frontiera' });
    expect(report?.object_refs).toEqual([report?.created_by_ref]);
    expect(shared.map((o) => o.id)).toContain(report?.created_by_ref);
    expect(shared.map((o) => o.id)).toContain((report?.object_marking_refs as string[] | undefined)?.[0]);
  });
});

describe('the published extension', () => {
  it('is the definition whose id proto fixes, by Corridor, naming its schema, which describes it', () => {
    expect(CORRIDOR_EXTENSION_DEFINITION.id).toBe(CORRIDOR_EXTENSION_ID);
    const corridor = sharedStixObjects({ id: 'it-polfr', name: 'x' }).find((o) => o.type === 'identity' && o.name === 'Corridor');
    expect(CORRIDOR_EXTENSION_DEFINITION.created_by_ref).toBe(corridor?.id);
    expect(CORRIDOR_EXTENSION_DEFINITION.schema).toContain(CORRIDOR_EXTENSION_SCHEMA.$id);
    expect(CORRIDOR_EXTENSION_SCHEMA.description).toContain(CORRIDOR_EXTENSION_ID);
  });
});

describe('an alert as a MISP event', () => {
  it('is keyed by the alert id, tagged with its TLP, its waypoints geolocation objects', () => {
    const e = alertToMispEvent(storedRouteAlert({ tlp: 'CLEAR' }), '2026-11-24T10:00:01.000Z', { name: 'Polizia' });
    expect(e).toMatchObject({
      uuid: storedRouteAlert().id,
      date: '2026-11-24',
      timestamp: String(Date.parse('2026-11-24T10:00:01.000Z') / 1000),
    });
    expect(e.Tag.map((t) => t.name)).toContain('tlp:clear');
    expect(e.Object.map((o) => o.name)).toEqual(['geolocation', 'geolocation']);
    expect(e.Object[0]?.Attribute.find((a) => a.object_relation === 'country')?.value).toBe('LY');
  });
});
