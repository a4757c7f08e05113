// Batched checks (issue 14): the gateway sends the checks that reach it together to each node as
// one request, each item under its own user's token. Each item must still be verified, rate-limited,
// answered and audited under the user who asked it, and a refusal must stay that item's alone.
// Budgets are two checks a minute per user here, so that refusals are easy to provoke.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { gql } from '../support/graphql.js';
import { officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const officer = (id: string, agency: string) => ({ id, name: `Officer ${id}`, agency, roles: ['border_officer' as const] });
const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      users: officersAnd(officer('ne-ppn-a', 'ne-ppn'), officer('ne-ppn-b', 'ne-ppn'), officer('ne-ppn-c', 'ne-ppn')),
      nodeEnv: { CORRIDOR_CHECKS_PER_MINUTE: '2', CORRIDOR_ANSWERED_CHECKS_PER_MINUTE: '2' },
    }),
  120_000,
);

type Refusal = { code: string; message: string; details: string } | null;
const HIT_CHECKS = `query($items: [HitCheckItemInput!]!) { hitChecks(items: $items) { answer { agency hit } refusal { code message details } } }`;
const OWN_HIT_CHECKS = `query($items: [OwnHitCheckItemInput!]!) { ownHitChecks(items: $items) {
  check { pseudonyms { kind } answer { agency hit } } refusal { code message details } } }`;

const pseudonyms = () => [{ kind: 'travel_document', pseudonym: randomBytes(32).toString('base64url'), epoch: 1 }];
const passport = (value: string) => ({ kind: 'travel_document', value, qualifier: 'NGA' });

async function checkRows(agency: string): Promise<{ agency: string; subject: string; items: string[] }[]> {
  const db = new pg.Client({ connectionString: fixture.net.databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query(`SELECT agency, subject, items FROM audit_log WHERE channel = 'check' ORDER BY seq`)).rows;
  } finally {
    await db.end();
  }
}

async function atNode<T>(agency: string, authorization: string, query: string, items: unknown[]) {
  return gql<T>(fixture.net.nodes[agency]?.url as string, authorization, query, { items });
}

describe('checks batched to a node', () => {
  it('answers and audits each item under its own user; one user out of budget does not fail another', async () => {
    const niger = await fixture.net.delegatedToken('ne-ppn-officer', 'it-polfr');
    const nigeria = await fixture.net.delegatedToken('ng-nis-officer', 'it-polfr');
    // Niger's officer spends their two checks at Italy's node.
    for (let i = 0; i < 2; i++) {
      const r = await atNode<{ hitChecks: { refusal: Refusal }[] }>('it-polfr', niger, HIT_CHECKS, [
        { authorization: `Bearer ${niger}`, pseudonyms: pseudonyms() },
      ]);
      expect(r.data?.hitChecks[0]?.refusal).toBeNull();
    }
    // One batch, opened with Niger's token: their third check and Nigeria's first.
    const asked = pseudonyms();
    const r = await atNode<{ hitChecks: { answer: { agency: string; hit: boolean } | null; refusal: Refusal }[] }>(
      'it-polfr',
      niger,
      HIT_CHECKS,
      [
        { authorization: `Bearer ${niger}`, pseudonyms: pseudonyms() },
        { authorization: `Bearer ${nigeria}`, pseudonyms: asked },
        { authorization: 'Bearer not-a-token', pseudonyms: pseudonyms() },
      ],
    );
    expect(r.errors).toBeUndefined();
    const [refused, answered, unknown] = r.data?.hitChecks ?? [];
    expect(refused?.answer).toBeNull();
    expect(refused?.refusal?.code).toBe('RATE_LIMITED');
    expect(JSON.parse(refused?.refusal?.details ?? '{}').retryAfterMs).toBeGreaterThan(0);
    expect(answered).toEqual({ answer: { agency: 'it-polfr', hit: false }, refusal: null });
    expect(unknown?.refusal?.code).toBe('UNAUTHENTICATED');

    // Audited under who asked: Niger's two checks, then Nigeria's; nothing for the refused ones.
    const rows = await checkRows('it-polfr');
    expect(rows.map((x) => [x.agency, x.subject])).toEqual([
      ['ne-ppn', 'ne-ppn-officer'],
      ['ne-ppn', 'ne-ppn-officer'],
      ['ng-nis', 'ng-nis-officer'],
    ]);
    expect(rows[2]?.items).toEqual([`pseudonym:travel_document:${asked[0]?.pseudonym}`]);
  });

  it('pseudonymizes only for the node’s own users, each item checked on its own', async () => {
    const a = await fixture.net.token('ne-ppn-a');
    const foreign = await fixture.net.delegatedToken('ng-nis-officer', 'ne-ppn');
    const r = await atNode<{ ownHitChecks: { check: { answer: { agency: string } } | null; refusal: Refusal }[] }>(
      'ne-ppn',
      a,
      OWN_HIT_CHECKS,
      [
        { authorization: `Bearer ${a}`, identifier: { kind: 'travel_document', value: 'B1234567' } },
        { authorization: `Bearer ${a}`, identifier: passport('B7654321') },
        { authorization: `Bearer ${foreign}`, identifier: passport('B7654321') },
      ],
    );
    expect(r.errors).toBeUndefined();
    const [invalid, answered, forbidden] = r.data?.ownHitChecks ?? [];
    expect(invalid?.refusal?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(JSON.parse(invalid?.refusal?.details ?? '{}').fieldErrors)).toContain('qualifier');
    expect(answered?.check?.answer.agency).toBe('ne-ppn');
    expect(forbidden?.refusal).toMatchObject({ code: 'FORBIDDEN' });
    expect(forbidden?.check).toBeNull();
  });

  it('refuses, in that item alone, another agency’s plain access token slipped into a batch, and audits nothing under it', async () => {
    // What a hostile member might try: its node opens a batch with its own delegated token and puts a
    // token of a partner's user, as issued to that partner's own node, in an item of its own making.
    const opener = await fixture.net.delegatedToken('ne-ppn-a', 'it-polfr');
    const foreignPlain = await fixture.net.token('ng-nis-officer');
    const before = (await checkRows('it-polfr')).length;
    const r = await atNode<{ hitChecks: { answer: { agency: string } | null; refusal: Refusal }[] }>('it-polfr', opener, HIT_CHECKS, [
      { authorization: `Bearer ${opener}`, pseudonyms: pseudonyms() },
      { authorization: `Bearer ${foreignPlain}`, pseudonyms: pseudonyms() },
    ]);
    expect(r.errors).toBeUndefined();
    const [own, slipped] = r.data?.hitChecks ?? [];
    expect(own?.refusal).toBeNull();
    expect(own?.answer?.agency).toBe('it-polfr');
    expect(slipped?.answer).toBeNull();
    expect(slipped?.refusal?.code).toBe('UNAUTHENTICATED');
    expect(`${slipped?.refusal?.message} ${slipped?.refusal?.details}`).toContain('wrong_audience');
    // One audit row, under the opener: the slipped item was refused before anything was checked.
    const added = (await checkRows('it-polfr')).slice(before).map((x) => x.subject);
    expect(added).toEqual(['ne-ppn-a']);
  });

  it('refuses a batch larger than a node takes, naming the field', async () => {
    const token = await fixture.net.delegatedToken('ne-ppn-officer', 'ng-nis');
    const items = Array.from({ length: 65 }, () => ({ authorization: `Bearer ${token}`, pseudonyms: pseudonyms() }));
    const r = await atNode('ng-nis', token, HIT_CHECKS, items);
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toContain('items');
    // Nothing was checked, so nothing was audited.
    expect(await checkRows('ng-nis')).toEqual([]);
  });
});

describe('checks through the gateway, asked together', () => {
  it('refuses only the user over budget; the other user’s check is answered by every node and audited under them', async () => {
    const CHECK = `query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { hit sources { agency ok } } }`;
    const [b, c] = [await fixture.net.token('ne-ppn-b'), await fixture.net.token('ne-ppn-c')];
    const ask = (token: string, n: number) =>
      gql<{ hitCheck: { sources: { ok: boolean }[] } }>(fixture.net.gatewayUrl, token, CHECK, {
        identifier: passport(`C${String(n).padStart(7, '0')}`),
      });
    // Three of b's at once, where two are allowed, with one of c's.
    const answers = await Promise.all([ask(b, 1), ask(b, 2), ask(b, 3), ask(c, 4)]);
    const refused = answers.filter((x) => x.errors?.length);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', agency: 'ne-ppn' });
    expect(answers[3]?.errors).toBeUndefined();
    expect(answers[3]?.data?.hitCheck.sources.every((s) => s.ok)).toBe(true);
    // Each answering node audited c's check under c, and b's two that were answered under b.
    for (const agency of ['it-polfr', 'ng-nis', 'ne-ppn']) {
      const subjects = (await checkRows(agency)).map((x) => x.subject).filter((s) => s === 'ne-ppn-b' || s === 'ne-ppn-c');
      expect(subjects.sort()).toEqual(['ne-ppn-b', 'ne-ppn-b', 'ne-ppn-c']);
    }
  });
});
