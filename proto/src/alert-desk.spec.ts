import { describe, expect, it } from 'vitest';
import { desksForAlerts } from './alert-desk.js';
import { type DirectoryEntry, directoryEntry } from './directory.js';

const deskForAlerts = (entries: DirectoryEntry[], kinds: ('route' | 'document_fraud')[]) => desksForAlerts(entries, kinds)[0] ?? null;
let n = 0;
const entry = (fields: Partial<DirectoryEntry> & Pick<DirectoryEntry, 'name' | 'roles'>): DirectoryEntry =>
  directoryEntry.parse({
    id: `0196a4f2-7c00-7000-8000-${String(++n).padStart(12, '0')}`,
    agency: 'it-polfr',
    country: 'ITA',
    kind: 'desk',
    languages: ['it'],
    availability: { always: false, timeZone: 'Europe/Rome', hours: [] },
    channels: [{ type: 'email', value: 'x@it-polfr.example.org' }],
    lastVerified: '2026-11-01',
    ...fields,
  });

// As in the demo: the child-protection desk sorts first by name and is 24/7, but handles no alert.
const childProtection = entry({
  name: 'Child protection focal point — Lampedusa hotspot',
  roles: ['protection'],
  availability: { always: true, timeZone: 'Europe/Rome', hours: [], absences: [] },
  channels: [{ type: 'phone', value: '+39 0922 000 199' }],
});
const operationsRoom = entry({
  name: 'Sala operativa — Lampedusa',
  roles: ['border_control'],
  availability: { always: true, timeZone: 'Europe/Rome', hours: [], absences: [] },
  channels: [{ type: 'phone', value: '+39 0922 000 111' }],
});
const examiner = entry({ kind: 'person', name: 'Elena Ferraro', roles: ['border_control'], competences: ['document_examination'] });
const prosecutor = entry({ kind: 'person', name: 'A prosecutor', roles: ['prosecutor'] });

describe('the desk a hit names', () => {
  it('handles the kind of alert, never a protection desk, and can be called', () => {
    expect(deskForAlerts([childProtection, examiner, operationsRoom], ['document_fraud'])?.name).toBe('Sala operativa — Lampedusa');
    expect(deskForAlerts([childProtection, operationsRoom], ['route'])?.name).toBe('Sala operativa — Lampedusa');
  });

  it('falls back to a person who handles it, and to nobody rather than the wrong contact', () => {
    expect(deskForAlerts([childProtection, examiner], ['document_fraud'])?.name).toBe('Elena Ferraro');
    expect(deskForAlerts([childProtection, prosecutor], ['route'])).toBeNull();
  });

  it('leaves retired entries out', () => {
    expect(deskForAlerts([{ ...operationsRoom, retiredAt: '2026-11-01T00:00:00Z' }, examiner], ['route'])?.name).toBe('Elena Ferraro');
  });

  it('names the agency’s single point of contact first, whatever desk handles the kind (issue 17)', () => {
    const spoc = entry({
      name: 'SPOC — Servizio per la cooperazione internazionale di polizia',
      roles: ['liaison_officer'],
      availability: { always: true, timeZone: 'Europe/Rome', hours: [], absences: [] },
      spoc: true,
    });
    expect(desksForAlerts([operationsRoom, examiner, spoc], ['document_fraud']).map((e) => e.name)).toEqual([
      spoc.name,
      operationsRoom.name,
      examiner.name,
    ]);
    expect(deskForAlerts([{ ...spoc, retiredAt: '2026-11-01T00:00:00Z' }, operationsRoom], ['route'])?.name).toBe(operationsRoom.name);
  });
});
