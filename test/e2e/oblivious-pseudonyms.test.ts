// Oblivious pseudonyms (issue 18), tried as a hostile member would: Niger's node (a key holder
// itself) holds its configuration, its own share and its officers' tokens, and wants the phone
// numbers behind the pseudonyms it receives. The key is split 2 of 3 among Italy, Niger and
// Nigeria; each holder limits and audits evaluations per asking agency.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import {
  base64urlBytes,
  base64urlEncode,
  evaluateBlinded,
  obliviousPseudonyms,
  pseudonymInput,
  pseudonymServiceUrl,
  splitNewKey,
} from '@corridor/proto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

// Low enough that a trawl meets them in a test, high enough for the honest publishing below.
const LIMITS = { perMinute: 2000, perDay: 4000 };
const fixture = useTestNetwork(
  () => startTestNetwork({ pseudonyms: { holders: ['it-polfr', 'ne-ppn', 'ng-nis'], limits: LIMITS } }),
  120_000,
);

const PHONE = { kind: 'phone', value: '+234 803 555 0147' };
const CANONICAL_PHONE = '+2348035550147';

type Pseudonym = { kind: string; pseudonym: string; epoch: number };
type Correlated = { id: string; identifiers: Pseudonym[]; correlations: { alertId: string; agency: string }[] };

async function publish(user: string, summary: string): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert({ summary, identifiers: [PHONE] as never }) },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert.id as string;
}

/** The alert as `user`'s own node holds it (received from a partner), once it is there. */
async function receivedBy(user: string, agency: string, id: string, until: (a: Correlated) => boolean = () => true): Promise<Correlated> {
  return eventually(async () => {
    const r = await gql<{ alerts: Correlated[] }>(
      fixture.net.nodes[agency]?.url as string,
      await fixture.net.token(user),
      '{ alerts(scope: RECEIVED) { id identifiers { kind pseudonym epoch } correlations { alertId agency } } }',
    );
    const a = r.data?.alerts.find((x) => x.id === id);
    return a && until(a) ? a : null;
  }, 60_000);
}

async function hitCheck(user: string, down: string[] = []) {
  const r = await gql<{ hitCheck: { answers: { agency: string; hit: boolean; alerts: { id: string }[] }[] } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    'query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { answers { agency hit alerts { id } } } }',
    { identifier: PHONE },
  );
  // A node that is down (or not a node) is reported as unavailable; every other one answers.
  expect((r.errors ?? []).map((e) => (e as { extensions?: { agency?: string } }).extensions?.agency)).toEqual(down);
  return r.data?.hitCheck.answers ?? [];
}

async function pseudonymAudit(agency: string): Promise<{ agency: string; items: string[]; rule: string }[]> {
  const db = new pg.Client({ connectionString: fixture.net.databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query(`SELECT agency, items, rule FROM audit_log WHERE channel = 'pseudonym' ORDER BY seq`)).rows;
  } finally {
    await db.end();
  }
}

const share = (agency: string) => {
  const [epoch, index, secret] = (fixture.net.pseudonymShares[agency] as string).split(':') as [string, string, string];
  return { epoch: Number(epoch), index: Number(index), secretKey: base64urlBytes(secret) };
};

describe('oblivious pseudonyms', () => {
  let italys: string;

  it('cannot be computed by a member from its own node’s configuration, share and credentials', async () => {
    italys = await publish('it-polfr-officer', 'Coordinator reached on this number');
    const atNiger = await receivedBy('ne-ppn-officer', 'ne-ppn', italys);
    const [carried] = atNiger.identifiers;
    expect(carried).toMatchObject({ kind: 'phone', epoch: 1 });
    // Niger's node holds no network key at all: no HMAC to try guesses under.
    expect(fixture.net.networkKey).toBeNull();
    // Its own share taken as if it were the key: another function, which matches nothing.
    const own = share('ne-ppn');
    const pub = fixture.net.membership.pseudonymService?.holders.find((h) => h.agency === 'ne-ppn')?.publicKey as string;
    const [alone] = await obliviousPseudonyms(
      [pseudonymInput('phone', CANONICAL_PHONE)],
      { threshold: 1, holders: [{ agency: 'ne-ppn', index: own.index, publicKey: base64urlBytes(pub) }] },
      async (_h, blinded) => evaluateBlinded(own.secretKey, base64urlBytes(pub), blinded),
    );
    expect(alone).not.toBe(carried?.pseudonym);
    // Through the service, within its limits, the guess does match: the service is the only way.
    const viaService = await gql<{ identifierPseudonyms: Pseudonym[] }>(
      fixture.net.nodes['ne-ppn']?.url as string,
      await fixture.net.token('ne-ppn-officer'),
      'query($identifier: IdentifierInput!) { identifierPseudonyms(identifier: $identifier) { kind pseudonym epoch } }',
      { identifier: PHONE },
    );
    expect(viaService.data?.identifierPseudonyms).toEqual([carried]);
  });

  it('goes on with one key holder stopped: publishing, correlation and hit checks', async () => {
    const nigeria = fixture.net.nodes['ng-nis'];
    await nigeria?.stop();
    try {
      const nigers = await publish('ne-ppn-officer', 'Same coordinator, seen in Agadez');
      const atItaly = await receivedBy('it-polfr-officer', 'it-polfr', nigers, (a) => a.correlations.length > 0);
      expect(atItaly.correlations).toEqual([{ alertId: italys, agency: 'it-polfr' }]);
      const answers = await hitCheck('it-polfr-officer', ['ng-nis']);
      expect(answers.find((a) => a.agency === 'ne-ppn')).toMatchObject({ hit: true, alerts: [{ id: nigers }] });
      expect(answers.find((a) => a.agency === 'it-polfr')).toMatchObject({ hit: true, alerts: [{ id: italys }] });
    } finally {
      await nigeria?.start();
    }
  });

  it('detects a key holder answering with a wrong share, names it, and publishes with the others', async () => {
    // Nigeria's node replaced by one that answers every batch with a key of its own, proof and all.
    const nigeria = fixture.net.nodes['ng-nis'];
    await nigeria?.stop();
    const liar = splitNewKey(1, 1).shares[0] as { secretKey: Uint8Array; publicKey: Uint8Array };
    const port = Number(new URL(nigeria?.url as string).port);
    let asked = 0;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', async () => {
        // Only the pseudonym service lies; GraphQL (the gateway's checks) finds nobody home.
        if (req.url !== '/pseudonyms') {
          res.statusCode = 503;
          res.end();
          return;
        }
        asked += 1;
        const { blinded } = JSON.parse(body) as { blinded: string[] };
        const a = await evaluateBlinded(liar.secretKey, liar.publicKey, blinded.map(base64urlBytes));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ evaluated: a.evaluated.map((e) => base64urlEncode(e)), proof: base64urlEncode(a.proof) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const before = await hitCheck('it-polfr-officer', ['ng-nis']);
      const again = await publish('it-polfr-officer', 'The coordinator again, one week later');
      expect(again).toBeTruthy();
      expect(asked).toBeGreaterThan(0);
      // The answers still match the honest ones: the wrong share was left out, not combined.
      expect(
        (await hitCheck('it-polfr-officer', ['ng-nis']))
          .find((a) => a.agency === 'it-polfr')
          ?.alerts.map((a) => a.id)
          .sort(),
      ).toEqual([...(before.find((a) => a.agency === 'it-polfr')?.alerts.map((a) => a.id) ?? []), again].sort());
      const log = join(fixture.net.rootDir, 'logs', 'node-it-polfr.log');
      await eventually(async () => (await readFile(log, 'utf8')).includes('"msg":"key holder answered with a wrong share"'));
      const line = (await readFile(log, 'utf8')).split('\n').find((l) => l.includes('key holder answered with a wrong share'));
      expect(JSON.parse(line as string)).toMatchObject({ holder: 'ng-nis' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await nigeria?.start();
    }
  });

  it('answers without a proof when asked so, the same elements as with one, audits both, and charges the repeat with a proof once', async () => {
    // What a requesting node asks while all three holders are expected to answer: it checks them
    // against each other instead, and asks for proofs only when they disagree or one is missing.
    const blinded = splitNewKey(1, 3).shares.map((s) => base64urlEncode(s.publicKey));
    const epoch = fixture.net.membership.pseudonymService?.epoch as number;
    const url = pseudonymServiceUrl(fixture.net.membership.agencies.find((a) => a.id === 'it-polfr')?.nodeUrl as string);
    const token = await fixture.net.delegatedToken('ne-ppn-officer', 'it-polfr');
    const ask = async (proof?: boolean, as = token) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: JSON.stringify({ epoch, blinded, ...(proof === undefined ? {} : { proof }) }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { evaluated: string[]; proof?: string };
    };
    const before = (await pseudonymAudit('it-polfr')).length;
    const plain = await ask(false);
    const proven = await ask();
    expect(plain.proof).toBeUndefined();
    expect(proven.proof).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(plain.evaluated).toEqual(proven.evaluated);
    // That one repeat with a proof (a cross-check's second round) is not charged again; a second
    // repeat is, and so is another member asking the same elements with its own credentials.
    await ask();
    await ask(undefined, await fixture.net.delegatedToken('ng-nis-officer', 'it-polfr'));
    const rows = (await pseudonymAudit('it-polfr')).slice(before);
    expect(rows.map((r) => [r.agency, r.items, r.rule.includes('counted when first asked')])).toEqual([
      ['ne-ppn', ['3'], false],
      ['ne-ppn', ['3'], true],
      ['ne-ppn', ['3'], false],
      ['ng-nis', ['3'], false],
    ]);
    // Not a boolean: refused, naming the field, and nothing evaluated or audited.
    const bad = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ epoch, blinded, proof: 'no' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('proof');
    expect(await pseudonymAudit('it-polfr')).toHaveLength(before + 4);
  });

  it('stops a trawl of 10,000 guesses at every key holder’s limit, and every holder’s audit shows it', async () => {
    // Niger asks the other holders directly, with tokens its own node delegates: what its
    // credentials allow. Blinded guesses look random to a holder, which counts values, not distinct
    // ones: a thousand random elements, sent ten times over, stand in for 10,000 blinded guesses.
    const thousand = Array.from({ length: 4 }, () => splitNewKey(1, 250).shares.map((s) => base64urlEncode(s.publicKey))).flat();
    const guesses = Array.from({ length: 10 }, () => thousand).flat();
    expect(guesses).toHaveLength(10_000);
    const epoch = fixture.net.membership.pseudonymService?.epoch as number;
    for (const holder of ['it-polfr', 'ng-nis']) {
      const url = pseudonymServiceUrl(fixture.net.membership.agencies.find((a) => a.id === holder)?.nodeUrl as string);
      const token = await fixture.net.delegatedToken('ne-ppn-officer', holder);
      const statuses: number[] = [];
      for (let at = 0; at < guesses.length; at += 1000) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ epoch, blinded: guesses.slice(at, at + 1000) }),
        });
        statuses.push(res.status);
        if (res.status === 429)
          expect(await res.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } } });
        else await res.body?.cancel();
      }
      // What Niger published above already spent part of the minute: at most 2 of the 10 batches pass.
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8);
      const rows = (await pseudonymAudit(holder)).filter((r) => r.agency === 'ne-ppn');
      const trawled = rows.filter((r) => r.rule.startsWith('evaluated') && r.items[0] === '1000');
      expect(trawled.length * 1000).toBeLessThanOrEqual(LIMITS.perMinute);
      expect(rows.filter((r) => r.rule.startsWith('refused')).map((r) => r.items)).toEqual(
        statuses.filter((s) => s === 429).map(() => ['1000']),
      );
    }
  });
});
