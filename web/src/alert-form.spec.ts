import { describe, expect, it } from 'vitest';
import { buildAlertInput, checkAlertForm, emptyAlertForm, type MoveOffer, moveOffers, moveToIdentifiers } from './alert-form';

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

  it('sends a waypoint’s coordinates as numbers, a decimal comma read as a point, and names the missing half', () => {
    const form = routeForm();
    const pinned = { ...form, waypoints: [{ ...form.waypoints[0], latitude: '32,931', longitude: ' 12.08 ' }, form.waypoints[1]] };
    expect(buildAlertInput(pinned as typeof form).route?.waypoints[0]).toEqual({
      country: 'LBY',
      place: 'Zuwara',
      mode: 'sea',
      latitude: 32.931,
      longitude: 12.08,
    });
    expect(checkAlertForm(pinned as typeof form, now)).toEqual({});
    const half = { ...form, waypoints: [form.waypoints[0], { ...form.waypoints[1], latitude: '35.5', longitude: '' }] };
    expect(checkAlertForm(half as typeof form, now)).toEqual({
      'route.waypoints.1.longitude': ['is required when a latitude is given: give both or neither'],
    });
    const wrong = { ...form, waypoints: [form.waypoints[0], { ...form.waypoints[1], latitude: 'north', longitude: '200' }] };
    expect(Object.keys(checkAlertForm(wrong as typeof form, now))).toEqual(['route.waypoints.1.latitude', 'route.waypoints.1.longitude']);
  });

  it('sends recipients only for AMBER and AMBER+STRICT', () => {
    const form = { ...routeForm(), recipients: ['ne-ppn'] };
    expect(buildAlertInput(form).recipients).toEqual([]);
    expect(buildAlertInput({ ...form, tlp: 'AMBER+STRICT' }).recipients).toEqual(['ne-ppn']);
  });

  it('sends H0 and "ask the owner" unless the officer chooses, and names what H3 and a permitted use still need', () => {
    expect(buildAlertInput(routeForm())).toMatchObject({ handlingCode: 'H0', evidence: { use: 'with_permission' } });
    expect(buildAlertInput(routeForm())).not.toHaveProperty('handlingConditions');
    const strict = { ...routeForm(), handlingCode: 'H3', evidenceUse: 'permitted' };
    expect(checkAlertForm(strict, now)).toEqual({
      handlingConditions: ['H3 needs its restrictions, in words'],
      'evidence.legalBasis': ['say on what legal basis it may be used as evidence'],
    });
    // A draft kept from before the fields existed sends what a fresh form would.
    const { handlingCode: _, evidenceUse: __, ...older } = routeForm();
    expect(buildAlertInput(older as ReturnType<typeof routeForm>)).toMatchObject({
      handlingCode: 'H0',
      evidence: { use: 'with_permission' },
    });
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

describe('moving an identifier the node found in free text', () => {
  const form = {
    ...routeForm(),
    summary: '  Smuggler reachable on 0803 555 0147 at night',
    waypoints: [
      { country: 'NGA', place: 'Kano, passport A0731 9842', mode: '' },
      { country: 'NER', place: 'Agadez', mode: '' },
    ],
    identifiers: [{ kind: 'person', value: 'Blessing Okonkwo', qualifier: '' }],
    caseReference: 'OKONKWO',
  };
  // As the node reports them: positions in the trimmed text, the kind, the declared row repeated.
  const findings = {
    summary: [{ kind: 'phone' as const, start: 22, end: 35 }],
    'route.waypoints.0.place': [{ kind: 'travel_document' as const, start: 15, end: 25 }],
    caseReference: [{ kind: 'person' as const, start: 0, end: 7, declared: 0 }],
  };

  it('reads each value out of the text as the officer typed it', () => {
    expect(moveOffers(form, findings)).toEqual([
      { path: 'summary', kind: 'phone', value: '0803 555 0147' },
      { path: 'route.waypoints.0.place', kind: 'travel_document', value: 'A0731 9842' },
      { path: 'caseReference', kind: 'person', value: 'OKONKWO', declared: 0 },
    ]);
  });

  it('moves a value out of the text into a new identifier row of its kind, in one step', () => {
    const [phone, passport, name] = moveOffers(form, findings) as [MoveOffer, MoveOffer, MoveOffer];
    const moved = moveToIdentifiers(moveToIdentifiers(form, phone), passport);
    expect(moved.summary).toBe('Smuggler reachable on at night');
    expect(moved.waypoints[0]?.place).toBe('Kano, passport');
    expect(moved.identifiers).toEqual([
      { kind: 'person', value: 'Blessing Okonkwo', qualifier: '' },
      { kind: 'phone', value: '0803 555 0147', qualifier: '' },
      { kind: 'travel_document', value: 'A0731 9842', qualifier: '' },
    ]);
    // Already declared: it only leaves the text.
    const cleared = moveToIdentifiers(moved, name);
    expect(cleared.caseReference).toBe('');
    expect(cleared.identifiers).toHaveLength(3);
  });

  it('leaves no space before the punctuation that followed the value', () => {
    const fraud = { ...emptyAlertForm('document_fraud'), location: 'Kano, call 0803 555 0147, then wait' };
    const [offer] = moveOffers(fraud, { 'documentFraud.detectedAt.location': [{ kind: 'phone', start: 11, end: 24 }] });
    expect(moveToIdentifiers(fraud, offer as MoveOffer).location).toBe('Kano, call, then wait');
  });
});
