// Release policy as data, enforced at each node, and the audit that proves it (issue 4, items 3,
// 4, 5 and 6): who sees which fields, a policy changed while the network runs, a policy that
// does not validate, the hash-chained audit and its verification, cursor pagination across
// nodes, and a live feed that ends with its token.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '@corridor/proto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { AGENCIES, startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
const users = [
  ...AGENCIES.map((a) => ({ id: `${a.id}-officer`, name: `Officer of ${a.id}`, agency: a.id, roles: ['border_officer' as const] })),
  { id: 'ng-nis-prosecutor', name: 'Prosecutor at NIS', agency: 'ng-nis', roles: ['prosecutor' as const] },
  { id: 'ne-ppn-prosecutor', name: 'Prosecutor in Niamey', agency: 'ne-ppn', roles: ['prosecutor' as const] },
  { id: 'it-polfr-admin', name: 'Administrator in Lampedusa', agency: 'it-polfr', roles: ['administrator' as const] },
];
// Italy's desk belongs to the central-Mediterranean liaison network, which Nigeria's NIS is in and
// Niger's PPN is not: the standard policy shows its phone number to the first only.
const ITALY_DESK = {
  id: newId(),
  agency: 'it-polfr',
  country: 'ITA' as const,
  kind: 'desk' as const,
  name: 'Sala operativa Lampedusa',
  roles: ['border_control' as const],
  networks: ['liaison-central-med'],
  languages: ['it' as const, 'en' as const],
  availability: { always: true, timeZone: 'Europe/Rome', hours: [] },
  channels: [
    { type: 'phone' as const, value: '+39 0922 000000' },
    { type: 'email' as const, value: 'sala@it-polfr.example.org' },
  ],
  lastVerified: '2026-10-01',
};

const ALERT_FIELDS = 'id caseReference redacted origin { agency }';
const token = (user: string) => net.token(user);

beforeAll(async () => {
  net = await startTestNetwork({ users, directory: { 'it-polfr': [ITALY_DESK] } });
}, 120_000);
afterAll(async () => {
  await net?.stop();
});

async function publishFromItaly(over: Record<string, unknown> = {}): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    await token('it-polfr-officer'),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert({ caseReference: 'RG 4521/2026', ...over }) },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert.id as string;
}

async function italysAlertAsSeenBy(user: string, id: string) {
  const r = await gql<{ alerts: { alerts: { id: string; caseReference: string | null; redacted: string[] }[] } }>(
    net.gatewayUrl,
    await token(user),
    `{ alerts(limit: 200) { alerts { ${ALERT_FIELDS} } } }`,
  );
  return r.data?.alerts.alerts.find((a) => a.id === id);
}

describe('field-level release', () => {
  it('gives the case reference to prosecutors of an agency sharing a network with Italy, and withholds it from everyone else', async () => {
    const id = await publishFromItaly();
    expect(await italysAlertAsSeenBy('ng-nis-prosecutor', id)).toMatchObject({ caseReference: 'RG 4521/2026', redacted: [] });
    // Niger shares no network with Italy; an officer is not a prosecutor.
    expect(await italysAlertAsSeenBy('ne-ppn-prosecutor', id)).toMatchObject({ caseReference: null, redacted: ['caseReference'] });
    expect(await italysAlertAsSeenBy('ng-nis-officer', id)).toMatchObject({ caseReference: null, redacted: ['caseReference'] });
    // Italy's own officers see their alert whole.
    expect(await italysAlertAsSeenBy('it-polfr-officer', id)).toMatchObject({ caseReference: 'RG 4521/2026', redacted: [] });

    // The copy each partner node received on the bus is the agency-wide one: no case reference.
    const received = await eventually(async () => {
      const r = await gql<{ alerts: { id: string; caseReference: string | null; redacted: string[] }[] }>(
        net.nodes['ng-nis']?.url as string,
        await token('ng-nis-prosecutor'),
        `{ alerts(scope: RECEIVED, limit: 200) { ${ALERT_FIELDS} } }`,
      );
      return r.data?.alerts.find((a) => a.id === id);
    });
    expect(received).toMatchObject({ caseReference: null, redacted: ['caseReference'] });
  });

  it('shows a desk’s phone number only to members of a network the desk belongs to', async () => {
    const phonesSeenBy = async (user: string) => {
      const r = await gql<{ directory: { entries: { id: string; channels: { type: string }[]; redacted: string[] }[] } }>(
        net.gatewayUrl,
        await token(user),
        '{ directory { entries { id channels { type } redacted } } }',
      );
      return r.data?.directory.entries.find((e) => e.id === ITALY_DESK.id);
    };
    expect((await phonesSeenBy('ng-nis-officer'))?.channels.map((c) => c.type)).toEqual(['phone', 'email']);
    expect(await phonesSeenBy('ne-ppn-officer')).toMatchObject({ channels: [{ type: 'email' }], redacted: ['channels.phone'] });
  });
});

describe('a policy changed while the network runs', () => {
  it('takes effect at the node without a restart, and a policy that does not validate changes nothing', async () => {
    const file = net.releasePolicyFiles['it-polfr'] as string;
    const standard = JSON.parse(readFileSync(file, 'utf8')) as { version: number; rules: unknown[] };
    const entriesSeenBy = async (user: string) => {
      const r = await gql<{ directory: { entries: { agency: string }[] } }>(
        net.gatewayUrl,
        await token(user),
        '{ directory { entries { agency } } }',
      );
      return r.data?.directory.entries.filter((e) => e.agency === 'it-polfr').length ?? -1;
    };
    expect(await entriesSeenBy('ne-ppn-officer')).toBe(1);

    // Version 2: Italy stops releasing its directory to Niger; Nigeria still sees it.
    const denyNiger = { id: 'no-directory-for-niger', resource: 'directory_entry', partners: ['ne-ppn'], effect: 'deny' };
    writeFileSync(file, JSON.stringify({ ...standard, version: 2, rules: [denyNiger, ...standard.rules] }));
    await eventually(async () => (await entriesSeenBy('ne-ppn-officer')) === 0, 10_000);
    expect(await entriesSeenBy('ng-nis-officer')).toBe(1);

    // Version 3 names a field that cannot be redacted: refused, logged, version 2 stays.
    writeFileSync(
      file,
      JSON.stringify({ ...standard, version: 3, rules: [{ id: 'typo', resource: 'directory_entry', redact: ['phone'] }] }),
    );
    const log = join(net.rootDir, 'logs', 'node-it-polfr.log');
    await eventually(async () => readFileSync(log, 'utf8').includes('release policy refused'), 10_000);
    expect(await entriesSeenBy('ne-ppn-officer')).toBe(0);
    expect(await entriesSeenBy('ng-nis-officer')).toBe(1);

    writeFileSync(file, JSON.stringify({ ...standard, version: 4 }));
    await eventually(async () => (await entriesSeenBy('ne-ppn-officer')) === 1, 10_000);
  });
});

describe('the release audit', () => {
  it('records each release with who, which agency, which items and the rule; the administrator reads and verifies it', async () => {
    const id = await publishFromItaly();
    await italysAlertAsSeenBy('ng-nis-prosecutor', id);
    const admin = await token('it-polfr-admin');
    type Row = { seq: string; channel: string; agency: string; subject: string | null; items: string[]; rule: string };
    const rows = await eventually(async () => {
      const r = await gql<{ auditLog: Row[] }>(net.gatewayUrl, admin, '{ auditLog(limit: 500) { seq channel agency subject items rule } }');
      const mine = r.data?.auditLog.filter((row) => row.items.includes(`${id}@1`)) ?? [];
      return mine.length >= 3 ? mine : null;
    });
    expect(
      rows
        .filter((r) => r.channel === 'bus')
        .map((r) => [r.agency, r.rule])
        .sort(),
    ).toEqual([
      ['ne-ppn', 'alerts-members'],
      ['ng-nis', 'alerts-members'],
    ]);
    expect(rows.find((r) => r.channel === 'query' && r.subject === 'ng-nis-prosecutor')).toMatchObject({
      agency: 'ng-nis',
      rule: 'alerts-prosecutors-shared-network',
    });
    const verify = '{ verifyAuditLog { ok checked brokenAt problem } }';
    const before = await gql<{ verifyAuditLog: { ok: boolean; checked: number } }>(net.gatewayUrl, admin, verify);
    expect(before.data?.verifyAuditLog).toMatchObject({ ok: true });

    // Someone with the database's superuser rights rewrites a past row to hide a release.
    const target = rows.find((r) => r.channel === 'bus') as Row;
    const db = new pg.Client({ connectionString: net.databases.urls['it-polfr'] });
    await db.connect();
    try {
      await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await db.query(`UPDATE audit_log SET agency = 'xx-nobody' WHERE seq = $1`, [target.seq]);
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    } finally {
      await db.end();
    }
    const after = await gql<{ verifyAuditLog: { ok: boolean; brokenAt: string; problem: string } }>(net.gatewayUrl, admin, verify);
    expect(after.data?.verifyAuditLog).toMatchObject({ ok: false, brokenAt: target.seq, problem: expect.stringContaining('altered') });

    // Only the agency's administrators read it.
    const officer = await gql(net.gatewayUrl, await token('it-polfr-officer'), verify);
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('cursor pagination across nodes', () => {
  it('walks every alert of every node exactly once, in the network’s order, three at a time', async () => {
    for (let i = 0; i < 4; i++) await publishFromItaly({ summary: `Italy page test ${i}` });
    for (let i = 0; i < 3; i++) {
      const r = await gql(
        net.gatewayUrl,
        await token('ng-nis-officer'),
        'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
        {
          input: routeAlert({ summary: `Nigeria page test ${i}` }),
        },
      );
      expect(r.errors).toBeUndefined();
    }
    const viewer = await token('ne-ppn-officer');
    const all = await gql<{ alerts: { alerts: { id: string; createdAt: string }[] } }>(
      net.gatewayUrl,
      viewer,
      '{ alerts(limit: 1000) { alerts { id createdAt } } }',
    );
    const expected = all.data?.alerts.alerts.map((a) => a.id) ?? [];
    expect(expected.length).toBeGreaterThanOrEqual(7);

    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const r: { data?: { alerts: { alerts: { id: string }[]; nextCursor: string | null } } | null } = await gql(
        net.gatewayUrl,
        viewer,
        'query($after: String) { alerts(limit: 3, after: $after) { alerts { id } nextCursor } }',
        { after },
      );
      walked.push(...(r.data?.alerts.alerts.map((a) => a.id) ?? []));
      after = r.data?.alerts.nextCursor ?? null;
      if (!after) break;
    }
    expect(walked).toEqual(expected);
  });

  it('refuses a cursor it did not issue, with a clear error', async () => {
    const r = await gql(net.gatewayUrl, await token('ne-ppn-officer'), '{ alerts(limit: 3, after: "not-a-cursor") { alerts { id } } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'after' }] });
  });
});

describe('the live feed under policy', () => {
  it('gives each user of another agency connected to Italy’s node exactly what Italy’s policy releases to them', async () => {
    const italy = net.nodes['it-polfr']?.url as string;
    const query = `subscription { alertFeed { ${ALERT_FIELDS} } }`;
    type Event = { alertFeed: { id: string; caseReference: string | null; redacted: string[] } };
    // Users of another agency reach Italy's node with tokens their own node delegated to it.
    const prosecutor = subscribe<Event>(italy, await net.delegatedToken('ng-nis-prosecutor', 'it-polfr'), query);
    const officer = subscribe<Event>(italy, await net.delegatedToken('ng-nis-officer', 'it-polfr'), query);
    await Promise.all([prosecutor.ready, officer.ready]);
    await new Promise((r) => setTimeout(r, 300));
    const forNigerOnly = await publishFromItaly({ tlp: 'AMBER', recipients: ['ne-ppn'], summary: 'For Niger only' });
    const green = await publishFromItaly({ summary: 'For every member' });

    expect((await prosecutor.waitFor((e) => e.alertFeed.id === green)).alertFeed).toMatchObject({ caseReference: 'RG 4521/2026' });
    expect((await officer.waitFor((e) => e.alertFeed.id === green)).alertFeed).toMatchObject({
      caseReference: null,
      redacted: ['caseReference'],
    });
    // Events arrive in publish order: once the GREEN one is in, the AMBER one would have been too.
    for (const feed of [prosecutor, officer]) expect(feed.events.some((e) => e.alertFeed.id === forNigerOnly)).toBe(false);
    await Promise.all([prosecutor.close(), officer.close()]);
  });

  it('ends when the token expires, at the gateway and at a node', async () => {
    const shortToken = await net.token('ne-ppn-officer', { expiresIn: '4s' });
    const viaGateway = subscribe<{ alertFeed: { id: string } }>(net.gatewayUrl, shortToken, 'subscription { alertFeed { id } }');
    const atNode = subscribe<{ alertFeed: { id: string } }>(
      net.nodes['ne-ppn']?.url as string,
      shortToken,
      'subscription { alertFeed { id } }',
    );
    await Promise.all([viaGateway.ready, atNode.ready]);
    await new Promise((r) => setTimeout(r, 300));
    const id = await publishFromItaly({ summary: 'Delivered while the token holds' });
    await viaGateway.waitFor((e) => e.alertFeed.id === id);
    await atNode.waitFor((e) => e.alertFeed.id === id);

    await Promise.race([Promise.all([viaGateway.ended, atNode.ended]), new Promise((r) => setTimeout(r, 15_000))]);
    for (const feed of [viaGateway, atNode]) {
      expect(feed.errors.map((e) => e.message).join(' ')).toMatch(/expired/);
    }
    // Nothing published after expiry reaches the closed streams.
    const late = await publishFromItaly({ summary: 'After the token expired' });
    await new Promise((r) => setTimeout(r, 1000));
    expect([...viaGateway.events, ...atNode.events].some((e) => e.alertFeed.id === late)).toBe(false);
    await Promise.all([viaGateway.close(), atNode.close()]);
  }, 40_000);
});
