// Hit / no hit across the network (issue 5, item 3): an officer checks a passport at the counter;
// their own node pseudonymizes it, every node answers for its own alerts under its policy, with
// the alert reference and whom to call, never the raw value; every check is audited where it
// was answered.
import { newId } from '@corridor/proto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFraudAlert, RAW, testDirectory } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

// As in the demo (issue 15): a 24/7 child-protection desk, whose name sorts before the operations
// room's, handles no alert and must not be the desk a hit names.
const childProtectionDesk = {
  id: newId(),
  agency: 'it-polfr',
  country: 'ITA' as const,
  kind: 'desk' as const,
  name: 'Child protection focal point — Lampedusa hotspot',
  roles: ['protection' as const],
  languages: ['it' as const],
  availability: { always: true, timeZone: 'Europe/Rome', hours: [] },
  channels: [{ type: 'phone' as const, value: '+39 0922 000 199' }],
  lastVerified: new Date().toISOString().slice(0, 10),
};

// A 24/7 border desk reachable by phone only: it ranks first, but Italy's policy withholds phone
// numbers from agencies outside its networks (Niger), so Niger is named a desk it can write to.
const phoneOnlyDesk = {
  ...childProtectionDesk,
  id: newId(),
  name: 'Posto di polizia — Porto Empedocle',
  roles: ['border_control' as const],
  channels: [{ type: 'phone' as const, value: '+39 0922 000 155' }],
};

const fixture = useTestNetwork(() => {
  const directory = testDirectory();
  directory['it-polfr'] = [childProtectionDesk, phoneOnlyDesk, ...(directory['it-polfr'] ?? [])];
  return startTestNetwork({ directory });
}, 120_000);

type Check = {
  hitCheck: {
    hit: boolean;
    answers: { agency: string; hit: boolean; alerts: { id: string; matched: string[] }[]; contact: { name: string } | null }[];
    sources: { agency: string; ok: boolean }[];
  };
};
const CHECK = `query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) {
  hit answers { agency hit alerts { id matched } contact { name } } sources { agency ok } } }`;

async function check(user: string, identifier: Record<string, unknown>) {
  return gql<Check>(fixture.net.gatewayUrl, await fixture.net.token(user), CHECK, { identifier });
}

async function auditRows(agency: string): Promise<{ channel: string; agency: string; subject: string; items: string[]; rule: string }[]> {
  const db = new pg.Client({ connectionString: fixture.net.databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query(`SELECT channel, agency, subject, items, rule FROM audit_log WHERE channel = 'check' ORDER BY seq`)).rows;
  } finally {
    await db.end();
  }
}

describe('hit / no hit', () => {
  let alertId: string;
  beforeAll(async () => {
    const r = await gql<{ publishAlert: { id: string } }>(
      fixture.net.gatewayUrl,
      await fixture.net.token('it-polfr-officer'),
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      { input: documentFraudAlert() },
    );
    expect(r.errors).toBeUndefined();
    alertId = r.data?.publishAlert.id as string;
  });

  it('answers hit from the agency that holds the passport, with its alert and its desk, and no hit from the others', async () => {
    // Typed at another counter, with spaces and in lower case: the same document.
    const spaced = `${RAW.documentNumber.slice(0, 4).toLowerCase()} ${RAW.documentNumber.slice(4)}`;
    const r = await check('ne-ppn-officer', { kind: 'travel_document', value: spaced, qualifier: 'NGA' });
    expect(r.errors).toBeUndefined();
    const result = r.data?.hitCheck;
    expect(result?.hit).toBe(true);
    expect(result?.sources.every((s) => s.ok)).toBe(true);
    const italy = result?.answers.find((a) => a.agency === 'it-polfr');
    expect(italy).toMatchObject({
      hit: true,
      alerts: [{ id: alertId, matched: ['travel_document'] }],
      contact: { name: 'Sala operativa Lampedusa' },
    });
    for (const other of result?.answers.filter((a) => a.agency !== 'it-polfr') ?? [])
      expect(other).toMatchObject({ hit: false, alerts: [] });
    // The answer names references and a desk: the raw number is nowhere in it.
    expect(JSON.stringify(r)).not.toContain(RAW.documentNumber);
    // Italy's own officer may call: the phone desk, which ranks first, is the one named.
    const own = await check('it-polfr-officer', { kind: 'travel_document', value: spaced, qualifier: 'NGA' });
    expect(own.data?.hitCheck.answers.find((a) => a.agency === 'it-polfr')?.contact).toEqual({ name: phoneOnlyDesk.name });
  });

  it('answers no hit everywhere for a document nobody reported', async () => {
    const r = await check('ne-ppn-officer', { kind: 'travel_document', value: 'B00000001', qualifier: 'NGA' });
    expect(r.data?.hitCheck).toMatchObject({ hit: false });
    expect(r.data?.hitCheck.answers).toHaveLength(3);
  });

  it('does not reveal an alert the owner’s policy keeps from the caller', async () => {
    const amber = await gql<{ publishAlert: { id: string } }>(
      fixture.net.gatewayUrl,
      await fixture.net.token('it-polfr-officer'),
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      {
        input: documentFraudAlert({
          tlp: 'AMBER',
          recipients: ['ng-nis'],
          identifiers: [{ kind: 'phone', value: '+234 803 555 0199' }],
        }),
      },
    );
    const id = amber.data?.publishAlert.id as string;
    const niger = await check('ne-ppn-officer', { kind: 'phone', value: '+234 803 555 0199' });
    expect(niger.data?.hitCheck.hit).toBe(false);
    const nigeria = await check('ng-nis-officer', { kind: 'phone', value: '+234 803 555 0199' });
    expect(nigeria.data?.hitCheck.answers.find((a) => a.agency === 'it-polfr')?.alerts.map((a) => a.id)).toEqual([id]);
  });

  it('refuses an identifier that is not one, with the field named, and checks nothing', async () => {
    const r = await check('ne-ppn-officer', { kind: 'passport_number', value: 'X' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'kind' }] });
  });

  it('audits every check at each node that answered, hit or no hit, without the raw value', async () => {
    const italy = await auditRows('it-polfr');
    expect(italy.some((r) => r.agency === 'ne-ppn' && r.subject === 'ne-ppn-officer' && r.items.includes(`${alertId}@1`))).toBe(true);
    const nigeria = await auditRows('ng-nis');
    expect(nigeria.some((r) => r.agency === 'ne-ppn' && r.rule === 'no-hit')).toBe(true);
    for (const rows of [italy, nigeria, await auditRows('ne-ppn')]) expect(JSON.stringify(rows)).not.toContain(RAW.documentNumber);
  });
});
