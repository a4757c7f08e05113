import { describe, expect, it } from 'vitest';
import { buildAlertInput, checkAlertForm, emptyAlertForm } from './alert-form';

const now = new Date('2026-11-24T21:00:00Z');

function routeForm() {
  return {
    ...emptyAlertForm('route'),
    waypoints: [
      { country: 'LBY', place: ' Zuwara ', mode: 'sea' },
      { country: 'ITA', place: '', mode: '' },
    ],
    transport: 'wooden_boat',
    migrants: '62',
    children: '4',
    summary: 'Wooden boat intercepted south of the island',
  };
}

describe('the publish form as proto’s AlertInput', () => {
  it('leaves empty fields out and parses counts', () => {
    const input = buildAlertInput(routeForm());
    expect(input).toMatchObject({
      kind: 'route',
      tlp: 'GREEN',
      recipients: [],
      route: { region: 'central-mediterranean', waypoints: [{ country: 'LBY', place: 'Zuwara', mode: 'sea' }, { country: 'ITA' }] },
      routeDetails: { transport: 'wooden_boat', migrantCount: 62, vulnerablePersons: { children: 4 } },
    });
    expect(input).not.toHaveProperty('validUntil');
    expect(checkAlertForm(routeForm(), now)).toEqual({});
  });

  it('sends recipients only for AMBER and AMBER+STRICT', () => {
    const form = { ...routeForm(), recipients: ['ne-ppn'] };
    expect(buildAlertInput(form).recipients).toEqual([]);
    expect(buildAlertInput({ ...form, tlp: 'AMBER+STRICT' }).recipients).toEqual(['ne-ppn']);
  });

  it('names every missing choice of a document-fraud alert by its path', () => {
    const errors = checkAlertForm({ ...emptyAlertForm('document_fraud'), tlp: 'AMBER' }, now);
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining([
        'recipients',
        'summary',
        'documentFraud.documentType',
        'documentFraud.issuingState',
        'documentFraud.fraudType',
        'documentFraud.detectedAt.place',
      ]),
    );
  });

  it('asks for a choice, in words, where a select was left empty', () => {
    const errors = checkAlertForm(
      { ...routeForm(), transport: '', waypoints: [{ country: '', place: '', mode: '' }, ...routeForm().waypoints.slice(1)] },
      now,
    );
    expect(errors).toEqual({
      'routeDetails.transport': ['Required: choose one from the list.'],
      'route.waypoints.0.country': ['Required: choose one from the list.'],
    });
  });

  it('refuses a validity that has already ended', () => {
    const errors = checkAlertForm({ ...routeForm(), validUntil: '2026-11-24T08:00' }, now);
    expect(errors.validUntil).toEqual(['must be in the future']);
  });

  it('places the message about a number that is not whole next to its field', () => {
    const errors = checkAlertForm({ ...routeForm(), migrants: '2.5' }, now);
    expect(Object.keys(errors)).toEqual(['routeDetails.migrantCount']);
  });
});
