// No member can act as another (issue 11, item 1): tried as a hostile member would. Niger's node
// (B) records every Authorization header that reaches it while Italy's officer (A) works through
// the gateway, then replays each one at Nigeria's node (C) and everywhere else; it also tries its
// own delegation key, and the tokens it could plausibly lay hands on. Each attempt is refused.
import { DELEGATION_TOKEN_TYPE, nodeUrn, TOKEN_EXCHANGE_GRANT, tokenExchangeUrl } from '@corridor/proto';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { type RecordingProxy, recordingProxy } from '../support/recording-proxy.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

const A = 'it-polfr';
const B = 'ne-ppn';
const C = 'ng-nis';

let net: TestNetwork;
let proxy: RecordingProxy;
let officerA: string;
let amberForA: string;
const node = (agency: string) => net.nodes[agency]?.url as string;

const OWN_ALERTS = '{ alerts(scope: OWN, limit: 500) { id tlp recipients } }';
const RECEIVED_ALERTS = '{ alerts(scope: RECEIVED, limit: 500) { id } }';
const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
const PSEUDONYMS = 'query($identifier: IdentifierInput!) { identifierPseudonyms(identifier: $identifier) { kind pseudonym epoch } }';
const HIT_CHECK = 'query($pseudonyms: [PseudonymInput!]!) { hitCheck(pseudonyms: $pseudonyms) { agency hit } }';
const PASSPORT = { kind: 'travel_document', value: RAW.documentNumber, qualifier: 'NGA' };

beforeAll(async () => {
  net = await startTestNetwork();
  // What reaches Niger's node from the gateway passes through a recorder from the next membership on.
  proxy = await recordingProxy(node(B));
  await net.updateMembership((m) => ({ ...m, agencies: m.agencies.map((a) => (a.id === B ? { ...a, nodeUrl: proxy.url } : a)) }));
  officerA = await net.token(`${A}-officer`);
  await eventually(async () => {
    await gql(net.gatewayUrl, officerA, '{ directory { entries { id } } }');
    return proxy.authorizations().length > 0;
  });

  // Nigeria's AMBER alert for Italy alone: what Niger must never read.
  const amber = await gql<{ publishAlert: { id: string } }>(net.gatewayUrl, await net.token(`${C}-officer`), PUBLISH, {
    input: routeAlert({ tlp: 'AMBER', recipients: [A], summary: 'Boat leaving Zuwara tonight, for Italy only' }),
  });
  expect(amber.errors).toBeUndefined();
  amberForA = amber.data?.publishAlert.id as string;
  await gql(net.gatewayUrl, officerA, PUBLISH, { input: documentFraudAlert() });

  // Italy's officer at work through the gateway: every fan-out reaches Niger's node.
  const seen = await gql<{ alerts: { alerts: { id: string }[] } }>(net.gatewayUrl, officerA, '{ alerts(limit: 500) { alerts { id } } }');
  expect(seen.errors).toBeUndefined();
  expect(seen.data?.alerts.alerts.map((a) => a.id)).toContain(amberForA);
  const check = await gql<{ hitCheck: { sources: { agency: string; ok: boolean }[] } }>(
    net.gatewayUrl,
    officerA,
    'query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { hit sources { agency ok } } }',
    { identifier: PASSPORT },
  );
  expect(check.data?.hitCheck.sources.every((s) => s.ok)).toBe(true);
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await net?.stop();
});

/** Each thing the hostile member would try at a node with a recorded header; the HTTP statuses. */
async function replayAt(url: string, authorization: string): Promise<Record<string, number>> {
  const token = authorization.replace(/^Bearer\s+/i, '');
  const pseudonyms = [{ kind: 'travel_document', pseudonym: 'x'.repeat(43), epoch: 1 }];
  return {
    ownAlerts: (await gql(url, token, OWN_ALERTS)).status,
    receivedAlerts: (await gql(url, token, RECEIVED_ALERTS)).status,
    publishInItalysName: (await gql(url, token, PUBLISH, { input: routeAlert({ summary: 'Published by a replayed token' }) })).status,
    identifierPseudonyms: (await gql(url, token, PSEUDONYMS, { identifier: PASSPORT })).status,
    hitCheck: (await gql(url, token, HIT_CHECK, { pseudonyms })).status,
  };
}

const ALL_REFUSED = { ownAlerts: 401, receivedAlerts: 401, publishInItalysName: 401, identifierPseudonyms: 401, hitCheck: 401 };

describe('what a member records at its node', () => {
  it('never holds the officer’s own token: only tokens made for its node alone', async () => {
    const recorded = proxy.authorizationsByPath();
    const claimsOf = (header: string) => {
      const [, payload] = header.replace(/^Bearer\s+/i, '').split('.');
      return JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<string, unknown>;
    };
    // Every query of the officer reached Niger with one and the same token: the gateway exchanged
    // once and kept it, rather than once per query.
    const fanOut = recorded.filter((r) => r.path === '/graphql');
    expect(fanOut.length).toBeGreaterThan(2);
    expect(new Set(fanOut.map((r) => r.authorization)).size).toBe(1);
    // Niger is also a key holder of the pseudonym service: the nodes of Italy and Nigeria asked it to
    // evaluate for their officers' publications and checks, each with a token made for Niger alone.
    expect(recorded.some((r) => r.path === '/pseudonyms')).toBe(true);
    for (const { authorization } of recorded) {
      expect(authorization).not.toBe(`Bearer ${officerA}`);
      const claims = claimsOf(authorization);
      expect(claims.aud).toBe(nodeUrn(B));
      expect(claims.iss).toBe(nodeUrn(claims.agency as string));
      expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(300);
    }
    expect(claimsOf(fanOut[0]?.authorization as string)).toMatchObject({ aud: nodeUrn(B), iss: nodeUrn(A), agency: A });
  });

  it('is refused at Nigeria’s node for every read, write and check, while a genuine delegation there is not', async () => {
    const recorded = [...new Set(proxy.authorizations())];
    for (const header of recorded) expect(await replayAt(node(C), header)).toEqual(ALL_REFUSED);

    // The same questions with a token Italy's node delegated to Nigeria's do work: the refusals
    // above are the audience's doing, and the AMBER alert is there to be read by Italy.
    const genuine = await net.delegatedToken(`${A}-officer`, C);
    const own = await gql<{ alerts: { id: string }[] }>(node(C), genuine, OWN_ALERTS);
    expect(own.data?.alerts.map((a) => a.id)).toContain(amberForA);
  });

  it('is refused at Italy’s own node and at the gateway too', async () => {
    for (const header of new Set(proxy.authorizations())) {
      expect(await replayAt(node(A), header)).toEqual(ALL_REFUSED);
      expect((await gql(net.gatewayUrl, header.replace(/^Bearer\s+/i, ''), '{ me { agency } }')).status).toBe(401);
    }
  });

  it('buys nothing at Italy’s token exchange, nor Italy’s user token at Niger’s', async () => {
    const exchange = async (at: string, subjectToken: string, audience: string) => {
      const res = await fetch(tokenExchangeUrl(node(at)), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: TOKEN_EXCHANGE_GRANT,
          subject_token: subjectToken,
          subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          audience: nodeUrn(audience),
        }),
      });
      return { status: res.status, ...((await res.json()) as { error?: string; access_token?: string }) };
    };
    const recorded = (proxy.authorizations()[0] as string).replace(/^Bearer\s+/i, '');
    // A token delegated to Niger cannot be traded for one to Nigeria.
    expect(await exchange(A, recorded, C)).toMatchObject({ status: 400, error: 'invalid_grant' });
    // Niger's node does not speak for Italy's users, whatever it is shown.
    expect(await exchange(B, officerA, C)).toMatchObject({ status: 400, error: 'invalid_grant' });
    expect(await exchange(A, officerA, 'xx-nobody')).toMatchObject({ status: 400, error: 'invalid_target' });
  });
});

describe('tokens a hostile member could make or find', () => {
  it('refuses Italy’s officer’s own token sent straight to another agency’s node', async () => {
    const r = await gql(node(B), officerA, OWN_ALERTS);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'wrong_audience' });
    expect(r.errors?.[0]?.message).toMatch(/accepted only at that agency's own node/);
    expect(await replayAt(node(C), `Bearer ${officerA}`)).toEqual(ALL_REFUSED);
  });

  /** A delegated token signed by hand with `signer`'s delegation key, to try what no honest node mints. */
  async function handMade(signer: string, over: { agency?: string; iss?: string; aud?: string; lifetimeS?: number }) {
    const jwk = net.delegationKey(signer);
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({
      agency: over.agency ?? signer,
      name: 'Mallory',
      roles: ['border_officer', 'prosecutor'],
      country: 'ITA',
      networks: [],
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid as string, typ: DELEGATION_TOKEN_TYPE })
      .setIssuer(over.iss ?? nodeUrn(signer))
      .setSubject('mallory')
      .setAudience(over.aud ?? nodeUrn(C))
      .setIssuedAt(iat)
      .setExpirationTime(iat + (over.lifetimeS ?? 60))
      .sign(await importJWK(jwk, 'EdDSA'));
  }

  it('refuses a token Niger signs with its own delegation key claiming to be Italy’s officer', async () => {
    const asItaly = await handMade(B, { agency: A });
    expect(await replayAt(node(C), `Bearer ${asItaly}`)).toEqual(ALL_REFUSED);
    expect((await gql(node(C), asItaly, OWN_ALERTS)).errors?.[0]?.extensions).toMatchObject({ reason: 'invalid_claims' });
    // Naming Italy's node as the issuer does not help: Niger's key is not Italy's.
    const asItalysNode = await handMade(B, { agency: A, iss: nodeUrn(A) });
    expect((await gql(node(C), asItalysNode, OWN_ALERTS)).errors?.[0]?.extensions).toMatchObject({ reason: 'unknown_key' });
  });

  it('refuses a token delegated to Nigeria’s node when shown at Niger’s', async () => {
    const forNigeria = await net.delegatedToken(`${A}-officer`, C);
    expect((await gql(node(C), forNigeria, OWN_ALERTS)).status).toBe(200);
    const r = await gql(node(B), forNigeria, OWN_ALERTS);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ reason: 'wrong_audience' });
  });

  it('refuses a delegated token that lives longer than five minutes, even signed with the right key', async () => {
    const long = await handMade(A, { lifetimeS: 301 });
    const r = await gql(node(C), long, OWN_ALERTS);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.message).toMatch(/at most 300 s/);
    expect((await gql(node(C), await handMade(A, { lifetimeS: 300 }), OWN_ALERTS)).status).toBe(200);
  });
});
