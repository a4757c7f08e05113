import { directoryEntry, newId } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { StoredRowError } from '../stored-json.js';
import { parsedEntries } from './parsed-entries.js';

const entry = directoryEntry.parse({
  id: newId(),
  agency: 'it-polfr',
  country: 'ITA',
  kind: 'person',
  name: 'Anna Verdi',
  roles: ['border_control'],
  languages: ['it'],
  availability: { always: false, timeZone: 'Europe/Rome', hours: [] },
  channels: [{ type: 'email', value: 'a@it-polfr.example.org' }],
  lastVerified: '2026-10-01',
});
const row = (version: string, document: unknown) => ({ id: entry.id, version, document: JSON.stringify(document) });

describe('stored entries kept by row version', () => {
  it('parses a row once per version, and reads a changed row afresh', () => {
    const parsed = parsedEntries();
    const first = parsed.entry(row('100', entry));
    expect(first).toEqual(entry);
    expect(parsed.entry(row('100', { ...entry, name: 'not read again' }))).toBe(first);
    expect(parsed.entry(row('101', { ...entry, name: 'Anna Rossi' })).name).toBe('Anna Rossi');
  });

  it('names a new version that no longer fits the schema as the row’s defect', () => {
    const parsed = parsedEntries();
    parsed.entry(row('100', entry));
    expect(() => parsed.entry(row('102', { ...entry, country: 'Italy' }))).toThrow(StoredRowError);
  });

  it('hands out entries no answer can change for the next', () => {
    const e = parsedEntries().entry(row('100', entry));
    expect(() => {
      (e.channels as { value: string }[]).forEach((c) => {
        c.value = 'x@example.org';
      });
    }).toThrow(TypeError);
  });

  it('keeps at most the entries it was given room for, the least recently read going first', () => {
    const parsed = parsedEntries(1);
    const a = parsed.entry(row('100', entry));
    const other = { ...entry, id: newId() };
    parsed.entry({ id: other.id, version: '100', document: JSON.stringify(other) });
    expect(parsed.entry(row('100', entry))).not.toBe(a);
  });
});
