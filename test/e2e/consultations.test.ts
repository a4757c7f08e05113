// From an alert to a formal request (issue 7): a consultation between two agencies reaches only
// the other one; a request's status changes are seen at both sides, in order, across a restart
// of a node; a vulnerable-person flag raises a protection notice, brought to the protection
// contact of the country, and nothing else.
import { newId } from '@corridor/proto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until as pollUntil } from '../../services/src/testing/until.js';
import { CONSULTATION_SELECTION, NOTICE_FIELDS, NOTICE_SELECTION } from '../support/consultation-selections.js';
import { routeAlert, testDirectory } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { officersAnd, startTestNetwork, type TestNetwork } from '../support/test-network.js';

const protectionDesk = {
  id: newId(),
  agency: 'it-polfr',
  country: 'ITA' as const,
  kind: 'desk' as const,
  name: 'Child protection focal point — Lampedusa hotspot',
  roles: ['protection' as const],
  languages: ['it' as const, 'en' as const],
  availability: { always: true, timeZone: 'Europe/Rome', hours: [] },
  channels: [{ type: 'email' as const, value: 'minori@it-polfr.example.org' }],
  lastVerified: new Date().toISOString().slice(0, 10),
};

let net: TestNetwork;
beforeAll(async () => {
  const directory = testDirectory();
  directory['it-polfr'] = [...(directory['it-polfr'] ?? []), protectionDesk];
  // Officers consult; formal requests are for prosecutors and central authorities (issue 15).
  net = await startTestNetwork({
    directory,
    users: officersAnd(
      { id: 'it-polfr-authority', name: 'Paolo Ferri', agency: 'it-polfr', roles: ['central_authority'] },
      { id: 'ne-ppn-prosecutor', name: 'Aïssata Moussa', agency: 'ne-ppn', roles: ['prosecutor'] },
      { id: 'ng-nis-authority', name: 'Central Authority Unit', agency: 'ng-nis', roles: ['central_authority'] },
    ),
  });
}, 120_000);
afterAll(async () => {
  await net?.stop();
});

async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await gql<T>(net.gatewayUrl, await net.token(user), query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** `user` turns consultation `id` into a request and sends it at once. */
function sendRequest(user: string, id: string, input: Record<string, unknown>) {
  return as<{ createRequest: Consultation }>(
    user,
    `mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) ${CONSULTATION_SELECTION} }`,
    { id, input: { ...input, send: true } },
  );
}

/** The authority each agency's requests go out from and come in to, in these tests. */
const CENTRAL_AUTHORITY: Record<string, string> = {
  'it-polfr': 'Ministero della Giustizia — Ufficio II',
  'ne-ppn': 'Autorité centrale — entraide judiciaire',
  'ng-nis': 'Federal Ministry of Justice — Central Authority Unit',
};
const authorityOf = (agency: string) => ({ agency, name: CENTRAL_AUTHORITY[agency] });
/** A request's two ends: `from`'s central authority to `to`'s. */
const between = (from: string, to: string) => ({ sendingAuthority: authorityOf(from), receivingAuthority: authorityOf(to) });

const until = <T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> => pollUntil(what, ok, timeoutMs, 200);

async function rows(agency: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = new pg.Client({ connectionString: net.databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query(sql)).rows;
  } finally {
    await db.end();
  }
}

type Consultation = {
  id: string;
  subject: string;
  openedBy: string;
  counterpart: string;
  messages: { from: string; body: string }[];
  requests: { id: string; status: string; history: { status: string; agency: string }[]; receiverReference?: string; answer?: string }[];
};
const CONSULTATIONS = `{ consultations ${CONSULTATION_SELECTION} }`;
const CONSULTATION = `query($id: ID!) { consultation(id: $id) ${CONSULTATION_SELECTION} }`;

describe('consultations and requests', () => {
  let consultationId: string;

  it('reaches only the other agency, signed by the one that wrote it', async () => {
    const opened = await as<{ openConsultation: Consultation }>(
      'it-polfr-officer',
      `mutation($input: OpenConsultationInput!) { openConsultation(input: $input) ${CONSULTATION_SELECTION} }`,
      {
        input: {
          with: 'ne-ppn',
          subject: 'Boat departures from Agadez',
          body: 'Do you have an open case on this network? We may send an MLA request.',
        },
      },
    );
    consultationId = opened.openConsultation.id;
    expect(opened.openConsultation).toMatchObject({ openedBy: 'it-polfr', counterpart: 'ne-ppn' });

    const atNiger = await until(
      () => as<{ consultations: Consultation[] }>('ne-ppn-officer', CONSULTATIONS),
      (d) => d.consultations.length > 0,
    );
    expect(atNiger.consultations.map((c) => c.subject)).toEqual(['Boat departures from Agadez']);

    // A reply goes back to Italy only.
    await as(
      'ne-ppn-officer',
      `mutation($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) ${CONSULTATION_SELECTION} }`,
      {
        id: consultationId,
        input: { body: 'Yes, file 2026/114. Send it to our central authority.' },
      },
    );
    const atItaly = await until(
      () => as<{ consultation: Consultation }>('it-polfr-officer', CONSULTATION, { id: consultationId }),
      (d) => d.consultation.messages.length === 2,
    );
    expect(atItaly.consultation.messages.map((m) => m.from)).toEqual(['it-polfr', 'ne-ppn']);

    // Nigeria, a member of the same network of nodes, holds nothing of it and sees nothing.
    expect(await rows('ng-nis', 'SELECT id FROM consultation_events')).toEqual([]);
    expect((await as<{ consultations: Consultation[] }>('ng-nis-officer', CONSULTATIONS)).consultations).toEqual([]);
    // Italy's release audit records what it sent to whom.
    const audit = await rows('it-polfr', `SELECT agency, items FROM audit_log WHERE resource = 'consultation'`);
    expect(audit.map((a) => a.agency)).toEqual(['ne-ppn']);
  });

  it('lets only a prosecutor or a central authority send a request, with a deadline in the future', async () => {
    const CREATE = `mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) { id } }`;
    const input = { requestType: 'mla', summary: 'Bank records', ...between('it-polfr', 'ne-ppn'), reference: 'IT-2026-0041', send: true };
    // The roles are those Italy signed into the officer's token: what the console shows changes nothing.
    const byOfficer = await gql(net.gatewayUrl, await net.token('it-polfr-officer'), CREATE, { id: consultationId, input });
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byOfficer.errors?.[0]?.message).toMatch(/only a prosecutor or a central authority .*your roles: border_officer/);
    const late = await gql(net.gatewayUrl, await net.token('it-polfr-authority'), CREATE, {
      id: consultationId,
      input: { ...input, deadline: '2026-01-15T17:00:00+01:00' },
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'deadline', rule: 'in_future', message: 'must be in the future' }],
    });
    // A deadline is an instant with its offset: a bare date is refused, naming the field.
    const bare = await gql(net.gatewayUrl, await net.token('it-polfr-authority'), CREATE, {
      id: consultationId,
      input: { ...input, deadline: '2099-01-15' },
    });
    expect(bare.errors?.[0]?.extensions?.fieldErrors).toEqual([expect.objectContaining({ path: 'deadline' })]);
    // Neither left anything behind.
    expect(await rows('it-polfr', `SELECT id FROM consultation_events WHERE type = 'request'`)).toEqual([]);
  });

  it('shows a request’s status changes at both sides, in order, across a restart of a node', async () => {
    const created = await sendRequest('it-polfr-authority', consultationId, {
      requestType: 'mla',
      summary: 'Bank records of the organisers',
      ...between('it-polfr', 'ne-ppn'),
      reference: 'IT-2026-0042',
      deadline: '2099-01-31T17:00:00+01:00',
    });
    const requestId = created.createRequest.requests[0]?.id as string;
    expect(created.createRequest.requests[0]?.status).toBe('sent');

    const SET = `mutation($id: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $id, input: $input) ${CONSULTATION_SELECTION} }`;
    await until(
      () => as<{ consultation: Consultation }>('ne-ppn-officer', CONSULTATION, { id: consultationId }),
      (d) => d.consultation.requests[0]?.status === 'sent',
    );
    // An officer at the receiving side may read the request, not answer it.
    const byOfficer = await gql(net.gatewayUrl, await net.token('ne-ppn-officer'), SET, { id: requestId, input: { status: 'received' } });
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await as('ne-ppn-prosecutor', SET, { id: requestId, input: { status: 'received', reference: 'NE-PPN-EJ-77' } });

    // Italy's node is down while Niger works on the request and answers it.
    const italy = net.nodes['it-polfr'];
    await italy?.stop();
    await as('ne-ppn-prosecutor', SET, { id: requestId, input: { status: 'in_progress' } });
    // An answer carries its text.
    const bare = await gql(net.gatewayUrl, await net.token('ne-ppn-prosecutor'), SET, { id: requestId, input: { status: 'answered' } });
    expect(bare.errors?.[0]?.extensions?.fieldErrors).toEqual([expect.objectContaining({ path: 'answer' })]);
    await as('ne-ppn-prosecutor', SET, {
      id: requestId,
      input: {
        status: 'answered',
        note: 'Records sent through the diplomatic channel.',
        answer: 'The organisers held accounts at two banks in Niamey; the statements follow by the diplomatic channel.',
      },
    });
    // The sending side cannot answer its own request.
    const refused = await gql(net.gatewayUrl, await net.token('ne-ppn-prosecutor'), SET, { id: requestId, input: { status: 'withdrawn' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await italy?.start();

    const expected = ['drafted', 'sent', 'received', 'in_progress', 'answered'];
    const history = (c: Consultation) => c.requests[0]?.history.map((h) => h.status);
    // Every change reaches Italy once it is back: one that its node was taking in as it stopped comes
    // again after the inbox's ack wait (30 s), and takes its place in the history by its time.
    const atItaly = await until(
      () => as<{ consultation: Consultation }>('it-polfr-officer', CONSULTATION, { id: consultationId }),
      (d) => d.consultation.requests[0]?.status === 'answered' && history(d.consultation)?.length === expected.length,
      60_000,
    );
    const atNiger = await as<{ consultation: Consultation }>('ne-ppn-officer', CONSULTATION, {
      id: consultationId,
    });
    expect(history(atItaly.consultation)).toEqual(expected);
    expect(history(atNiger.consultation)).toEqual(expected);
    expect(atItaly.consultation.requests[0]).toMatchObject({
      status: 'answered',
      receiverReference: 'NE-PPN-EJ-77',
      answer: 'The organisers held accounts at two banks in Niamey; the statements follow by the diplomatic channel.',
    });

    const lists = await as<{ requests: { direction: string; overdue: boolean }[] }>(
      'it-polfr-officer',
      '{ requests { direction overdue } }',
    );
    expect(lists.requests).toEqual([{ direction: 'sent', overdue: false }]);
  });

  it('lists a request past its deadline as overdue, at both sides', async () => {
    const c = await as<{ openConsultation: Consultation }>(
      'ne-ppn-officer',
      `mutation($input: OpenConsultationInput!) { openConsultation(input: $input) ${CONSULTATION_SELECTION} }`,
      {
        input: { with: 'ng-nis', subject: 'Extradition of a smuggler', body: 'Who handles extradition at your end?' },
      },
    );
    const sent = await sendRequest('ne-ppn-prosecutor', c.openConsultation.id, {
      requestType: 'extradition',
      summary: 'Extradition of the organiser arrested in Kano',
      ...between('ne-ppn', 'ng-nis'),
      reference: 'NE-EXT-9',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await until(
      () => rows('ng-nis', `SELECT id FROM consultation_events WHERE type = 'request'`),
      (r) => r.length > 0,
    );
    // A past deadline is refused when a request is made, so time is made to pass in both
    // databases instead: the stored request's deadline is moved back, as if months had gone by,
    // to a date, as requests written before deadlines were instants carry (read as that day's end, UTC).
    const requestId = sent.createRequest.requests[0]?.id as string;
    for (const agency of ['ne-ppn', 'ng-nis'])
      await rows(
        agency,
        `UPDATE consultation_events SET document = jsonb_set(document, '{deadline}', '"2026-01-15"') WHERE document->>'requestId' = '${requestId}' AND type = 'request'`,
      );
    const overdue = '{ requests(overdueOnly: true) { direction overdue subject } }';
    expect((await as<{ requests: { direction: string }[] }>('ne-ppn-officer', overdue)).requests).toEqual([
      { direction: 'sent', overdue: true, subject: 'Extradition of a smuggler' },
    ]);
    const atNigeria = await until(
      () => as<{ requests: { direction: string }[] }>('ng-nis-officer', overdue),
      (d) => d.requests.length > 0,
    );
    expect(atNigeria.requests).toEqual([{ direction: 'received', overdue: true, subject: 'Extradition of a smuggler' }]);
  });
});

describe('protection first', () => {
  it('raises a protection notice for a flagged alert, brought to the country’s protection contact, and nothing else', async () => {
    const published = await as<{ publishAlert: { id: string; identifiers: unknown[]; protection: string[] } }>(
      'it-polfr-officer',
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id identifiers { kind } protection } }',
      { input: { ...routeAlert({ identifiers: [] }), protection: ['unaccompanied_child', 'pregnant_woman'] } },
    );
    expect(published.publishAlert).toMatchObject({ identifiers: [], protection: ['unaccompanied_child', 'pregnant_woman'] });

    type Notice = Record<string, unknown> & { sourceId: string; contacts: { name: string }[]; flags: string[] };
    const NOTICES = `{ protectionNotices ${NOTICE_SELECTION} }`;
    const italy = (await as<{ protectionNotices: Notice[] }>('it-polfr-officer', NOTICES)).protectionNotices;
    expect(italy).toHaveLength(1);
    expect(italy[0]).toMatchObject({
      source: 'alert',
      sourceId: published.publishAlert.id,
      originAgency: 'it-polfr',
      country: 'ITA',
      flags: ['unaccompanied_child', 'pregnant_woman'],
      contacts: [{ name: protectionDesk.name }],
    });
    // A notice names a need, a place and whom it was brought to: nothing about the person.
    expect(Object.keys(italy[0] as object).sort()).toEqual(NOTICE_FIELDS);

    // The receiving agencies raise theirs; their directories list no protection contact for Italy.
    const niger = await until(
      () => as<{ protectionNotices: Notice[] }>('ne-ppn-officer', NOTICES),
      (d) => d.protectionNotices.length > 0,
    );
    expect(niger.protectionNotices[0]).toMatchObject({ sourceId: published.publishAlert.id, contacts: [] });
    // And nothing else: no correlation, no pseudonym, no quarantined message anywhere.
    for (const agency of ['it-polfr', 'ne-ppn', 'ng-nis']) {
      expect(await rows(agency, 'SELECT * FROM correlations')).toEqual([]);
      expect(await rows(agency, 'SELECT * FROM quarantine')).toEqual([]);
    }
  });

  it('raises one for a consultation that flags a child, in the country where she was seen', async () => {
    const OPEN = `mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }`;
    const flagged = {
      with: 'it-polfr',
      subject: 'Separated child on the boat of 12 May',
      body: 'She says her mother is in Lampedusa.',
      protection: ['separated_child'],
    };
    const nowhere = await gql(net.gatewayUrl, await net.token('ng-nis-officer'), OPEN, { input: flagged });
    expect(nowhere.errors?.[0]?.extensions?.fieldErrors).toEqual([expect.objectContaining({ path: 'seenIn' })]);
    const c = await as<{ openConsultation: { id: string; protection: string[]; messages: { id: string }[] } }>(
      'ng-nis-officer',
      `mutation($input: OpenConsultationInput!) { openConsultation(input: $input) ${CONSULTATION_SELECTION} }`,
      {
        input: {
          with: 'it-polfr',
          subject: 'Separated child on the boat of 12 May',
          body: 'She says her mother is in Lampedusa.',
          protection: ['separated_child'],
          seenIn: 'ITA',
        },
      },
    );
    expect(c.openConsultation.protection).toEqual(['separated_child']);
    const atItaly = await until(
      () =>
        as<{ protectionNotices: { source: string; flags: string[]; country: string; contacts: unknown[] }[] }>(
          'it-polfr-officer',
          `{ protectionNotices ${NOTICE_SELECTION} }`,
        ),
      (d) => d.protectionNotices.some((n) => n.source === 'consultation'),
    );
    // Both parties bring it to the protection contact of the country where she was seen, Italy:
    // Nigeria's node, which wrote it, lists none there, and says so.
    expect(atItaly.protectionNotices.find((n) => n.source === 'consultation')).toMatchObject({
      flags: ['separated_child'],
      country: 'ITA',
      contacts: [{ name: protectionDesk.name }],
    });
    const atNigeria = (
      await as<{ protectionNotices: { source: string; country: string }[] }>('ng-nis-officer', `{ protectionNotices ${NOTICE_SELECTION} }`)
    ).protectionNotices;
    expect(atNigeria.find((n) => n.source === 'consultation')).toMatchObject({ country: 'ITA', contacts: [] });
  });
});
