// For the directory specs (CSV, vCard): the two entries both start from, each spec adding the
// fields it tests. Not on proto's face: specs only.
import type { DirectoryEntryInput } from '../directory.js';

/** Niger's prosecutor: weekdays and Saturday morning, Niamey time. */
export const NIGER_PROSECUTOR = {
  id: '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e01',
  agency: 'ne-ppn',
  country: 'NER',
  kind: 'person',
  name: 'Aïcha Maïga-Ousmane',
  roles: ['prosecutor', 'central_authority_mla'],
  competences: ['mla', 'extradition'],
  networks: ['wacap', 'sahel-net'],
  languages: ['fr', 'ha', 'en'],
  availability: {
    always: false,
    timeZone: 'Africa/Niamey',
    hours: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '17:00' },
      { days: ['sat'], from: '09:00', to: '12:00' },
    ],
  },
  lastVerified: '2026-10-01',
} satisfies Partial<DirectoryEntryInput>;

/** Italy's operations room, open around the clock. */
export const ITALY_DESK = {
  id: '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e02',
  agency: 'it-dcis',
  country: 'ITA',
  kind: 'desk',
  languages: ['it', 'en'],
  availability: { always: true, timeZone: 'Europe/Rome' },
  lastVerified: '2026-09-15',
} satisfies Partial<DirectoryEntryInput>;
