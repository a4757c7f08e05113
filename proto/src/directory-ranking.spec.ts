import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from './directory.js';
import { directoryEntry } from './directory.js';
import {
  directoryOrder,
  directorySearchText,
  foldText,
  isStale,
  localClock,
  matchesSearchText,
  reachability,
} from './directory-ranking.js';

function entry(
  over: Omit<Partial<DirectoryEntry>, 'availability'> & { availability?: Partial<DirectoryEntry['availability']> },
): DirectoryEntry {
  const { availability, ...rest } = over;
  return directoryEntry.parse({
    id: rest.id ?? '0196a4f2-7c00-7000-8000-000000000001',
    agency: 'ne-ppn',
    country: 'NER',
    kind: 'person',
    name: 'Aïcha Moussa',
    roles: ['prosecutor'],
    competences: ['extradition'],
    languages: ['fr'],
    availability: {
      always: false,
      timeZone: 'Africa/Niamey',
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '17:00' }],
      ...availability,
    },
    channels: [{ type: 'email', value: 'a@ne-ppn.example.org' }],
    lastVerified: '2026-10-01',
    ...rest,
  });
}

describe('reachable now', () => {
  // Wednesday 25 November 2026.
  it('reads the hours in the contact’s own time zone', () => {
    const niamey = entry({});
    // 07:30 UTC is 08:30 in Niamey (UTC+1): open; 16:30 UTC is 17:30 there: closed.
    expect(reachability(niamey, new Date('2026-11-25T07:30:00Z'))).toMatchObject({
      reachable: true,
      why: 'hours',
      local: { time: '08:30', weekday: 'wed' },
    });
    expect(reachability(niamey, new Date('2026-11-25T16:30:00Z'))).toMatchObject({ reachable: false, why: 'outside_hours' });
    // Saturday: no hours.
    expect(reachability(niamey, new Date('2026-11-28T10:00:00Z')).reachable).toBe(false);
  });

  it('follows daylight saving time where the contact is', () => {
    const rome = entry({ availability: { timeZone: 'Europe/Rome' } });
    // 07:30 UTC is 08:30 in Rome in winter (open), 09:30 in summer; 06:30 UTC is 08:30 in summer only.
    expect(reachability(rome, new Date('2026-07-01T06:30:00Z')).reachable).toBe(true);
    expect(reachability(rome, new Date('2026-12-02T06:30:00Z')).reachable).toBe(false);
  });

  it('takes the local date across midnight', () => {
    // 23:30 UTC on Friday is already Saturday 08:30 in Tokyo.
    expect(localClock('Asia/Tokyo', new Date('2026-11-27T23:30:00Z'))).toEqual({ date: '2026-11-28', weekday: 'sat', time: '08:30' });
  });

  it('says a 24/7 desk is reachable at any hour, unless it is closed for a period', () => {
    const desk = entry({ kind: 'desk', availability: { always: true, hours: [] } });
    expect(reachability(desk, new Date('2026-11-29T03:00:00Z'))).toMatchObject({ reachable: true, why: 'always' });
    const closed = entry({ kind: 'desk', availability: { always: true, hours: [], absences: [{ from: '2026-11-28', to: '2026-11-30' }] } });
    expect(reachability(closed, new Date('2026-11-29T03:00:00Z'))).toMatchObject({ reachable: false, why: 'absent', backOn: '2026-12-01' });
  });

  it('says when someone away is back, and counts the last day away as away', () => {
    const away = entry({ availability: { absences: [{ from: '2026-11-20', to: '2026-11-25', note: 'mission' }] } });
    expect(reachability(away, new Date('2026-11-25T10:00:00Z'))).toMatchObject({ reachable: false, why: 'absent', backOn: '2026-11-26' });
    expect(reachability(away, new Date('2026-11-26T10:00:00Z')).reachable).toBe(true);
  });
});

describe('stale entries', () => {
  it('are those not verified for more than the period', () => {
    const e = entry({ lastVerified: '2026-05-01' });
    expect(isStale(e, new Date('2026-10-28T00:00:00Z'), 180)).toBe(false);
    expect(isStale(e, new Date('2026-10-29T00:00:01Z'), 180)).toBe(true);
    expect(isStale(e, new Date('2026-10-29T00:00:01Z'), 365)).toBe(false);
  });
});

describe('free text', () => {
  it('ignores case and accents, and finds places by name and what contacts handle', () => {
    const text = directorySearchText(entry({ name: 'Aïcha Moussa', covers: ['LBY'] }), 'Pôle judiciaire spécialisé — Niamey');
    expect(foldText('PÔLE Judiciaire')).toBe('pole judiciaire');
    expect(matchesSearchText(text, 'aicha')).toBe(true);
    expect(matchesSearchText(text, 'pole judiciaire niamey')).toBe(true);
    expect(matchesSearchText(text, 'Libya extradition')).toBe(true);
    expect(matchesSearchText(text, 'french')).toBe(true);
    expect(matchesSearchText(text, 'aicha mali')).toBe(false);
  });
});

describe('the search order', () => {
  it('puts the reachable first, then speakers of the caller’s languages, then the most recently verified', () => {
    const at = new Date('2026-11-25T10:00:00Z');
    const desk = entry({
      id: '0196a4f2-7c00-7000-8000-00000000000a',
      name: 'Zz desk',
      kind: 'desk',
      availability: { always: true, hours: [] },
      lastVerified: '2025-01-01',
    });
    const night = { timeZone: 'Asia/Tokyo' }; // 19:00 there: outside hours
    const fr = entry({
      id: '0196a4f2-7c00-7000-8000-00000000000b',
      name: 'B',
      languages: ['fr'],
      availability: night,
      lastVerified: '2026-01-01',
    });
    const frNewer = entry({
      id: '0196a4f2-7c00-7000-8000-00000000000c',
      name: 'C',
      languages: ['fr'],
      availability: night,
      lastVerified: '2026-11-01',
    });
    const en = entry({
      id: '0196a4f2-7c00-7000-8000-00000000000d',
      name: 'A',
      languages: ['en'],
      availability: night,
      lastVerified: '2026-11-20',
    });
    const order = (speaks: ('fr' | 'en')[]) => [en, fr, desk, frNewer].sort(directoryOrder(at, speaks)).map((e) => e.name);
    expect(order(['fr'])).toEqual(['Zz desk', 'C', 'B', 'A']);
    expect(order(['en'])).toEqual(['Zz desk', 'A', 'C', 'B']);
    expect(order([])).toEqual(['Zz desk', 'A', 'C', 'B']);
  });
});

describe('the entry schema', () => {
  it('refuses hours that end before they start, and an absence that ends before it begins', () => {
    const bad = directoryEntry.safeParse({
      ...entry({}),
      availability: {
        always: false,
        timeZone: 'UTC',
        hours: [{ days: ['mon'], from: '17:00', to: '08:00' }],
        absences: [{ from: '2026-12-10', to: '2026-12-01' }],
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['availability.absences.0.to', 'availability.hours.0.to']);
  });
});
