import { directoryEntry } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { entryFromGraphQL } from './directory-entry';

// As urql reads it: null for what the entry leaves out, and each object's __typename.
const answer = {
  __typename: 'DirectoryEntry',
  id: '0192f1e2-0000-7000-8000-000000000002',
  agency: 'ne-ppn',
  country: 'NER',
  kind: 'person',
  name: 'Aïssata Moussa',
  title: null,
  roles: ['prosecutor'],
  competences: ['mla'],
  networks: [],
  postedIn: null,
  covers: [],
  routes: [],
  languages: ['fr'],
  notes: null,
  lastVerified: '2026-10-01',
  verifiedBy: 'Idrissa Maïga',
  retiredAt: null,
  spoc: false,
  stale: false,
  redacted: ['notes'],
  availability: {
    __typename: 'Availability',
    always: false,
    timeZone: 'Africa/Niamey',
    hours: [{ __typename: 'Hours', days: ['mon'], from: '08:00', to: '16:00' }],
    absences: [{ __typename: 'Absence', from: '2026-12-01', to: '2026-12-03', note: null }],
  },
  channels: [{ __typename: 'Channel', type: 'phone', value: '+227 20 72 00 00', label: null }],
};

describe('a directory entry read back from the gateway', () => {
  it('is proto’s entry: absent where GraphQL said null, without GraphQL’s own fields', () => {
    const entry = entryFromGraphQL(answer);
    expect(directoryEntry.parse(entry)).toEqual(entry);
    expect(entry).not.toHaveProperty('title');
    expect(entry).not.toHaveProperty('stale');
    expect(entry).not.toHaveProperty('__typename');
    expect(entry.availability.absences[0]).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    expect(entry.channels[0]).toEqual({ type: 'phone', value: '+227 20 72 00 00' });
    expect(entry.verifiedBy).toBe('Idrissa Maïga');
  });
});
