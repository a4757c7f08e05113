// The membership is one document signed by the network's secretariat, and the processes follow it
// while they run: an agency added to it is asked by the gateway and believed by the other nodes, a
// tampered or replayed old version is refused while the last good one stays in force, and an
// issuer's rotated key is fetched from its JWKS address at the first token that names it. Nothing
// is restarted; every refused token is refused with its reason, in the answer and in the log.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JWKS_FETCH_DEFAULTS, type Membership } from '@corridor/proto';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_FIELDS, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

const TUNISIA = { id: 'tn-gn', name: 'Garde nationale — Direction des frontières maritimes', country: 'TUN' as const, networks: [] };
const DIRECTORY = '{ directory { entries { id agency } sources { agency ok error } } }';
type DirectoryAnswer = { directory: { entries: { agency: string }[]; sources: { agency: string; ok: boolean; error: string | null }[] } };

let net: TestNetwork;

beforeAll(async () => {
  net = await startTestNetwork();
});
afterAll(async () => {
  await net?.stop();
});

interface LogLine {
  msg: string;
  level: string;
  [field: string]: unknown;
}

async function logOf(name: string): Promise<LogLine[]> {
  const text = await readFile(join(net.rootDir, 'logs', `${name}.log`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

async function allLogText(): Promise<string> {
  const dir = join(net.rootDir, 'logs');
  return (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

const processes = () => ['gateway', ...Object.keys(net.nodes).map((a) => `node-${a}`)];

/** The membership version a process works with, from what it logged. */
async function versionIn(name: string): Promise<number> {
  let version = 0;
  for (const l of await logOf(name)) {
    if (l.msg === 'membership loaded' || l.msg === 'membership updated') version = l.version as number;
    if (l.msg === 'ready' && typeof l.membershipVersion === 'number') version = Math.max(version, l.membershipVersion);
  }
  return version;
}

async function everyProcessOn(version: number): Promise<boolean> {
  return (await Promise.all(processes().map(versionIn))).every((v) => v === version);
}

describe('an agency added to the signed membership while the network runs', () => {
  it('is asked by the gateway, and its users’ tokens and alerts are accepted by the other nodes', async () => {
    const before = await gql<DirectoryAnswer>(net.gatewayUrl, await net.token('it-polfr-officer'), DIRECTORY);
    expect(before.data?.directory.sources.map((s) => s.agency).sort()).toEqual(['it-polfr', 'ne-ppn', 'ng-nis']);

    await net.addAgency(TUNISIA);
    expect(net.membership.version).toBe(2);
    await eventually(() => everyProcessOn(2));

    // The gateway fans out to the new node.
    const after = await eventually(async () => {
      const r = await gql<DirectoryAnswer>(net.gatewayUrl, await net.token('it-polfr-officer'), DIRECTORY);
      return r.data?.directory.sources.some((s) => s.agency === 'tn-gn' && s.ok) ? r : undefined;
    });
    expect(after.errors).toBeUndefined();
    expect(after.data?.directory.sources.map((s) => s.agency).sort()).toEqual(['it-polfr', 'ne-ppn', 'ng-nis', 'tn-gn']);

    // Its officer's token (keys fetched from its JWKS address) is accepted at the gateway, and tokens
    // its node delegates (with the key the new version lists) at every other node.
    const tunisian = await net.token('tn-gn-officer');
    const me = await gql<{ me: { agency: string; agencyName: string } }>(net.gatewayUrl, tunisian, '{ me { agency agencyName } }');
    expect(me.data?.me).toEqual({ agency: 'tn-gn', agencyName: TUNISIA.name });
    for (const agency of ['it-polfr', 'ne-ppn', 'ng-nis']) {
      const r = await gql(
        net.nodes[agency]?.url as string,
        await net.delegatedToken('tn-gn-officer', agency),
        '{ directory { entries { id } } }',
      );
      expect({ agency, status: r.status, errors: r.errors }).toEqual({ agency, status: 200, errors: undefined });
    }

    // Its alerts carry a signature by a key only the new membership lists; a partner verifies and stores them.
    const published = await gql<{ publishAlert: { id: string } }>(
      net.gatewayUrl,
      tunisian,
      `mutation($input: AlertInput!) { publishAlert(input: $input) { ${ALERT_FIELDS} } }`,
      { input: routeAlert({ summary: 'Departures from Sfax towards Lampedusa' }) },
    );
    expect(published.errors).toBeUndefined();
    const id = published.data?.publishAlert.id as string;
    const italian = await net.token('it-polfr-officer');
    const stored = await eventually(async () => {
      const r = await gql<{ alerts: { id: string; origin: { agency: string }; signingKey: string | null }[] }>(
        net.nodes['it-polfr']?.url as string,
        italian,
        '{ alerts(scope: RECEIVED, limit: 500) { id origin { agency } signingKey } }',
      );
      return r.data?.alerts.find((a) => a.id === id);
    });
    expect(stored).toMatchObject({ origin: { agency: 'tn-gn' }, signingKey: 'tn-gn-alerts-1' });
  });
});

describe('a membership document that is not the next signed version', () => {
  const agencies = async () =>
    (await gql<{ agencies: { id: string }[] }>(net.gatewayUrl, await net.token('ne-ppn-officer'), '{ agencies { id } }')).data?.agencies
      .map((a) => a.id)
      .sort();

  async function refusals(reason: string): Promise<string[]> {
    const refusedBy: string[] = [];
    for (const name of processes()) {
      if ((await logOf(name)).some((l) => l.msg.startsWith('membership document refused') && l.reason === reason)) refusedBy.push(name);
    }
    return refusedBy.sort();
  }

  it('is refused when tampered with, by the gateway and every node, which keep working on the last good version', async () => {
    const version = net.membership.version;
    const signed = JSON.parse(await readFile(net.membershipFile, 'utf8')) as { membership: Membership; signature: string };
    // Someone with write access to the file slips in an agency of their own, and raises the version.
    const mallory = { ...(signed.membership.agencies[0] as Membership['agencies'][number]), id: 'xx-mallory', name: 'Mallory' };
    mallory.tokenIssuer = { issuer: 'https://mallory.invalid/', jwksUri: 'https://mallory.invalid/jwks.json' };
    signed.membership.agencies.push(mallory);
    signed.membership.version = version + 1;
    await writeFile(net.membershipFile, JSON.stringify(signed, null, 2));

    await eventually(async () => (await refusals('bad_signature')).length === processes().length);
    expect(await refusals('bad_signature')).toEqual(processes().sort());
    expect(await everyProcessOn(version)).toBe(true);
    expect(await agencies()).toEqual(['it-polfr', 'ne-ppn', 'ng-nis', 'tn-gn']);
    const r = await gql<DirectoryAnswer>(net.gatewayUrl, await net.token('ne-ppn-officer'), DIRECTORY);
    expect(r.errors).toBeUndefined();
    expect(r.data?.directory.sources.every((s) => s.ok)).toBe(true);
  });

  it('is refused when it is an older version, however validly signed (no rollback)', async () => {
    const version = net.membership.version;
    // The first version, genuinely signed by the secretariat, replayed: it did not list Tunisia.
    const first = { ...net.membership, version: 1, agencies: net.membership.agencies.filter((a) => a.id !== 'tn-gn') };
    await writeFile(net.membershipFile, await net.signedMembership(first));

    await eventually(async () => (await refusals('rollback')).length === processes().length);
    expect(await everyProcessOn(version)).toBe(true);
    expect(await agencies()).toEqual(['it-polfr', 'ne-ppn', 'ng-nis', 'tn-gn']);
    const tunisian = await gql(
      net.nodes['it-polfr']?.url as string,
      await net.delegatedToken('tn-gn-officer', 'it-polfr'),
      '{ directory { entries { id } } }',
    );
    expect(tunisian.status).toBe(200);
  });

  it('is followed again by the next good version', async () => {
    const next = await net.updateMembership((m) => ({ ...m, network: { ...m.network, name: 'Central Mediterranean (renamed)' } }));
    await eventually(() => everyProcessOn(next.version));
    expect(next.version).toBe(3);
  });
});

describe('token keys fetched from each issuer’s JWKS address', () => {
  const DIRECT = '{ directory { entries { id } } }';
  const italianNode = () => net.nodes['it-polfr']?.url as string;
  const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()).kid as string;

  it('accepts a token signed with a rotated key after one refetch, without a restart', async () => {
    const beforeRotation = await net.token('it-polfr-officer', { expiresIn: '2h' });
    await gql(italianNode(), beforeRotation, DIRECT);
    const kid = await net.issuer.rotateKey('it-polfr');
    const rotated = await net.token('it-polfr-officer');
    expect(kidOf(rotated)).toBe(kid);

    // Past the refetch cooldown since the node's last fetch, the unknown kid makes it fetch once.
    await new Promise((r) => setTimeout(r, JWKS_FETCH_DEFAULTS.refetchCooldownMs + 200));
    const fetches = net.issuer.jwksRequests('it-polfr');
    const first = await gql(italianNode(), rotated, DIRECT);
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    expect(net.issuer.jwksRequests('it-polfr')).toBe(fetches + 1);
    // Cached from then on: another token with the new key costs no fetch.
    const another = await net.token('it-polfr-officer', { expiresIn: '1h' });
    expect((await gql(italianNode(), another, DIRECT)).status).toBe(200);
    expect(net.issuer.jwksRequests('it-polfr')).toBe(fetches + 1);
    // The old key is still published: a token handed out before the rotation keeps working.
    expect((await gql(italianNode(), beforeRotation, DIRECT)).status).toBe(200);

    // Through the gateway, every node takes the new key as well.
    const federated = await gql<DirectoryAnswer>(net.gatewayUrl, rotated, DIRECTORY);
    expect(federated.errors).toBeUndefined();
    expect(federated.data?.directory.sources.every((s) => s.ok)).toBe(true);
  });

  it('refuses unknown and bad tokens with the reason in the answer and in the gateway’s and node’s logs, never the token', async () => {
    const issuer = net.membership.agencies.find((a) => a.id === 'it-polfr')?.tokenIssuer.issuer as string;
    const { privateKey } = await generateKeyPair('EdDSA');
    const forge = (kid: string, over: { alg?: 'HS256' } = {}) => {
      const jwt = new SignJWT({ agency: 'it-polfr', name: 'Mallory', roles: ['border_officer'], country: 'ITA', networks: [] })
        .setProtectedHeader({ alg: over.alg ?? 'EdDSA', kid })
        .setIssuer(issuer)
        .setSubject('mallory')
        .setAudience(net.membership.audience)
        .setExpirationTime('1h');
      return over.alg ? jwt.sign(new TextEncoder().encode('a secret that anyone might have guessed')) : jwt.sign(privateKey);
    };
    const cases: [string, string][] = [
      ['unknown_key', await forge('it-polfr-dev-issuer-99')],
      ['bad_signature', await forge(net.issuer.keyId('it-polfr'))],
      ['algorithm_not_allowed', await forge(net.issuer.keyId('it-polfr'), { alg: 'HS256' })],
      ['expired', await net.token('it-polfr-officer', { expiresIn: '-5m' })],
      ['malformed', 'not.a.token'],
    ];
    for (const [reason, token] of cases) {
      for (const [where, url] of [
        ['gateway', net.gatewayUrl],
        ['node', italianNode()],
      ]) {
        const r = await gql(url as string, token, where === 'gateway' ? DIRECTORY : DIRECT);
        expect({ reason, where, status: r.status, extensions: r.errors?.[0]?.extensions }).toEqual({
          reason,
          where,
          status: 401,
          extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', reason }),
        });
        expect(r.data ?? null).toBeNull();
      }
    }

    const refusedIn = async (name: string) =>
      new Set((await logOf(name)).filter((l) => l.msg === 'request refused').map((l) => l.reason as string));
    await eventually(async () => {
      const [gateway, node] = [await refusedIn('gateway'), await refusedIn('node-it-polfr')];
      return cases.every(([reason]) => gateway.has(reason) && node.has(reason));
    });
    const logs = await allLogText();
    for (const [, token] of cases.slice(0, 4)) {
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(token.split('.')[2] as string);
    }
  });

  it('did all of this without restarting any process', async () => {
    for (const name of processes()) {
      expect({ name, ready: (await logOf(name)).filter((l) => l.msg === 'ready').length }).toEqual({ name, ready: 1 });
    }
  });
});
