// Handling codes and TLP:AMBER+STRICT between agencies (issue 17, items 1 and 5). Italy publishes;
// Niger is the named recipient; Nigeria, Niger's partner (both in `wacap`), is not named.
// - H1: Niger's prosecutor cannot cite Italy's alert as evidence in a request until Italy grants
//   it; the asking and the granting travel as consultation events and are in both audits.
// - H2: Niger passes an alert on to Nigeria only once Italy granted that, for Nigeria.
// - AMBER+STRICT: Nigeria, with its own credentials, at the gateway, at its own node and with
//   tokens delegated to the others, on every path that releases alerts, learns nothing of it;
//   Niger cannot pass it on, even by asking.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBus } from '../support/bus-recorder.js';
import { RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { officersAnd, startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
beforeAll(async () => {
  net = await startTestNetwork({
    users: officersAnd(
      { id: 'ne-ppn-prosecutor', name: 'Aïssata Moussa', agency: 'ne-ppn', roles: ['prosecutor'] },
      { id: 'it-polfr-prosecutor', name: 'Paolo Ferri', agency: 'it-polfr', roles: ['prosecutor'] },
    ),
  });
}, 120_000);
afterAll(async () => {
  await net?.stop();
});

type Errors = { message: string; extensions?: { code?: string; fieldErrors?: { path: string; rule: string }[] } }[] | undefined;

async function call<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(net.gatewayUrl, await net.token(user), query, variables);
}
async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await call<T>(user, query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const fieldErrors = (errors: Errors) => errors?.flatMap((e) => e.extensions?.fieldErrors ?? []) ?? [];

async function rows(agency: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const db = new pg.Client({ connectionString: net.databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}
const holds = async (agency: string, alertId: string) => (await rows(agency, 'SELECT 1 FROM alerts WHERE id = $1', [alertId])).length > 0;

const PUBLISH = `mutation($input: AlertInput!) { publishAlert(input: $input) {
  id tlp handlingCode handlingConditions evidence { use legalBasis decidedBy } } }`;
async function publish(user: string, over: Record<string, unknown>) {
  return (
    await as<{ publishAlert: { id: string; handlingCode: string; evidence: { use: string; decidedBy: string } | null } }>(user, PUBLISH, {
      input: routeAlert(over),
    })
  ).publishAlert;
}

const PERMISSIONS = 'permissions { id alertId purpose passTo status askedBy answeredBy legalBasis }';
type Permission = { id: string; alertId: string; purpose: string; passTo: string | null; status: string; answeredBy: string | null };
type Thread = { id: string; counterpart: string; openedBy: string; permissions: Permission[]; requests: { id: string }[] };
const THREAD = `{ id openedBy counterpart requests { id } ${PERMISSIONS} }`;
const ASK = `mutation($input: PermissionRequestInput!) { askPermission(input: $input) ${THREAD} }`;
const ANSWER = `mutation($id: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $id, input: $input) ${THREAD} }`;
const OPEN = `mutation($input: OpenConsultationInput!) { openConsultation(input: $input) ${THREAD} }`;
const CONSULTATIONS = `{ consultations ${THREAD} }`;
const REQUEST = `mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) ${THREAD} }`;

/** The permission `id` as `user`'s agency holds it, once `ok` says it is there as wanted. */
async function permissionAt(user: string, id: string, ok: (p: Permission) => boolean): Promise<Permission> {
  return eventually(async () => {
    const { consultations } = await as<{ consultations: Thread[] }>(user, CONSULTATIONS);
    const p = consultations.flatMap((c) => c.permissions).find((x) => x.id === id);
    return p && ok(p) ? p : null;
  }, 30_000);
}

const evidenceRequest = (alertId: string) => ({
  requestType: 'mla',
  summary: 'Hearing of the boat organisers of the Zuwara departures',
  sendingAuthority: { agency: 'ne-ppn', name: 'Autorité centrale — entraide judiciaire' },
  receivingAuthority: { agency: 'it-polfr', name: 'Ministero della Giustizia — Ufficio II' },
  reference: 'NE-2026-114',
  evidence: [alertId],
  send: true,
});

describe('handling codes', () => {
  it('signs the handling code and the evidence marking with the alert, and names who decided', async () => {
    const a = await publish('it-polfr-officer', {
      tlp: 'AMBER',
      recipients: ['ne-ppn'],
      handlingCode: 'H1',
      evidence: { use: 'with_permission' },
      summary: 'Departures from Zuwara, restricted use',
    });
    expect(a).toMatchObject({
      handlingCode: 'H1',
      evidence: { use: 'with_permission', decidedBy: 'Officer of Polizia di Frontiera — Lampedusa' },
    });
    // Refused with the field named, and nothing published: H1 with evidence use permitted contradicts itself.
    const refused = await call('it-polfr-officer', PUBLISH, {
      input: routeAlert({ handlingCode: 'H1', evidence: { use: 'permitted', legalBasis: 'Art. 7' } }),
    });
    expect(fieldErrors(refused.errors as Errors)).toEqual([expect.objectContaining({ path: 'evidence.use', rule: 'custom' })]);
  });

  it('H1: a request cannot cite the alert as evidence until Italy grants it, asked and granted as audited consultation events', async () => {
    const alert = await publish('it-polfr-officer', {
      tlp: 'AMBER',
      recipients: ['ne-ppn'],
      handlingCode: 'H1',
      evidence: { use: 'with_permission' },
      summary: 'Boat organisers in Zuwara, not for court without our leave',
    });
    await eventually(() => holds('ne-ppn', alert.id), 30_000);
    // A hit on it says its handling code too.
    const hit = await as<{ hitCheck: { answers: { agency: string; alerts: { id: string; handlingCode: string }[] }[] } }>(
      'ne-ppn-prosecutor',
      'query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { answers { agency alerts { id handlingCode } } } }',
      { identifier: { kind: 'social_handle', value: RAW.handle, qualifier: 'telegram' } },
    );
    expect(hit.hitCheck.answers.flatMap((a) => a.alerts).find((a) => a.id === alert.id)).toEqual({ id: alert.id, handlingCode: 'H1' });

    // Niger's prosecutor opens a thread with Italy and tries to cite the alert at once: refused, nothing kept.
    const thread = (
      await as<{ openConsultation: Thread }>('ne-ppn-prosecutor', OPEN, {
        input: { with: 'it-polfr', subject: 'Zuwara organisers', body: 'We are preparing an MLA request.' },
      })
    ).openConsultation;
    const early = await call('ne-ppn-prosecutor', REQUEST, { id: thread.id, input: evidenceRequest(alert.id) });
    expect(fieldErrors(early.errors as Errors)).toEqual([expect.objectContaining({ path: 'evidence.0', rule: 'handling' })]);
    expect(await rows('ne-ppn', `SELECT 1 FROM consultation_events WHERE type = 'request'`)).toEqual([]);

    // Niger asks; Italy sees the question.
    const asked = (
      await as<{ askPermission: Thread }>('ne-ppn-prosecutor', ASK, {
        input: { alertId: alert.id, purpose: 'evidence', reason: 'To hear the organisers before the court of Niamey.' },
      })
    ).askPermission;
    expect(asked.counterpart).toBe('it-polfr');
    const permissionId = (asked.permissions[0] as Permission).id;
    await permissionAt('it-polfr-prosecutor', permissionId, (p) => p.status === 'asked');

    // Niger cannot grant itself: only the owner answers.
    const selfGrant = await call('ne-ppn-prosecutor', ANSWER, { id: permissionId, input: { granted: true } });
    expect(selfGrant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await as('it-polfr-prosecutor', ANSWER, {
      id: permissionId,
      input: { granted: true, legalBasis: 'Art. 7 of the 2000 EU MLA Convention', note: 'For the Niamey proceedings only.' },
    });
    const granted = await permissionAt('ne-ppn-prosecutor', permissionId, (p) => p.status === 'granted');
    expect(granted).toMatchObject({ answeredBy: 'Paolo Ferri', purpose: 'evidence', alertId: alert.id });

    // Now the request may cite it.
    const sent = await as<{ createRequest: Thread }>('ne-ppn-prosecutor', REQUEST, { id: thread.id, input: evidenceRequest(alert.id) });
    expect(sent.createRequest.requests).toHaveLength(1);

    // Both audits show the asking and the granting: each side what it sent, and what it received.
    const audit = async (agency: string) =>
      (await rows(agency, `SELECT channel, agency, items FROM audit_log WHERE resource = 'consultation' ORDER BY seq`)).filter((r) =>
        (r.items as string[]).includes(`alert:${alert.id}`),
      );
    expect(await audit('ne-ppn')).toEqual([
      { channel: 'bus', agency: 'it-polfr', items: expect.arrayContaining([expect.stringMatching(/^permission_asked:/), 'evidence']) },
      { channel: 'received', agency: 'it-polfr', items: expect.arrayContaining(['evidence:granted']) },
    ]);
    expect(await audit('it-polfr')).toEqual([
      { channel: 'received', agency: 'ne-ppn', items: expect.arrayContaining([expect.stringMatching(/^permission_asked:/), 'evidence']) },
      { channel: 'bus', agency: 'ne-ppn', items: expect.arrayContaining(['evidence:granted']) },
    ]);
    // Nigeria took no part and holds none of it.
    expect(await rows('ng-nis', 'SELECT 1 FROM consultation_events')).toEqual([]);
  });

  it('H2: Niger passes the alert on to Nigeria only once Italy granted it, for Nigeria', async () => {
    const alert = await publish('it-polfr-officer', {
      tlp: 'AMBER',
      recipients: ['ne-ppn'],
      handlingCode: 'H2',
      summary: 'Safe house near Agadez, ask before passing on',
    });
    await eventually(() => holds('ne-ppn', alert.id), 30_000);
    const about = { with: 'ng-nis', subject: 'Agadez safe house', about: { alertId: alert.id }, body: 'Do you know this network?' };
    const early = await call('ne-ppn-officer', OPEN, { input: about });
    expect(fieldErrors(early.errors as Errors)).toEqual([expect.objectContaining({ path: 'about.alertId', rule: 'handling' })]);

    const asked = (
      await as<{ askPermission: Thread }>('ne-ppn-officer', ASK, {
        input: { alertId: alert.id, purpose: 'pass_on', passTo: 'ng-nis', reason: 'Nigeria may know the organisers.' },
      })
    ).askPermission;
    const permissionId = (asked.permissions[0] as Permission).id;
    await permissionAt('it-polfr-officer', permissionId, (p) => p.status === 'asked');
    await as('it-polfr-officer', ANSWER, { id: permissionId, input: { granted: true } });
    await permissionAt('ne-ppn-officer', permissionId, (p) => p.status === 'granted');

    const opened = await as<{ openConsultation: Thread }>('ne-ppn-officer', OPEN, { input: about });
    expect(opened.openConsultation.counterpart).toBe('ng-nis');
  });
});

describe('TLP:AMBER+STRICT', () => {
  const ALERTS = '{ alerts(limit: 1000) { alerts { id } } }';
  const CHECK = `query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { answers { agency hit alerts { id } } } }`;
  const phone = { kind: 'phone', value: RAW.phone };

  it('reaches Niger’s own people and never Nigeria, its partner, on any path Nigeria can try', async () => {
    // Nigeria's and Niger's officers have the live feed open before anything is published.
    const nigeriaFeed = subscribe<{ alertFeed: { id: string } }>(
      net.gatewayUrl,
      await net.token('ng-nis-officer'),
      'subscription { alertFeed { id } }',
    );
    const nigerFeed = subscribe<{ alertFeed: { id: string } }>(
      net.gatewayUrl,
      await net.token('ne-ppn-officer'),
      'subscription { alertFeed { id } }',
    );
    // Whatever crosses Nigeria's own NATS account, seen with its operator's credentials.
    const bus = await recordBus(net);
    try {
      await Promise.all([nigeriaFeed.ready, nigerFeed.ready]);
      const strict = await publish('it-polfr-officer', {
        tlp: 'AMBER+STRICT',
        recipients: ['ne-ppn'],
        summary: 'Strictly for Niger: Agadez departures',
        identifiers: [phone],
      });
      // A bulk load goes the same way: one more, published with publishAlerts.
      const bulk = await as<{ publishAlerts: { id: string }[] }>(
        'it-polfr-officer',
        'mutation($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { id } }',
        {
          inputs: [routeAlert({ tlp: 'AMBER+STRICT', recipients: ['ne-ppn'], summary: 'Strictly for Niger, in bulk' })],
        },
      );
      const bulkId = (bulk.publishAlerts[0] as { id: string }).id;
      await eventually(() => holds('ne-ppn', bulkId), 30_000);
      // Niger's own people have it: its node holds it, its officer's feed and query show it.
      await nigerFeed.waitFor((e) => e.alertFeed.id === strict.id, 30_000);
      expect((await as<{ alerts: { alerts: { id: string }[] } }>('ne-ppn-officer', ALERTS)).alerts.alerts.map((a) => a.id)).toContain(
        strict.id,
      );

      // A GREEN alert published after it reaches Nigeria's feed: had the strict one gone there, it would have come first.
      const marker = await publish('it-polfr-officer', { summary: 'For every member: Zuwara prices' });
      await nigeriaFeed.waitFor((e) => e.alertFeed.id === marker.id, 30_000);
      expect(nigeriaFeed.events.map((e) => e.alertFeed.id)).not.toContain(strict.id);

      // At the gateway: alerts and hit / no hit.
      const nigeriaAlerts = await as<{ alerts: { alerts: { id: string }[] } }>('ng-nis-officer', ALERTS);
      expect(nigeriaAlerts.alerts.alerts.map((a) => a.id)).not.toContain(strict.id);
      const check = await as<{ hitCheck: { answers: { alerts: { id: string }[] }[] } }>('ng-nis-officer', CHECK, { identifier: phone });
      expect(check.hitCheck.answers.flatMap((a) => a.alerts.map((x) => x.id))).not.toContain(strict.id);

      // The pseudonyms a partner would ask about (Nigeria's node holds the network key too).
      const [held] = await rows('ne-ppn', 'SELECT document FROM alerts WHERE id = $1', [strict.id]);
      const pseudonyms = (held?.document as { identifiers: unknown[] } | undefined)?.identifiers ?? [];
      expect(pseudonyms.length).toBeGreaterThan(0);
      // At each node, with tokens delegated to it by Nigeria's node, and at Nigeria's own.
      for (const agency of ['it-polfr', 'ne-ppn', 'ng-nis']) {
        const url = net.nodes[agency]?.url as string;
        const token = agency === 'ng-nis' ? await net.token('ng-nis-officer') : await net.delegatedToken('ng-nis-officer', agency);
        const listed = await gql<{ alerts: { id: string }[] }>(url, token, '{ alerts(scope: ALL, limit: 1000) { id } }');
        expect(listed.errors, agency).toBeUndefined();
        expect(
          listed.data?.alerts.map((a) => a.id),
          agency,
        ).not.toContain(strict.id);
        const one = await gql<{ alert: { id: string } | null }>(url, token, 'query($id: ID!) { alert(id: $id) { id } }', { id: strict.id });
        expect(one.errors, agency).toBeUndefined();
        expect(one.data?.alert, agency).toBeNull();
        // The history is for a node's own agency: Nigeria's node holds none of it, the others refuse.
        const history = await gql<{ alertHistory: { id: string }[] }>(url, token, 'query($id: ID!) { alertHistory(id: $id) { id } }', {
          id: strict.id,
        });
        if (agency === 'ng-nis') expect(history.data?.alertHistory).toEqual([]);
        else expect(history.errors?.[0]?.extensions?.code, agency).toBe('FORBIDDEN');
        const hits = await gql<{ hitCheck: { alerts: { id: string }[] } }>(
          url,
          token,
          'query($p: [PseudonymInput!]!) { hitCheck(pseudonyms: $p) { alerts { id } } }',
          { p: pseudonyms },
        );
        expect(hits.errors, agency).toBeUndefined();
        expect(
          hits.data?.hitCheck.alerts.map((a) => a.id),
          agency,
        ).not.toContain(strict.id);
      }
      // Nothing of either reached Nigeria's node or its account on the bus.
      expect(await holds('ng-nis', strict.id)).toBe(false);
      expect(await holds('ng-nis', bulkId)).toBe(false);
      await bus.flush();
      const inNigeriasAccount = bus.messages.filter((m) => m.account === 'ng-nis').map((m) => m.data);
      expect(inNigeriasAccount.some((d) => d.includes(marker.id))).toBe(true);
      expect(inNigeriasAccount.filter((d) => d.includes(strict.id) || d.includes(bulkId))).toEqual([]);
      expect(await rows('ng-nis', `SELECT 1 FROM quarantine`)).toEqual([]);

      // A correlation does not tell Nigeria of it either: Nigeria publishes the same phone; Italy
      // and Niger find the pair, and neither queues a notice naming the strict alert for Nigeria.
      const nigerian = await publish('ng-nis-officer', { summary: 'Same phone seen in Kano', identifiers: [phone] });
      for (const agency of ['it-polfr', 'ne-ppn'])
        await eventually(
          async () =>
            (await rows(agency, 'SELECT 1 FROM correlations WHERE alert_id = $1 AND other_alert_id = $2', [nigerian.id, strict.id]))
              .length > 0,
          30_000,
        );
      for (const agency of ['it-polfr', 'ne-ppn'])
        expect(await rows(agency, `SELECT 1 FROM outbox WHERE kind = 'correlation' AND about_id = $1`, [strict.id]), agency).toEqual([]);
      expect(await rows('ng-nis', 'SELECT 1 FROM correlations WHERE other_alert_id = $1', [strict.id])).toEqual([]);

      // Niger cannot pass it on: neither a thread about it with Nigeria, nor even asking to.
      const open = await call('ne-ppn-officer', OPEN, {
        input: { with: 'ng-nis', subject: 'Agadez', about: { alertId: strict.id }, body: 'Have a look at this one.' },
      });
      expect(fieldErrors(open.errors as Errors)).toEqual([expect.objectContaining({ path: 'about.alertId', rule: 'handling' })]);
      const ask = await call('ne-ppn-officer', ASK, {
        input: { alertId: strict.id, purpose: 'pass_on', passTo: 'ng-nis', reason: 'Nigeria may know them.' },
      });
      expect(fieldErrors(ask.errors as Errors)).toEqual([expect.objectContaining({ path: 'purpose', rule: 'amber_strict' })]);
      const naming = `SELECT 1 FROM consultation_events WHERE document->'about'->>'alertId' = $1 OR document->>'alertId' = $1`;
      for (const agency of ['ne-ppn', 'ng-nis']) expect(await rows(agency, naming, [strict.id]), agency).toEqual([]);
    } finally {
      await Promise.all([nigeriaFeed.close(), nigerFeed.close(), bus.close()]);
    }
  });
});
