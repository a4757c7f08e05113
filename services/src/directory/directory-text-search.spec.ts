// Free-text search as officers rely on it, now served by a trigram index (migration 0013): case and
// accents ignored both ways, parts of words found, every word required in any order, words too
// short for a trigram still matched, retired entries never found. (Whether PostgreSQL uses the index
// is its planner's choice by table size: the `directory` bench measures what it saves.)
import { type DirectoryEntry, directoryEntry, newId } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { retireEntry, searchDirectory, seedEntries } from './directory-store.js';

const scratch = useMigratedScratchDatabase();

function contact(name: string, over: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return directoryEntry.parse({
    id: newId(),
    agency: 'ne-ppn',
    country: 'NER',
    kind: 'person',
    name,
    roles: ['prosecutor'],
    languages: ['fr'],
    availability: { always: false, timeZone: 'Africa/Niamey', hours: [] },
    channels: [{ type: 'email', value: 'c@ne-ppn.example.org' }],
    lastVerified: '2026-10-01',
    ...over,
  });
}

const names = async (text: string) => (await searchDirectory(scratch.database.db, { text })).entries.map((e) => e.name).sort();

describe('free-text search of the directory', () => {
  const pole = contact('Aïssata Maïga', { title: 'Procureure — Pôle judiciaire spécialisé', competences: ['extradition'] });
  const desk = contact('Permanence Niamey', { kind: 'desk', notes: 'Indicatif radio ZY, ÉQUIPE de nuit' });
  const retired = contact('Aïssata Ancienne');
  const others = Array.from({ length: 40 }, (_, i) => contact(`Contact ${i}`, { notes: `dossier ${i}` }));

  beforeAll(async () => {
    await seedEntries(scratch.database.db, [pole, desk, retired, ...others], 'Pôle judiciaire spécialisé — Niamey');
    await retireEntry(scratch.database.db, retired.id, { subject: 'admin' });
  });

  it('ignores case and accents, in the text and in the words asked', async () => {
    expect(await names('aissata maiga')).toEqual(['Aïssata Maïga']);
    expect(await names('AÏSSATA')).toEqual(['Aïssata Maïga']);
    expect(await names('equipe')).toEqual(['Permanence Niamey']);
    expect(await names('Équipe')).toEqual(['Permanence Niamey']);
  });

  it('finds parts of words, anywhere in the text: names, titles, competences, notes, the agency', async () => {
    expect(await names('rocur')).toEqual(['Aïssata Maïga']);
    expect(await names('extrad')).toEqual(['Aïssata Maïga']);
    expect(await names('ermanen')).toEqual(['Permanence Niamey']);
    expect((await searchDirectory(scratch.database.db, { text: 'pole specialise niamey' })).total).toBe(42);
  });

  it('requires every word, in any order', async () => {
    expect(await names('maiga procureure')).toEqual(['Aïssata Maïga']);
    expect(await names('procureure maiga')).toEqual(['Aïssata Maïga']);
    expect(await names('maiga nuit')).toEqual([]);
  });

  it('matches words shorter than a trigram too', async () => {
    expect(await names('zy')).toEqual(['Permanence Niamey']);
    expect(await names('maï ga')).toEqual(['Aïssata Maïga']);
  });

  it('never finds a retired entry', async () => {
    expect(await names('ancienne')).toEqual([]);
  });
});
