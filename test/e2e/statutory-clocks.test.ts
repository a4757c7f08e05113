// Statutory clocks and the single point of contact (issue 17, items 2 and 3), between Italy and
// Niger with Nigeria as the hostile member. The network's membership carries a table of short
// answer times (seconds where the Directive says 8 hours), so real clocks run: an urgent request
// for directly accessible information falls due unanswered and Niger's node escalates it, once,
// to Niger's single point of contact, which Italy sees too, also across a restart; the SPOC comes
// first in Niger's answer to a hit and in the directory; a refusal carries its ground from the
// Directive; and what a member may not do to another's requests and directory is refused with
// the field named.
import { type DirectoryRole, newId } from '@corridor/proto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { documentFraudAlert, RAW, testDirectory } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const today = new Date().toISOString().slice(0, 10);
const nigerDesk = (name: string, roles: DirectoryRole[]) => ({
  id: newId(),
  agency: 'ne-ppn',
  country: 'NER' as const,
  kind: 'desk' as const,
  name,
  roles,
  languages: ['fr' as const],
  availability: { always: true, timeZone: 'Africa/Niamey', hours: [] },
  channels: [{ type: 'email' as const, value: `${roles[0]}@ne-ppn.example.org` }],
  lastVerified: today,
});
// A 24/7 border desk whose name sorts first: without a single point of contact it would be named
// in a hit's answer and rank first among Niger's reachable contacts.
const borderDesk = nigerDesk('Brigade mobile des frontières — permanence', ['border_control']);

const URGENT_DIRECT_WITHIN_MS = 4_000;
const fixture = useTestNetwork(() => {
  const directory = testDirectory();
  directory['ne-ppn'] = [borderDesk, ...(directory['ne-ppn'] ?? [])];
  return startTestNetwork({
    directory,
    users: officersAnd(
      adminOf('ne-ppn', 'Administrateur PPN'),
      adminOf('ng-nis', 'NIS Administrator'),
      { id: 'it-polfr-authority', name: 'Paolo Ferri', agency: 'it-polfr', roles: ['central_authority'] },
      { id: 'ne-ppn-prosecutor', name: 'Aïssata Moussa', agency: 'ne-ppn', roles: ['prosecutor'] },
      { id: 'ng-nis-authority', name: 'Central Authority Unit', agency: 'ng-nis', roles: ['central_authority'] },
    ),
    // The Directive's table, with seconds for its 8 hours.
    answerTimes: [
      { requestType: 'information_request', urgent: true, directlyAccessible: true, within: `PT${URGENT_DIRECT_WITHIN_MS / 1000}S` },
      { requestType: 'information_request', urgent: true, within: 'P3D' },
      { requestType: 'information_request', urgent: false, within: 'P7D' },
    ],
    nodeEnv: { CORRIDOR_CLOCK_SCAN_MS: '200' },
  });
}, 120_000);

interface Request {
  id: string;
  requestType: string;
  urgent: boolean;
  deadline: string | null;
  warnAt: string | null;
  sentAt: string | null;
  status: string;
  reason: string | null;
  escalatedAt: string | null;
  escalatedTo: string | null;
}
const REQUEST = '{ id requestType urgent deadline warnAt sentAt status reason escalatedAt escalatedTo }';
const REQUESTS = `query { requests(overdueOnly: false) { direction overdue request ${REQUEST} } }`;
type Requests = { requests: { direction: string; overdue: boolean; request: Request }[] };

async function call<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(fixture.net.gatewayUrl, await fixture.net.token(user), query, variables);
}
async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await call<T>(user, query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const firstError = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? {};

async function rows(agency: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const db = new pg.Client({ connectionString: fixture.net.databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}

const between = {
  sendingAuthority: { agency: 'it-polfr', name: 'Ministero della Giustizia' },
  receivingAuthority: { agency: 'ne-ppn', name: 'Autorité centrale' },
};

/** Italy's central authority opens a consultation with Niger and sends `input` as a request in it; its id and the request's. */
async function sendRequest(input: Record<string, unknown>): Promise<{ consultationId: string; requestId: string }> {
  const opened = await as<{ openConsultation: { id: string } }>(
    'it-polfr-authority',
    'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }',
    { input: { with: 'ne-ppn', subject: 'Boats leaving Zuwara', body: 'Who runs the boats this week?' } },
  );
  const created = await as<{ createRequest: { requests: Request[] } }>(
    'it-polfr-authority',
    `mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) { requests ${REQUEST} } }`,
    { id: opened.openConsultation.id, input: { ...between, reference: 'IT-2026-31', send: true, ...input } },
  );
  return { consultationId: opened.openConsultation.id, requestId: created.createRequest.requests[0]?.id as string };
}

const atNiger = (requestId: string, ok: (r: Request) => boolean) =>
  eventually(async () =>
    (await as<Requests>('ne-ppn-prosecutor', REQUESTS)).requests.find((x) => x.request.id === requestId && ok(x.request)),
  );

let spocId: string;
const SPOC_NAME = 'Point de contact unique — permanence 24/7';

describe('a single point of contact per agency', () => {
  it('is designated by the agency’s administrator, at most one, a 24/7 entry only, and marked in the directory', async () => {
    const created = await as<{ createDirectoryEntry: { id: string } }>(
      'ne-ppn-admin',
      'mutation($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { id } }',
      { entry: { ...nigerDesk(SPOC_NAME, ['liaison_officer']), id: undefined, agency: undefined, lastVerified: undefined } },
    );
    spocId = created.createDirectoryEntry.id;
    const DESIGNATE = 'mutation($id: ID!) { designateSinglePointOfContact(entryId: $id) { id spoc } }';
    // An entry reachable only in office hours cannot be the 24/7 contact.
    const own = await as<{ ownDirectory: { id: string; name: string }[] }>(
      'ne-ppn-admin',
      'query { ownDirectory(includeRetired: false) { id name } }',
    );
    const officeHours = own.ownDirectory.find((e) => e.name === 'Aïssata Moussa')?.id;
    const refused = await call('ne-ppn-admin', DESIGNATE, { id: officeHours });
    expect(firstError(refused)).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'entryId', rule: 'always' })],
    });

    // The border desk first, then the real one: the second designation replaces the first.
    await as('ne-ppn-admin', DESIGNATE, { id: borderDesk.id });
    expect(await as('ne-ppn-admin', DESIGNATE, { id: spocId })).toEqual({ designateSinglePointOfContact: { id: spocId, spoc: true } });
    expect(await rows('ne-ppn', 'SELECT id::text FROM directory_entries WHERE spoc')).toEqual([{ id: spocId }]);
    // The database itself refuses a second one, whatever writes it.
    await expect(rows('ne-ppn', 'UPDATE directory_entries SET spoc = true WHERE id = $1', [borderDesk.id])).rejects.toThrow(
      /directory_entries_one_spoc/,
    );

    const search = await as<{ directory: { entries: { id: string; spoc: boolean }[] } }>(
      'it-polfr-officer',
      'query { directory(filter: { country: "NER", always: true }) { entries { id spoc } } }',
    );
    expect(search.directory.entries[0]).toEqual({ id: spocId, spoc: true });
    expect(search.directory.entries.filter((e) => e.spoc)).toHaveLength(1);
  });

  it('comes first in the agency’s answer to a hit', async () => {
    await as('ne-ppn-officer', 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', { input: documentFraudAlert() });
    const r = await as<{ hitCheck: { answers: { agency: string; hit: boolean; contact: { id: string; spoc: boolean } | null }[] } }>(
      'it-polfr-officer',
      'query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { answers { agency hit contact { id spoc } } } }',
      { identifier: { kind: 'travel_document', value: RAW.documentNumber, qualifier: 'NGA' } },
    );
    expect(r.hitCheck.answers.find((a) => a.agency === 'ne-ppn')).toEqual({
      agency: 'ne-ppn',
      hit: true,
      contact: { id: spocId, spoc: true },
    });
  });

  it('cannot be set by another member, at the gateway or at the agency’s own node', async () => {
    const DESIGNATE = 'mutation($id: ID!) { designateSinglePointOfContact(entryId: $id) { id } }';
    // Nigeria's administrator names Niger's border desk: its own node holds no such entry.
    const viaGateway = await call('ng-nis-admin', DESIGNATE, { id: borderDesk.id });
    expect(firstError(viaGateway)).toMatchObject({ code: 'NOT_FOUND', field: 'entryId' });
    // Straight at Niger's node, with Nigeria's own administrator's token.
    const node = fixture.net.nodes['ne-ppn'];
    const direct = await gql(node?.url as string, await fixture.net.token('ng-nis-admin'), DESIGNATE, { id: borderDesk.id });
    expect(direct.data ?? null).toBeNull();
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(firstError(direct).code);
    expect(await rows('ne-ppn', 'SELECT id::text FROM directory_entries WHERE spoc')).toEqual([{ id: spocId }]);
  });
});

describe('statutory clocks on requests', () => {
  let urgent: { consultationId: string; requestId: string };

  it('time an urgent request for directly accessible information by the network’s table, and escalate it unanswered to the SPOC, once, at both sides', async () => {
    urgent = await sendRequest({
      requestType: 'information_request',
      urgent: true,
      directlyAccessible: true,
      summary: 'Who operated the boats that left Zuwara on 28 November?',
    });
    // The request and its sending travel as two events: read it once both are in.
    const received = await atNiger(urgent.requestId, (r) => r.sentAt != null && r.deadline != null);
    const { sentAt, deadline, warnAt } = received.request;
    expect(Date.parse(deadline as string) - Date.parse(sentAt as string)).toBe(URGENT_DIRECT_WITHIN_MS);
    expect(Date.parse(warnAt as string) - Date.parse(sentAt as string)).toBe(URGENT_DIRECT_WITHIN_MS * 0.75);

    // Nobody at Niger does anything: its node escalates when the clock falls due.
    const escalated = await atNiger(urgent.requestId, (r) => r.escalatedAt !== null);
    expect(escalated).toMatchObject({ overdue: true, request: { escalatedTo: SPOC_NAME, status: 'sent' } });
    expect(Date.parse(escalated.request.escalatedAt as string)).toBeGreaterThanOrEqual(Date.parse(deadline as string));
    const atItaly = await eventually(async () =>
      (await as<Requests>('it-polfr-authority', REQUESTS)).requests.find((x) => x.request.id === urgent.requestId && x.request.escalatedAt),
    );
    expect(atItaly.request).toMatchObject({ escalatedAt: escalated.request.escalatedAt, escalatedTo: SPOC_NAME });

    // Once: a restart of Niger's node escalates nothing again.
    const niger = fixture.net.nodes['ne-ppn'];
    await niger?.stop();
    await niger?.start();
    await as<Requests>('ne-ppn-prosecutor', REQUESTS);
    const escalations = () =>
      rows(
        'ne-ppn',
        `SELECT count(*)::int AS n FROM consultation_events WHERE type = 'request_escalated' AND document->>'requestId' = $1`,
        [urgent.requestId],
      );
    expect(await escalations()).toEqual([{ n: 1 }]);
    expect(
      await rows('ne-ppn', 'SELECT escalated_at IS NOT NULL AS escalated FROM request_clocks WHERE request_id = $1', [urgent.requestId]),
    ).toEqual([{ escalated: true }]);
  });

  it('list requests by time left, the overdue first, and deadlines as instants', async () => {
    const weekly = await sendRequest({ requestType: 'information_request', summary: 'Prices asked on the Agadez route this season' });
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const mla = await sendRequest({ requestType: 'mla', summary: 'Bank records of the organisers', deadline: inTwoWeeks });
    const listed = await eventually(async () => {
      const r = (await as<Requests>('ne-ppn-prosecutor', REQUESTS)).requests.map((x) => x.request.id);
      return r.includes(mla.requestId) && r.includes(weekly.requestId) && r;
    });
    expect(listed.slice(0, 3)).toEqual([urgent.requestId, weekly.requestId, mla.requestId]);
    const atItaly = (await as<Requests>('it-polfr-authority', REQUESTS)).requests;
    expect(atItaly.find((x) => x.request.id === mla.requestId)?.request.deadline).toBe(inTwoWeeks);
    expect(atItaly.find((x) => x.request.id === weekly.requestId)?.request.deadline).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuse a request only with its ground from the Directive, seen at both sides', async () => {
    const { requestId } = await sendRequest({ requestType: 'information_request', urgent: true, summary: 'Phones seized at Agadez' });
    await atNiger(requestId, (r) => r.sentAt != null);
    const SET = `mutation($id: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $id, input: $input) { requests ${REQUEST} } }`;
    const bare = await call('ne-ppn-prosecutor', SET, { id: requestId, input: { status: 'refused' } });
    expect(firstError(bare)).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [expect.objectContaining({ path: 'reason' })] });
    await as('ne-ppn-prosecutor', SET, {
      id: requestId,
      input: { status: 'refused', reason: 'not_available', note: 'No seizure recorded.' },
    });
    const atItaly = await eventually(async () =>
      (await as<Requests>('it-polfr-authority', REQUESTS)).requests.find(
        (x) => x.request.id === requestId && x.request.status === 'refused',
      ),
    );
    expect(atItaly.request.reason).toBe('not_available');
  });

  it('refuse what a member may not do to a request: shorten the one it received, escalate another’s, set a time the table gives', async () => {
    const DEADLINE = 'mutation($id: ID!, $input: RequestDeadlineInput!) { setRequestDeadline(requestId: $id, input: $input) { id } }';
    const ESCALATE = 'mutation($id: ID!) { escalateRequest(requestId: $id) { id } }';
    const soon = new Date(Date.now() + 60_000).toISOString();
    const { requestId } = await sendRequest({
      requestType: 'mla',
      summary: 'Records of the boat yard',
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await atNiger(requestId, (r) => r.sentAt != null);
    // Niger, which received it, would bring Italy's deadline forward.
    expect(firstError(await call('ne-ppn-prosecutor', DEADLINE, { id: requestId, input: { deadline: soon } }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'deadline',
    });
    // Niger escalates by hand a request it received; Nigeria, no party, escalates one it never saw.
    expect(firstError(await call('ne-ppn-prosecutor', ESCALATE, { id: requestId }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'requestId',
    });
    expect(firstError(await call('ng-nis-authority', ESCALATE, { id: requestId }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'requestId',
    });
    expect(firstError(await call('ng-nis-authority', DEADLINE, { id: requestId, input: { deadline: soon } }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'requestId',
    });
    // Italy itself cannot set by hand the time the network's table gives an information request.
    expect(firstError(await call('it-polfr-authority', DEADLINE, { id: urgent.requestId, input: { deadline: soon } }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'deadline', rule: 'statutory' })],
    });
    // Nothing moved: the MLA's deadline is Italy's, at both sides.
    const deadlines = async (user: string) =>
      (await as<Requests>(user, REQUESTS)).requests.find((x) => x.request.id === requestId)?.request.deadline;
    expect(await deadlines('ne-ppn-prosecutor')).toBe(await deadlines('it-polfr-authority'));
    expect(Date.parse((await deadlines('ne-ppn-prosecutor')) as string)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });
});
