// Proof that nothing raw leaves the originating node (issue 5, item 5). A scenario full of
// identifiers of every kind: Italy publishes and amends, its officers check each value, partners
// read alerts, the directory and their live feeds. Everything that crosses the bus, every request
// and answer between the gateway and the partners' nodes, every answer the partners' users get,
// every table of every agency's database and every process's log is searched for the raw values:
// none may appear anywhere (Italy's database included: a value is never stored, even at home).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusRecorder, recordBus } from '../support/bus-recorder.js';
import { ALERT_DETAILS, documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { type RecordingProxy, recordingProxy } from '../support/recording-proxy.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

// Fictitious values of every identifier kind, with the qualifier each needs.
const IDENTIFIERS = [
  { kind: 'travel_document', value: RAW.documentNumber, qualifier: 'NGA' },
  { kind: 'person', value: RAW.holderName, qualifier: '1994-03-12' },
  { kind: 'phone', value: RAW.phone },
  { kind: 'email', value: 'blessing.okonkwo@example.ng' },
  { kind: 'social_handle', value: RAW.handle, qualifier: 'telegram' },
  { kind: 'vehicle_plate', value: 'AG 4417 NE', qualifier: 'NER' },
  { kind: 'vessel', value: 'IMO 9074729' },
  { kind: 'bank_account', value: 'GB82 WEST 1234 5698 7654 32' },
];

/** The forms a value could leak in: as typed, without spaces or separators, in either case. */
function leakForms(value: string): string[] {
  const compact = value.replace(/[\s\-().]/g, '');
  const forms = new Set([value, compact, value.toLowerCase(), compact.toLowerCase(), compact.toUpperCase()]);
  // A phone number also leaks as its national digits; a name also leaks as its surname.
  if (/^\+?[\d\s]+$/.test(value)) forms.add(value.replace(/\D/g, '').slice(-9));
  if (/^[A-Za-z]+( [A-Za-z]+)+$/.test(value)) forms.add(value.split(' ').at(-1) as string);
  return [...forms].filter((f) => f.length >= 6);
}
// The same values hidden in free text in the forms officers write them: each attempt is refused,
// so none of these forms may be found anywhere either.
const HIDDEN_IN_TEXT = {
  spacedPassport: 'A0731 9842',
  dashedPassport: 'a0731-9842',
  nationalPhone: '0803 555 0147',
  dottedPhone: '0803.555.0147',
  surname: 'OKONKWO',
  plate: 'AG-4417-NE',
  iban: 'GB82WEST12345698765432',
};
const FORMS = [...IDENTIFIERS.flatMap((i) => leakForms(i.value)), ...Object.values(HIDDEN_IN_TEXT)];

function leaksIn(text: string): string[] {
  const lower = text.toLowerCase();
  return FORMS.filter((f) => lower.includes(f.toLowerCase()));
}

let net: TestNetwork;
let bus: BusRecorder;
const proxies: Record<string, RecordingProxy> = {};
const answersToPartners: string[] = [];

beforeAll(async () => {
  net = await startTestNetwork();
  bus = await recordBus(net);
  // The gateway reaches the partners' nodes through recording proxies from the next membership on.
  for (const agency of ['ne-ppn', 'ng-nis']) proxies[agency] = await recordingProxy(net.nodes[agency]?.url as string);
  await net.updateMembership((m) => ({
    ...m,
    agencies: m.agencies.map((a) => (proxies[a.id] ? { ...a, nodeUrl: (proxies[a.id] as RecordingProxy).url } : a)),
  }));
  const officer = await net.token('ne-ppn-officer');
  await eventually(async () => {
    await gql(net.gatewayUrl, officer, '{ agencies { id } directory { entries { id } } }');
    return Object.values(proxies).every((p) => p.text().includes('directory'));
  });
}, 120_000);

afterAll(async () => {
  await bus?.close();
  for (const p of Object.values(proxies)) await p.close();
  await net?.stop();
});

describe('a scenario full of identifiers', () => {
  it('leaves no raw value on the bus, between the gateway and partner nodes, in answers to partners, in any database or any log', async () => {
    const asPartner = async (user: string, query: string, variables: Record<string, unknown> = {}) => {
      const r = await gql(net.gatewayUrl, await net.token(user), query, variables);
      answersToPartners.push(JSON.stringify(r));
      return r;
    };
    const feeds = await Promise.all(
      ['ne-ppn-officer', 'ng-nis-officer'].map(async (u) => {
        const f = subscribe<{ alertFeed: { id: string } }>(
          net.gatewayUrl,
          await net.token(u),
          `subscription { alertFeed { id summary identifiers { pseudonym } ${ALERT_DETAILS} } }`,
        );
        await f.ready;
        return f;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));

    const italy = await net.token('it-polfr-officer');
    const publish = async (input: unknown) => {
      const r = await gql<{ publishAlert: { id: string } }>(
        net.gatewayUrl,
        italy,
        'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
        {
          input,
        },
      );
      expect(r.errors).toBeUndefined();
      return r.data?.publishAlert.id as string;
    };
    const fraud = await publish(documentFraudAlert({ identifiers: IDENTIFIERS as never, caseReference: 'RG 5/2026' }));
    const route = await publish(
      routeAlert({ identifiers: IDENTIFIERS.filter((i) => ['phone', 'social_handle', 'vessel'].includes(i.kind)) as never }),
    );
    const amended = await gql(
      net.gatewayUrl,
      italy,
      'mutation($id: ID!, $input: AlertInput!) { amendAlert(id: $id, input: $input) { revision } }',
      { id: route, input: routeAlert({ summary: 'Departures moved to Sabratha', identifiers: [IDENTIFIERS[7]] as never }) },
    );
    expect(amended.errors).toBeUndefined();

    // Identifiers hidden in free text, in several written forms and fields, with and without the
    // same value declared: each is refused at Italy's node, at its field, before anything is kept.
    const h = HIDDEN_IN_TEXT;
    const waypoints = (place: string) => [
      { country: 'NGA', place, mode: 'land' },
      { country: 'NER', place: 'Agadez', mode: 'land' },
    ];
    const attempts: [unknown, string][] = [
      [documentFraudAlert({ summary: `Holder of ${h.spacedPassport} presented it twice` }), 'summary'],
      [documentFraudAlert({ summary: `Passport ${h.dashedPassport}, photo substituted`, identifiers: [] }), 'summary'],
      [documentFraudAlert({ caseReference: `${h.surname} Blessing` }), 'caseReference'],
      [
        documentFraudAlert({
          documentFraud: {
            ...(documentFraudAlert() as { documentFraud: object }).documentFraud,
            detectedAt: { place: 'airport', location: `Kano, call ${h.dottedPhone}` },
          },
        } as never),
        'documentFraud.detectedAt.location',
      ],
      [
        routeAlert({ route: { region: 'central-mediterranean', waypoints: waypoints(h.nationalPhone) } as never }),
        'route.waypoints.0.place',
      ],
      [routeAlert({ summary: `Pick-up truck ${h.plate} seen at the border` }), 'summary'],
      [routeAlert({ summary: `Paid into ${h.iban}` }), 'summary'],
    ];
    for (const [input, path] of attempts) {
      const r = await gql(net.gatewayUrl, italy, 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', { input });
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrors: expect.arrayContaining([expect.objectContaining({ path, rule: 'identifier_in_text' })]),
      });
      expect(r.errors?.[0]?.extensions?.fieldErrors).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('identifiers section') })]),
      );
    }
    const refusedAmendment = await gql(
      net.gatewayUrl,
      italy,
      'mutation($id: ID!, $input: AlertInput!) { amendAlert(id: $id, input: $input) { revision } }',
      { id: route, input: routeAlert({ summary: `New number ${h.nationalPhone} for bookings` }) },
    );
    expect(refusedAmendment.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'summary' }] });
    const refusedConsultation = await gql(
      net.gatewayUrl,
      italy,
      'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }',
      {
        input: { with: 'ng-nis', subject: 'About a passport', body: `Do you know the holder of ${h.spacedPassport}?` },
      },
    );
    expect(refusedConsultation.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'body' }] });
    // Nothing of the refused attempts was kept: Italy still holds the two alerts, the route at revision 2.
    const all = await gql<{ alerts: { alerts: { id: string; revision: number; origin: { agency: string } }[] } }>(
      net.gatewayUrl,
      italy,
      '{ alerts(limit: 100) { alerts { id revision origin { agency } } } }',
    );
    const own = all.data?.alerts.alerts.filter((a) => a.origin.agency === 'it-polfr') ?? [];
    expect(own.map((a) => a.id).sort()).toEqual([fraud, route].sort());
    expect(own.find((a) => a.id === route)?.revision).toBe(2);

    // Italy's officers check every value: the raw value goes to Italy's node only.
    for (const identifier of IDENTIFIERS) {
      const r = await gql<{ hitCheck: { hit: boolean } }>(
        net.gatewayUrl,
        italy,
        'query($i: IdentifierInput!) { hitCheck(identifier: $i) { hit } }',
        {
          i: identifier,
        },
      );
      expect(r.data?.hitCheck.hit).toBe(true);
    }

    // Partners read what they may.
    for (const user of ['ne-ppn-officer', 'ng-nis-officer']) {
      await asPartner(
        user,
        `{ alerts(limit: 100) { alerts { id summary identifiers { kind pseudonym } ${ALERT_DETAILS} caseReference } } }`,
      );
      await asPartner(user, '{ directory { entries { id name channels { value } } } }');
    }
    for (const f of feeds) {
      await f.waitFor((e) => e.alertFeed.id === route && JSON.stringify(e).includes('Sabratha'));
      answersToPartners.push(JSON.stringify(f.events));
      await f.close();
    }
    await bus.flush();

    // Something did travel everywhere we look (a silent recorder would prove nothing)...
    expect(bus.messages.length).toBeGreaterThanOrEqual(6);
    for (const p of Object.values(proxies)) expect(p.text()).toContain(fraud);
    expect(answersToPartners.join('\n')).toContain(fraud);

    // ...and none of it carries a raw value.
    expect(leaksIn(bus.text())).toEqual([]);
    for (const [agency, p] of Object.entries(proxies)) expect({ agency, leaks: leaksIn(p.text()) }).toEqual({ agency, leaks: [] });
    expect(leaksIn(answersToPartners.join('\n'))).toEqual([]);
    for (const agency of ['it-polfr', 'ne-ppn', 'ng-nis'])
      expect({ agency, leaks: leaksIn(await databaseText(agency)) }).toEqual({ agency, leaks: [] });
    const logs = join(net.rootDir, 'logs');
    for (const file of readdirSync(logs))
      expect({ file, leaks: leaksIn(readFileSync(join(logs, file), 'utf8')) }).toEqual({ file, leaks: [] });
  });
});

/** Every row of every table of an agency's database, as text. */
async function databaseText(agency: string): Promise<string> {
  const db = new pg.Client({ connectionString: net.databases.urls[agency] });
  await db.connect();
  try {
    const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename as string);
    expect(tables).toEqual(expect.arrayContaining(['alerts', 'alert_revisions', 'outbox', 'audit_log']));
    const parts: string[] = [];
    for (const t of tables) parts.push(...(await db.query(`SELECT t::text AS row FROM "${t}" t`)).rows.map((r) => r.row as string));
    return parts.join('\n');
  } finally {
    await db.end();
  }
}
