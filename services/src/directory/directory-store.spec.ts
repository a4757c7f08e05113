import { type DirectoryEntry, directoryEntry, directoryEntryDraft, newId, reachability, WEEKDAYS } from '@corridor/proto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { importEntries, normalisePhones, reachableAt, searchDirectory, seedEntries, verifyEntry } from './directory-store.js';

const scratch = useMigratedScratchDatabase();

// Zones with daylight saving (both hemispheres), half- and quarter-hour offsets, and the date line.
const ZONES = ['Europe/Rome', 'Africa/Niamey', 'America/Santiago', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'UTC'];
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${`${h}`.padStart(2, '0')}:${`${m}`.padStart(2, '0')}`);
const day = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }).map((t) => new Date(t).toISOString().slice(0, 10));

const entryArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    always: fc.boolean(),
    hours: fc.array(
      fc
        .record({ days: fc.subarray([...WEEKDAYS], { minLength: 1 }), a: time, b: fc.oneof(time, fc.constant('24:00')) })
        .filter((h) => h.a < h.b),
      { maxLength: 3 },
    ),
    absences: fc.array(
      fc.tuple(day, day).map(([x, y]) => (x <= y ? { from: x, to: y } : { from: y, to: x })),
      { maxLength: 2 },
    ),
  })
  .map(
    (r): DirectoryEntry =>
      contact({
        availability: {
          always: r.always,
          timeZone: r.zone,
          hours: r.hours.map((h) => ({ days: h.days, from: h.a, to: h.b })),
          absences: r.absences,
        },
      }),
  );

describe('ranking in SQL', () => {
  it('says who is reachable exactly as proto does, across time zones, summer time, absences and midnight', async () => {
    const db = scratch.database.db;
    const entries = fc.sample(entryArb, { numRuns: 300, seed: 7 });
    await seedEntries(db, entries);
    const instants = fc.sample(
      fc
        .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T23:59:00Z') })
        .map((t) => new Date(t - (t % 60_000))),
      { numRuns: 40, seed: 11 },
    );
    for (const now of instants) {
      const rows = await db.$queryRaw<
        { id: string; reachable: boolean }[]
      >`SELECT id::text, ${reachableAt(now)} AS reachable FROM directory_entries`;
      const sql = new Map(rows.map((r) => [r.id, r.reachable]));
      for (const e of entries)
        expect(sql.get(e.id), `${e.availability.timeZone} at ${now.toISOString()}`).toBe(reachability(e, now).reachable);
    }
    await db.$executeRaw`DELETE FROM directory_entries`;
  });
});

function contact(over: Partial<DirectoryEntry>): DirectoryEntry {
  return directoryEntry.parse({
    id: newId(),
    agency: 'it-polfr',
    country: 'ITA',
    kind: 'person',
    name: 'Contact',
    roles: ['border_control'],
    languages: ['it'],
    availability: { always: false, timeZone: 'UTC', hours: [] },
    channels: [{ type: 'email', value: 'c@it-polfr.example.org' }],
    lastVerified: '2026-10-01',
    ...over,
  });
}

describe('searching and keeping the directory', () => {
  const desk = contact({
    name: 'Sala operativa',
    kind: 'desk',
    availability: { always: true, timeZone: 'Europe/Rome', hours: [], absences: [] },
  });
  const older = contact({ name: 'Anna Verdi', languages: ['fr'], lastVerified: '2026-01-10', notes: 'Handles 100% of Lampedusa cases' });
  const newer = contact({ name: 'Bruno Neri', languages: ['it'], lastVerified: '2026-11-01' });
  beforeAll(async () => {
    await seedEntries(scratch.database.db, [desk, older, newer]);
  });

  it('ranks the reachable first, then speakers of the caller’s languages, and counts every match past the limit', async () => {
    const db = scratch.database.db;
    const at = new Date('2026-11-25T03:00:00Z');
    expect((await searchDirectory(db, {}, at)).entries.map((e) => e.name)).toEqual(['Sala operativa', 'Bruno Neri', 'Anna Verdi']);
    expect((await searchDirectory(db, { speaks: ['fr'] }, at)).entries.map((e) => e.name)).toEqual([
      'Sala operativa',
      'Anna Verdi',
      'Bruno Neri',
    ]);
    const firstTwo = await searchDirectory(db, { limit: 2 }, at);
    expect(firstTwo.entries).toHaveLength(2);
    expect(firstTwo.total).toBe(3);
  });

  it('keeps only the contacts reachable at the moment of the search when asked', async () => {
    const db = scratch.database.db;
    const found = await searchDirectory(db, { reachableNow: true }, new Date('2026-11-25T03:00:00Z'));
    expect(found.entries.map((e) => e.name)).toEqual(['Sala operativa']);
    expect(found.total).toBe(1);
  });

  it('searches by words only: SQL wildcards in the text match nothing by themselves', async () => {
    const db = scratch.database.db;
    expect((await searchDirectory(db, { text: '100%' })).entries.map((e) => e.name)).toEqual(['Anna Verdi']);
    // Punctuation alone is no word at all: the same as not searching by text.
    expect((await searchDirectory(db, { text: '%_' })).total).toBe(3);
  });

  it('does not let a seed file undo a verification when the node starts again', async () => {
    const db = scratch.database.db;
    await verifyEntry(db, older.id, { subject: 'admin', name: 'Elena Conti' }, undefined, new Date('2026-11-20T10:00:00Z'));
    expect(await seedEntries(db, [desk, older, newer])).toBe(0);
    const found = (await searchDirectory(db, { text: 'anna' })).entries[0];
    expect(found).toMatchObject({ lastVerified: '2026-11-20', verifiedBy: 'Elena Conti' });
  });

  it('applies an import whole: a row that fails in the database leaves the others unwritten too', async () => {
    const db = scratch.database.db;
    const draft = directoryEntryDraft.parse({
      kind: 'person',
      name: 'Carla Blu',
      country: 'ITA',
      roles: ['border_control'],
      languages: ['it'],
      availability: { always: false, timeZone: 'UTC' },
      channels: [{ type: 'email', value: 'x@y.org' }],
    });
    // Two rows with one id of an entry here: the database refuses the second in the same statement.
    const rows = [
      { row: 2, draft },
      { row: 3, id: newer.id, draft },
      { row: 4, id: newer.id, draft },
    ];
    await expect(importEntries(db, { id: 'it-polfr' }, rows, { subject: 'admin' })).rejects.toThrow();
    expect((await searchDirectory(db, { text: 'carla' })).entries).toEqual([]);
  });

  it('refuses a row carrying an id that is not one of its entries, naming the row, and writes nothing', async () => {
    const db = scratch.database.db;
    const { id: _id, agency: _agency, lastVerified: _lv, verifiedBy: _vb, retiredAt: _ra, ...content } = desk;
    const draft = directoryEntryDraft.parse({ ...content, name: 'Carla Blu' });
    const foreign = newId();
    const outcome = await importEntries(
      db,
      { id: 'it-polfr' },
      [
        { row: 2, draft },
        { row: 3, id: foreign, draft },
      ],
      { subject: 'admin' },
    );
    expect(outcome).toEqual({
      refused: [
        {
          row: 3,
          field: 'id',
          message: `${foreign} is not an entry of it-polfr: an import changes only the agency’s own entries; leave the id empty to add a new one`,
        },
      ],
    });
    expect((await searchDirectory(db, { text: 'carla' })).entries).toEqual([]);
  });

  it('leaves a row equal to its entry as it was, with its verification, and verifies a changed one today', async () => {
    const db = scratch.database.db;
    const contentOf = (e: DirectoryEntry) => {
      const { id: _id, agency: _agency, lastVerified: _lv, verifiedBy: _vb, retiredAt: _ra, ...content } = e;
      return directoryEntryDraft.parse(content);
    };
    const rows = [
      { row: 2, id: desk.id, draft: contentOf(desk) },
      { row: 3, id: older.id, draft: { ...contentOf(older), notes: 'Handles Lampedusa' } },
    ];
    const now = new Date('2026-11-30T10:00:00Z');
    expect(await importEntries(db, { id: 'it-polfr' }, rows, { subject: 'admin', name: 'Elena Conti' }, now)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const found = (await searchDirectory(db, {}, now)).entries;
    expect(found.find((e) => e.id === desk.id)).toMatchObject({ lastVerified: desk.lastVerified });
    expect(found.find((e) => e.id === older.id)).toMatchObject({
      lastVerified: '2026-11-30',
      verifiedBy: 'Elena Conti',
      notes: 'Handles Lampedusa',
    });
  });
});

describe('phone numbers written before the directory kept them in E.164', () => {
  it('brings them into E.164 in the entry’s country, keeps the verification, and reports by entry what it cannot read', async () => {
    const db = scratch.database.db;
    const national = contact({
      name: 'Questura',
      lastVerified: '2026-03-01',
      channels: [
        { type: 'phone', value: '0922 483 111', label: 'switchboard' },
        { type: 'fax', value: '+39 06 4686 ext. 12' },
        { type: 'email', value: 'q@it-polfr.example.org' },
      ],
    });
    const unreadable = contact({ name: 'Vecchio', channels: [{ type: 'phone', value: 'ask the switchboard' }] });
    const done = contact({ name: 'Nuovo', channels: [{ type: 'phone', value: '+390922483111' }] });
    await seedEntries(db, [national, unreadable, done]);
    const first = await normalisePhones(db);
    expect(first).toEqual({
      normalised: 1,
      unread: [
        {
          entry: unreadable.id,
          channel: 0,
          problem: 'is not a phone number of the entry’s country: write it with its country code, e.g. +39 06 4686 1',
        },
      ],
    });
    const found = (await searchDirectory(db, { text: 'questura' })).entries[0];
    expect(found?.channels).toEqual([
      { type: 'phone', value: '+390922483111', label: 'switchboard' },
      { type: 'fax', value: '+39064686', label: 'ext. 12' },
      { type: 'email', value: 'q@it-polfr.example.org' },
    ]);
    expect(found?.lastVerified).toBe('2026-03-01');
    // Run again at the next start: nothing left to write, the unreadable one still said.
    expect(await normalisePhones(db)).toMatchObject({ normalised: 0, unread: [{ entry: unreadable.id }] });
  });
});
