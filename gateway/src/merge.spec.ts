import type { Alert, RankedEntry } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { mergeAlerts, mergeDirectory, unknownZonesNote, withKnownTimeZones } from './merge.js';

const a = (id: string, agency: string, createdAt: string) => ({ id, createdAt, origin: { agency, country: 'ITA' } }) as Alert;

describe('merging alerts from several nodes', () => {
  it('orders newest first, then by agency, then by id, whatever order the nodes answered in', () => {
    const fromItaly = [a('3', 'it-polfr', '2026-11-24T10:00:00Z'), a('1', 'it-polfr', '2026-11-24T09:00:00Z')];
    const fromNiger = [a('2', 'ne-ppn', '2026-11-24T10:00:00Z'), a('4', 'ne-ppn', '2026-11-24T11:00:00Z')];
    const ids = (lists: Alert[][]) => mergeAlerts(lists, 10).map((x) => x.id);
    expect(ids([fromItaly, fromNiger])).toEqual(['4', '3', '2', '1']);
    expect(ids([fromNiger, fromItaly])).toEqual(['4', '3', '2', '1']);
  });

  it('keeps only the newest up to the limit', () => {
    expect(mergeAlerts([[a('1', 'x', '2026-01-01T00:00:00Z'), a('2', 'x', '2026-01-02T00:00:00Z')]], 1).map((x) => x.id)).toEqual(['2']);
  });
});

describe('merging directory answers', () => {
  const entry = (id: string, timeZone: string, always = true): RankedEntry => ({
    id,
    name: id,
    languages: [],
    lastVerified: '2026-11-01',
    availability: { always, timeZone, hours: [], absences: [] },
  });

  it('leaves out an entry in a time zone this runtime does not know, and names why', () => {
    const { kept, dropped } = withKnownTimeZones([entry('a', 'Africa/Niamey'), entry('b', 'Mars/Olympus_Mons')]);
    expect(kept.map((e) => e.id)).toEqual(['a']);
    expect(unknownZonesNote(dropped)).toBe('1 entry left out: availability.timeZone "Mars/Olympus_Mons" is not an IANA time zone');
  });

  it('ranks an entry in an unknown time zone as not reachable instead of failing', () => {
    const lists = [[entry('bad', 'Mars/Olympus_Mons')], [entry('good', 'Europe/Rome', false), entry('desk', 'Africa/Lagos')]];
    expect(mergeDirectory(lists, { now: new Date('2026-11-30T12:00:00Z'), limit: 10 }).map((e) => e.id)[0]).toBe('desk');
  });
});
