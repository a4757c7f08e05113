import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAlertInput, checkAlertInput } from '../alert-form';
import { ImportFileError, type ImportProblem } from './draft';
import { readExchangeFile } from './read-exchange-file';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const openCti = () => JSON.parse(fixture('opencti-report-bundle.json')) as { objects: Record<string, unknown>[] };
const misp = () => JSON.parse(fixture('misp-event.json')) as { Event: Record<string, unknown> };

function refused(doc: unknown): { problem: ImportProblem; field: string } {
  try {
    readExchangeFile(typeof doc === 'string' ? doc : JSON.stringify(doc));
  } catch (e) {
    if (e instanceof ImportFileError) return { problem: e.problem, field: e.field };
    throw e;
  }
  throw new Error('the file was read');
}

describe('a STIX 2.1 bundle as OpenCTI exports a report', () => {
  const draft = readExchangeFile(fixture('opencti-report-bundle.json'));

  it('fills the draft from the report, its locations, markings, labels, indicators and individuals', () => {
    expect(draft.format).toBe('stix');
    const { form } = draft;
    expect(form.kind).toBe('route');
    expect(form.tlp).toBe('AMBER');
    expect(form.summary).toBe(
      'Pick-up convoys Agadez to Sabha, late November\n\nThree pick-up convoys left Agadez at night towards Sabha, about 25 migrants each, organised over Facebook groups.',
    );
    // The city's country comes through its located-at relationship; the country itself is not a waypoint of its own.
    expect(form.waypoints).toEqual([
      { country: 'NER', place: 'Agadez', mode: '', latitude: '16.9742', longitude: '7.9865' },
      { country: 'LBY', place: 'Sabha', mode: '', latitude: '27.0377', longitude: '14.4283' },
    ]);
    expect(form.transport).toBe('pickup');
    expect(form.platforms).toEqual(['facebook']);
    expect(form.identifiers).toEqual([
      { kind: 'phone', value: '+22790555014', qualifier: '' },
      { kind: 'person', value: 'Ibrahim Moussa Abdou', qualifier: '' },
    ]);
    expect(new Date(form.validUntil).toISOString()).toBe('2027-02-26T09:11:00.000Z');
  });

  it('lists what it did not take, extension properties with their names', () => {
    const listed = draft.notTaken.map((n) => `${n.at} ${n.reason} ${n.what}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'objects[0] extension report: x_opencti_id, x_opencti_type, x_opencti_workflow_id, x_opencti_reliability',
        'objects[0].labels[3] unused_kind convoy',
        'objects[3] extension location: x_opencti_location_type, extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba',
        'objects[6] no_country location "Sahel"',
        'objects[9] unused_kind indicator "convoy-coordination.example"',
        'objects[11] unused_kind intrusion-set "Agadez convoy network"',
        'objects[12] text note "Departure times"',
      ]),
    );
    // In the file's order.
    expect(draft.notTaken.map((n) => n.at)).toEqual(
      [...draft.notTaken.map((n) => n.at)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
  });

  it('is a draft the officer completes: only the recipients of TLP:AMBER are missing', () => {
    expect(Object.keys(checkAlertInput(buildAlertInput(draft.form)))).toEqual(['recipients']);
    expect(checkAlertInput(buildAlertInput({ ...draft.form, recipients: ['ne-ppn'] }))).toEqual({});
  });

  it('takes the most restricted of several TLP markings, in any of the ways STIX states them', () => {
    const bundle = openCti();
    const report = bundle.objects[0] as { object_marking_refs: string[] };
    report.object_marking_refs.push('marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed');
    expect(readExchangeFile(JSON.stringify(bundle)).form.tlp).toBe('RED');

    const tlp2 = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      name: 'TLP:AMBER+STRICT',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' },
      },
    };
    const strict = openCti();
    strict.objects.push(tlp2);
    (strict.objects[0] as { object_marking_refs: string[] }).object_marking_refs = [tlp2.id];
    expect(readExchangeFile(JSON.stringify(strict)).form.tlp).toBe('AMBER+STRICT');
  });

  it('lists the properties of an object taken that no field reads, and the terms of a pattern that are no identifier', () => {
    const bundle = openCti();
    Object.assign(bundle.objects[10] as object, { contact_information: 'reachable on +227 90 55 50 148', sectors: ['transport'] });
    Object.assign(bundle.objects[8] as object, { pattern: "[phone-number:value = '+22790555014'] OR [ipv4-addr:value = '198.51.100.7']" });
    const draft = readExchangeFile(JSON.stringify(bundle));
    expect(draft.notTaken).toEqual(
      expect.arrayContaining([
        { at: 'objects[10]', what: 'identity: contact_information, sectors', reason: 'unused_kind' },
        { at: 'objects[8].pattern', what: 'ipv4-addr:value', reason: 'unused_kind' },
      ]),
    );
    // The contact information's number is listed for the officer, not put anywhere it would travel.
    expect(JSON.stringify(draft.form)).not.toContain('148');
  });

  it("takes the report's language as the summary's", () => {
    const bundle = openCti();
    (bundle.objects[0] as { lang: string }).lang = 'fr';
    expect(readExchangeFile(JSON.stringify(bundle)).form.summaryLanguage).toBe('fr');
  });

  it('leaves the TLP to the officer when the file has no TLP marking', () => {
    const bundle = openCti();
    (bundle.objects[0] as { object_marking_refs: string[] }).object_marking_refs = [];
    bundle.objects.splice(2, 1);
    const unmarked = readExchangeFile(JSON.stringify(bundle));
    expect(unmarked.form.tlp).toBe('');
    expect(checkAlertInput(buildAlertInput(unmarked.form)).tlp).toBeDefined();
  });
});

describe('a MISP event as MISP exports it', () => {
  const draft = readExchangeFile(fixture('misp-event.json'));

  it('fills the draft from info, tags, geolocation objects and identifier attributes', () => {
    expect(draft.format).toBe('misp');
    const { form } = draft;
    expect(form.tlp).toBe('GREEN');
    expect(form.summary).toBe('Rubber boats launched from Zuwara towards Lampedusa');
    expect(form.transport).toBe('rubber_boat');
    expect(form.waypoints).toEqual([
      { country: 'LBY', place: 'Zuwara', mode: '', latitude: '32.9312', longitude: '12.0819' },
      { country: 'ITA', place: 'Lampedusa', mode: '', latitude: '35.5', longitude: '12.6' },
    ]);
    expect(form.identifiers).toEqual([
      { kind: 'phone', value: '+8821655501234', qualifier: '' },
      { kind: 'person', value: 'Khaled Mansour', qualifier: '1988-04-02' },
      { kind: 'travel_document', value: 'LY1234567', qualifier: 'LBY' },
    ]);
    expect(checkAlertInput(buildAlertInput(form))).toEqual({});
  });

  it('lists comments, text, galaxies and attributes of other kinds rather than dropping them', () => {
    expect(draft.notTaken.map((n) => `${n.at} ${n.reason} ${n.what}`)).toEqual([
      "Event.Attribute[0].comment text Thuraya number of the boat's pilot",
      'Event.Attribute[1] unused_kind ip-dst',
      'Event.Attribute[2] text text: Boats leave when the wind drops below 10 knots.',
      'Event.Object[2].Attribute[3] unused_kind person: nationality',
      'Event.Tag[2] unused_kind misp-galaxy:threat-actor="Zuwara boat network"',
    ]);
  });

  it('reads a bare event, and the first of a search answer, the same way', () => {
    const bare = readExchangeFile(JSON.stringify(misp().Event));
    expect(bare.form).toEqual(draft.form);
    expect(bare.notTaken.map((n) => n.at)).toContain('Attribute[1]');
    const search = readExchangeFile(JSON.stringify({ response: [misp(), misp()] }));
    expect(search.form).toEqual(draft.form);
    expect(search.notTaken).toContainEqual({ at: 'response[1]', what: 'Event', reason: 'second_report' });
  });

  it('reads tlp:white as CLEAR and keeps the strictest TLP tag', () => {
    const event = misp();
    event.Event.Tag = [{ name: 'tlp:white' }];
    expect(readExchangeFile(JSON.stringify(event)).form.tlp).toBe('CLEAR');
    event.Event.Tag = [{ name: 'tlp:white' }, { name: 'tlp:amber' }];
    expect(readExchangeFile(JSON.stringify(event)).form.tlp).toBe('AMBER');
  });
});

describe('a file that cannot be read', () => {
  it('is refused whole, naming the field and what is wrong', () => {
    expect(refused('{"type": "bundle", ')).toEqual({ problem: 'not_json', field: '' });
    expect(refused({ alerts: [] })).toEqual({ problem: 'unknown_format', field: '' });
    expect(refused({ type: 'bundle', id: 'bundle--1' })).toEqual({ problem: 'missing', field: 'objects' });
    expect(refused({ type: 'bundle', id: 'bundle--1', objects: 'none' })).toEqual({ problem: 'wrong_type', field: 'objects' });
    expect(refused({ type: 'bundle', id: 'bundle--1', objects: [{ id: 'x--1' }] })).toEqual({
      problem: 'missing',
      field: 'objects[0].type',
    });
    expect(refused({ type: 'bundle', id: 'b', objects: [{ type: 'location', id: 'location--1', spec_version: '2.0' }] })).toEqual({
      problem: 'spec_version',
      field: 'objects[0].spec_version',
    });
    const far = openCti();
    (far.objects[3] as { latitude: number }).latitude = 123;
    expect(refused(far)).toEqual({ problem: 'out_of_range', field: 'objects[3].latitude' });
    const nameless = openCti();
    (nameless.objects[0] as { description: unknown }).description = { text: 'nested' };
    expect(refused(nameless)).toEqual({ problem: 'wrong_type', field: 'objects[0].description' });

    const noInfo = misp();
    delete noInfo.Event.info;
    expect(refused(noInfo)).toEqual({ problem: 'missing', field: 'Event.info' });
    const noValue = misp();
    delete (noValue.Event.Attribute as Record<string, unknown>[])[0]?.value;
    expect(refused(noValue)).toEqual({ problem: 'missing', field: 'Event.Attribute[0].value' });
    const badLatitude = misp();
    ((badLatitude.Event.Object as { Attribute: { value: string }[] }[])[0]?.Attribute[2] as { value: string }).value = 'north';
    expect(refused(badLatitude)).toEqual({ problem: 'wrong_type', field: 'Event.Object[0].Attribute[2]' });
    expect(refused(' '.repeat(5 * 1024 * 1024 + 1))).toEqual({ problem: 'too_large', field: '' });
  });
});
